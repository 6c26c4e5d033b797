"""``sitegen import``: turn scraped article text or saved web pages into clean Markdown articles.

The flow is decode → blocks → furniture scoring → metadata → Markdown → duplicate check →
atomic write; :mod:`sitegen.importer.pipeline` ties the pure steps together and
:mod:`sitegen.commands.import_` does the file handling and reporting.
"""
