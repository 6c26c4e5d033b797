"""Enrich stage: topics, cross-links and events derived from the loaded content."""
