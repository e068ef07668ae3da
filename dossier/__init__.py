"""The claims dossier's pipeline, in four stages, each a sub-package:

1. `read`: each record file on its own, from bytes to a typed record, with every problem located;
2. `link`: the records together: references, excerpts anchored in their article, reverse indexes;
3. `render`: pages and exports, as a pure function of the linked records;
4. `publish`: the site handed to an engine (the MkDocs hook, Zensical), built atomically, served.

A stage imports only the stages above it in this list, never one below. `problems` (the one
error type and how problems print) and `worker_process` (a second Python process) serve every
stage; `cli` is the command line on top of all four, and `build_claims.py` its entry point.
Beside the stages, `start` holds editor tools (a new article from a page, a claim from an
excerpt, the coverage report) that use `read` and `link` and serve only `cli`.
"""
