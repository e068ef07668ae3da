"""Benchmark: check, render and build a synthetic dossier, and check hostile files.

Run: .venv/bin/python bench/bench_dossier.py [CLAIMS]   (default 1000 claims)
Timings depend on the machine; this is a measurement to report, not a test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier.pipeline import check_dossier  # noqa: E402
from dossier.site import render_site  # noqa: E402


def make_dossier(folder: Path, claims: int) -> None:
    for sub in ("articles", "sources", "entities"):
        (folder / sub).mkdir(parents=True)
    paragraphs = [
        f"Sentence number {n} says the value is {n * 3} units. It is long enough to quote." for n in range(claims)
    ]
    article = {"id": "a", "title": "T", "publisher": "P", "url": "https://example.org/", "paragraphs": paragraphs}
    (folder / "articles" / "a.yaml").write_text(json.dumps(article), encoding="utf-8")
    for n in range(claims // 10 or 1):
        (folder / "sources" / f"s{n}.yaml").write_text(
            json.dumps({"id": f"s{n}", "title": f"Source {n}", "publisher": "P", "url": f"https://example.org/{n}"}),
            encoding="utf-8",
        )
        (folder / "entities" / f"e{n}.yaml").write_text(
            json.dumps({"id": f"e{n}", "name": f"Entity {n}", "kind": "organization"}), encoding="utf-8"
        )
    for n in range(claims):
        claim = {
            "id": f"c{n}",
            "article": "a",
            "kind": "figure",
            "claim": f"The value is {n * 3} units.",
            "excerpt": f"Sentence number {n} says the value is {n * 3} units.",
            "figure": {"value": n * 3, "unit": "units", "stated": f"{n * 3} units"},
            "entities": [f"e{n % (claims // 10 or 1)}"],
            "topics": [f"t{n % 20}"],
            "verdict": {"rating": "supported", "checked": "2026-11-28", "conclusion": "Checked."},
            "sources": [{"source": f"s{n % (claims // 10 or 1)}", "note": "Says so."}],
        }
        (folder / f"c{n}.yaml").write_text(json.dumps(claim), encoding="utf-8")


def timed(label: str, func):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - start
    tracemalloc.start()  # a second, traced run: tracing slows Python down several times
    func()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    print(f"{label:<44} {seconds:7.2f} s   peak {peak:7.1f} MB (Python allocations)")
    return result


def main() -> None:
    claims = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "claims"
        make_dossier(folder, claims)
        _, index, problems = timed(f"check {claims} claims", lambda: check_dossier(str(folder)))
        assert not problems, problems[:3]
        pages = timed(f"render {len(index.claims)} claims", lambda: render_site(index))
        print(f"  {len(pages)} pages and exports")
        env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
        command = [
            sys.executable,
            str(ROOT / "build_claims.py"),
            "build",
            "--claims",
            str(folder),
            "--site-dir",
            str(Path(tmp) / "site"),
        ]
        timed(
            "full strict site build (subprocess)",
            lambda: subprocess.run(command, env=env, check=True, capture_output=True),
        )

        hostile = Path(tmp) / "hostile"
        (hostile / "articles").mkdir(parents=True)
        keys = "\n".join(f"k{n}: {n}" for n in range(72_000))  # just under the 1 MB limit
        (hostile / "wide.yaml").write_text(keys + "\n", encoding="utf-8")
        (hostile / "deep.yaml").write_text("a: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
        (hostile / "huge.yaml").write_text("# " + "x" * 50_000_000 + "\n", encoding="utf-8")
        bomb = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
        bomb += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
        (hostile / "bomb.yaml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
        _, _, problems = timed(
            "check hostile files (1 MB wide, deep, 50 MB, bomb)", lambda: check_dossier(str(hostile))
        )
        print(f"  {len(problems)} problems reported")


if __name__ == "__main__":
    main()
