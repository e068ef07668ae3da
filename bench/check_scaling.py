"""Benchmark: how `check` scales with claims, and how long a wrong excerpt's suggestion takes.

Run: .venv/bin/python bench/check_scaling.py [CLAIMS ...]   (default 10000 100000)
     add --code DIR to time the `dossier` package of another checkout (e.g. main, for "before"),
     and --no-wrong-excerpt to skip the closest-passage case (minutes with the old search).
Each measurement runs in a fresh process, so its peak memory (max RSS) is its own. Timings
depend on the machine; this is a measurement to report, not a test.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs in the child: load, then link (references and excerpts); print both CPU times (steadier
# than wall time on a shared machine), peak RSS in MB and the problem count.
_CHILD = """
import resource, sys, time
sys.path.insert(0, sys.argv[1])
from dossier.link.crossref import link_dossier
from dossier.read.loader import load_dossier
start = time.process_time()
dossier, problems = load_dossier(sys.argv[2])
loaded = time.process_time()
_, more = link_dossier(dossier)
linked = time.process_time()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{loaded - start:.2f} {linked - loaded:.2f} {peak:.0f} {len(problems) + len(more)}")
"""


PER_ARTICLE = 20_000  # paragraphs per article: keeps each article file under the 1 MB limit


def write_tiny_claims(folder: Path, claims: int) -> None:
    """Tiny claims, each quoting its own short paragraph of an article of up to PER_ARTICLE paragraphs."""
    (folder / "articles").mkdir(parents=True)
    (folder / "sources").mkdir()
    for first in range(0, claims, PER_ARTICLE):
        paragraphs = [f"Item {n} costs {n * 7} coins." for n in range(first, min(claims, first + PER_ARTICLE))]
        name = f"a{first // PER_ARTICLE}"
        url = f"https://example.org/{name}"
        article = {"id": name, "title": "T", "publisher": "P", "url": url, "paragraphs": paragraphs}
        (folder / "articles" / f"{name}.yaml").write_text(json.dumps(article), encoding="utf-8")
    source = {"id": "s", "title": "S", "publisher": "P", "url": "https://example.org/s"}
    (folder / "sources" / "s.yaml").write_text(json.dumps(source), encoding="utf-8")
    for n in range(claims):
        claim = {
            "id": f"c{n}",
            "article": f"a{n // PER_ARTICLE}",
            "kind": "statement",
            "claim": f"Item {n} costs {n * 7} coins.",
            "excerpt": f"Item {n} costs {n * 7} coins.",
            "verdict": {"rating": "supported", "checked": "2024-01-01", "conclusion": "Yes."},
            "sources": [{"source": "s", "note": "Says so."}],
        }
        (folder / f"c{n}.yaml").write_text(json.dumps(claim), encoding="utf-8")


def write_wrong_long_excerpt(folder: Path) -> None:
    """A 1 KB excerpt of common words that is not in an article with a 985 KB paragraph."""
    (folder / "articles").mkdir(parents=True)
    words = "the of and to in a is that for it as was with be by on not he this are or his from at which".split()
    paragraph = " ".join(words[(n * 7) % len(words)] for n in range(250_000))[:985_000]
    article = {"id": "a", "title": "T", "publisher": "P", "url": "https://example.org/a", "paragraphs": [paragraph]}
    (folder / "articles" / "a.yaml").write_text(json.dumps(article), encoding="utf-8")
    excerpt = " ".join(words[(n * 5) % len(words)] for n in range(400))[:1000]
    claim = {
        "id": "c",
        "article": "a",
        "kind": "opinion",
        "claim": "C.",
        "excerpt": excerpt,
        "verdict": {"rating": "opinion", "checked": "2024-01-01", "conclusion": "A view."},
    }
    (folder / "c.yaml").write_text(json.dumps(claim), encoding="utf-8")


def measure(code: Path, folder: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(code), str(folder)], capture_output=True, text=True, check=True
    )
    load, link, peak, problems = result.stdout.split()
    return f"load {float(load):7.2f} s   link {float(link):7.2f} s CPU   peak {int(peak):5d} MB   {problems} problems"


def main(argv: list[str]) -> None:
    code = ROOT
    if "--code" in argv:
        at = argv.index("--code")
        code = Path(argv[at + 1]).resolve()
        argv = argv[:at] + argv[at + 2 :]
    wrong_excerpt = "--no-wrong-excerpt" not in argv  # it takes minutes with the old search
    sizes = [int(a) for a in argv if a != "--no-wrong-excerpt"] or [10_000, 100_000]
    print(f"dossier package from {code}")
    with tempfile.TemporaryDirectory() as tmp:
        if wrong_excerpt:
            wrong = Path(tmp) / "wrong"
            write_wrong_long_excerpt(wrong)
            print(f"{'1 KB wrong excerpt, 985 KB paragraph':<40} {measure(code, wrong)}", flush=True)
        for size in sizes:
            folder = Path(tmp) / f"tiny-{size}"
            write_tiny_claims(folder, size)
            print(f"{f'check {size:,} tiny claims':<40} {measure(code, folder)}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
