"""``orgwrite serve``: a local review page over the same API as the command line."""
