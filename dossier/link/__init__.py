"""Stage 2, link: the records together, across files.

Takes the loaded dossier from `read`; gives an `Index` (references resolved, each excerpt
anchored in its article), the rules that weigh records against each other, reverse indexes
(who cites, names or covers what) and warnings for records nothing uses. `check.py` runs
stages 1 and 2 as one call: that is the whole checker. Imports `read`, never `render` or `publish`.
"""
