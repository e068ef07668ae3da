"""Stage 1, read: one record file on its own, from bytes to a typed record.

Takes a claims folder (or one file's bytes); gives typed records (`model.py`) and every problem
with its file, line and column. Holds what a record is (`spec.py`, and the JSON Schema and
templates made from it), safe YAML reading (`yaml_*.py`), the field checker and the loader.
Imports only `dossier.problems` and `dossier.worker_process`: no later stage.
"""
