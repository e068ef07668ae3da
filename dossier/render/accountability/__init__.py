"""Accountability on the pages: evidence that lasts, who stands behind each verdict, corrections.

Part of stage 3 (render): takes the linked `Index` and gives Markdown fragments and pages (the
citations' quotes and dates, "published after the article" marks, the About and Corrections
pages, the complete ClaimReview data) and the Atom feed, as values. Imports `read`, `link` and
`dossier.render`'s shared helpers (`markup`, `common`), never `publish`.
"""
