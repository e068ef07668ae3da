"""Time the stages of `render --out` inside one process: check, render (in memory), write.

Run by bench_dossier.py as `python bench/stages.py CLAIMS_DIR OUT_DIR`; prints JSON. The render
target is about the render stage alone; `render --out` as a whole also checks and writes files.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier.link.check import check_dossier  # noqa: E402
from dossier.render.site import render_site, write_site  # noqa: E402


def main() -> None:
    claims, out = sys.argv[1], Path(sys.argv[2])
    stages = {}

    def stage(name: str, run):  # type: ignore[no-untyped-def]
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        stages[name] = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}
        stages[name]["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return result

    _, index, problems = stage("check", lambda: check_dossier(claims))
    assert not problems, problems[:3]
    pages = stage("render", lambda: render_site(index))
    stage("write", lambda: write_site(pages, out))
    print(json.dumps(stages))


if __name__ == "__main__":
    main()
