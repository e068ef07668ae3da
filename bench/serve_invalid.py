"""Time `mkdocs serve` through a save that breaks a claim and the save that mends it.

While the records are invalid the hook builds the error site (dossier/publish/serve_errors.py):
one problem page at every page path the dossier has, so the page a contributor is looking at
shows the message. This times, on a synthetic dossier of N claims:

- broken: from saving a claim with an unknown rating to its claim page showing the problem;
- mended: from saving the original file back to the claim page showing the claim again.

Usage: python bench/serve_invalid.py [N ...]   (default 1000 10000). Only talks to 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serve_edit import SERVE_OPTIONS, start_server, stop_server, wait_for  # noqa: E402
from synth import make_dossier  # noqa: E402

PROBLEM_HEADING = "The site was not rebuilt"


def measure(claims: Path, claim_id: str, saves: int = 2, timeout: float = 1800) -> dict[str, object]:
    server, base = start_server(claims, SERVE_OPTIONS)
    page = f"{base}claims/{claim_id}/"
    path = claims / f"{claim_id}.yaml"
    original = path.read_text(encoding="utf-8")
    broken_text = "\n".join(
        "  rating: mostly-true" if line.startswith("  rating: ") else line for line in original.splitlines()
    )
    broken, mended = [], []
    try:
        start = time.perf_counter()
        first = wait_for(base, "Claims dossier", start + timeout) - start
        for n in range(saves):
            time.sleep(1.1)
            saved = time.perf_counter()
            path.write_text(broken_text + "\n", encoding="utf-8")
            broken.append(wait_for(page, PROBLEM_HEADING, saved + timeout) - saved)
            time.sleep(1.1)
            marker = f"Mended {n} {time.time_ns()}"
            mended_text = original.replace('claim: "', f'claim: "{marker}: ', 1)
            saved = time.perf_counter()
            path.write_text(mended_text, encoding="utf-8")
            mended.append(wait_for(page, marker, saved + timeout) - saved)
    finally:
        stop_server(server)
        path.write_text(original, encoding="utf-8")
    return {"first_build": first, "broken": broken, "mended": mended, "load_average": os.getloadavg()}


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [1000, 10000]
    results = {}
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"dossier-invalid-{n}-") as tmp:
            claims = Path(tmp) / "claims"
            make_dossier(claims, n)
            results[n] = measure(claims, "claim-1")
            print(n, json.dumps(results[n]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
