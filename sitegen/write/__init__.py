"""Write stage: put rendered files in place atomically, rewriting only what changed."""
