"""Stage 4, publish: the rendered pages handed to an engine and turned into a site.

Takes the pages from `render`; gives a built site: the MkDocs hook (check first, then pages in
memory), the Zensical build, the atomic folder swap that keeps the last good site, and the error
site `mkdocs serve` shows while records are invalid. May import every earlier stage.
"""
