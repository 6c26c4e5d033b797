"""Markdown stage: article and topic bodies to HTML, plus what the body says.

One parse per body yields the HTML and, from the same token stream, its sentences (with
anchors), its topic mentions and its wikilinks, so enrichment never parses a body twice.
"""

from sitegen.markdown.body import BodyContext, RenderedBody, make_renderer

__all__ = ["BodyContext", "RenderedBody", "make_renderer"]
