"""Publishing a built site: search index, link checking, content lint, scaffolding, deploying."""
