"""Load stage: read articles and topic descriptions from ``content/`` into typed objects."""
