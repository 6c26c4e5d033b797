"""``sitegen serve``: a preview server that rebuilds on change and reloads the open pages."""
