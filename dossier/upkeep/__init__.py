"""Editor tools beside the pipeline: jobs an editor runs on the records, not stages of the build.

`links` asks every URL in the dossier whether it still answers; `archive` asks the Internet
Archive to capture sources that have no archived copy and, when told to, writes the capture's
address into the source's YAML. They take the checked records from `read` and `link` (and may
use `problems`); they talk to the network and (with `--write`) to the YAML files, so no stage
imports them: only `cli` does.
"""
