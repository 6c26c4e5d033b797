"""Render stage: pages from templates, plus feeds, sitemap and the JSON export."""
