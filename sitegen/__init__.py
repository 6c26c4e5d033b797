"""sitegen: a static-site generator for briefings.

The build is a pipeline, one subpackage per stage:
``config`` → ``content`` (load) → ``enrich`` (topics, links, events) → ``render`` → ``write``.
"""

__version__ = "0.1.0"
