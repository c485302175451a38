"""``orgwrite server``: the checker inside editors, over the Language Server Protocol (stdio).

The server is a thin edge over the same API the command line uses (``check_document``,
``fix_source``): diagnostics as the writer types, hovers with the rule's 依据, code actions for
each fix and one to apply every safe fix.  Positions cross the edge in UTF-16 code units, as LSP
counts them; orgwrite counts characters (:mod:`orgwrite.lsp.positions`).
"""
