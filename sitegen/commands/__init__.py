"""Command-line entry points, one module per ``sitegen`` subcommand."""
