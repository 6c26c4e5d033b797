"""Where a site keeps what sitegen makes besides its output."""

CACHE_DIR = ".sitegen-cache"  # the build cache, the dependency map, the build lock
