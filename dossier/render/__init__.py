"""Stage 3, render: every page and export, as a pure function of the linked records.

Takes the `Index` from `link`; gives Markdown pages, charts and exports (JSON, CSV, the search
entries) as values in memory, never touching files except in `site.write_site`. All record text
goes through the escaping helpers in `markup.py`. Imports `read` and `link`, never `publish`.
"""
