"""Benchmark: how long and how much memory hostile input takes, one file and whole dossiers.

Run: .venv/bin/python bench/hostile_inputs.py [CASE ...]   (default: every case)

File cases write one file, then read it in a fresh Python process the way `check` reads a record
(compose the YAML, check its fields, type it) and print the wall time and that process's peak
memory (max RSS, which includes about 25 MB for Python and the dossier package). The inputs are
those of issue 12 (items 6 and 10) and the hostile files the checker already refused. Target:
every case under 2 s and 300 MB.

Dossier cases (issue 17) write a whole claims folder, a few kilobytes of pull request on top of
a large article, and run `build_claims.py check` (plain and `--format github`) on it, `render`
if it is valid, and, for cases marked so, `mkdocs serve` until it serves the error page, each in
a fresh process. Each prints seconds, peak memory and what came out (bytes printed, written or served).
Targets: check under 15 s on a shared 2-core machine, its output under 100 KB, the served page
under 2 MB. Timings depend on the machine; this is a measurement to report, not a test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from synth import MASTHEAD  # noqa: E402

CLAIM = (
    "id: c{n}\narticle: a\nkind: statement\nclaim: Claim {n}.\nexcerpt: words {n}\n"
    "verdict:\n  rating: unverified\n  checked: 2024-01-01\n  summary: Not checked.\n"
)


def _duplicate_keys() -> bytes:
    return b"a: 1\n" * 199_999  # 1 MB of the same key


def _flow_list() -> bytes:
    return b"topics: [" + b"a," * 450_000 + b"]\n"


def _block_list() -> bytes:
    return b"topics:\n" + b"- a\n" * 240_000


def _distinct_keys() -> bytes:
    return b"".join(b"k%d: 1\n" % n for n in range(90_000))


def _deep_nesting() -> bytes:
    return b"claim: " + b"[" * 100_000 + b"]" * 100_000 + b"\n"


def _alias_bomb() -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return ("\n".join(lines) + "\n").encode()


def _huge_file() -> list[bytes]:
    return [b"# "] + [b"x" * 1_000_000] * 50 + [b"\n"]  # written in pieces: 50 MB never sits in memory


def _long_scalar() -> bytes:
    return b"claim: " + b"word " * 199_000 + b"\n"


def _invisible_characters() -> bytes:
    return ("claim: a" + "\u200b" * 330_000 + "\n").encode()


def _escaped_controls() -> bytes:
    return b'claim: "' + b"\\x7f" * 240_000 + b'"\n'


def _huge_integer() -> bytes:
    return b"figure:\n  value: 1" + b"0" * 400 + b"\n"


CASES: dict[str, Callable[[], bytes | list[bytes]]] = {
    "1 MB of duplicate keys": _duplicate_keys,
    "flow list of 450,000 items": _flow_list,
    "block list of 240,000 items": _block_list,
    "90,000 distinct unknown keys": _distinct_keys,
    "100,000 levels of nesting": _deep_nesting,
    "alias bomb": _alias_bomb,
    "50 MB file": _huge_file,
    "1 MB one-line value": _long_scalar,
    "330,000 zero-width spaces": _invisible_characters,
    "240,000 escaped DEL characters": _escaped_controls,
    "integer of 401 digits": _huge_integer,
}

# The child: read each file named on the command line as a claim, print how many problems.
CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from dossier.read.loader import parse_record_bytes, read_record_file
total = 0
for name in sys.argv[2:]:
    path = Path(name)
    data = read_record_file(path)
    total += 1 if isinstance(data, str) else len(parse_record_bytes("claim", path, data, name, path.name)[1])
print(total)
"""


def measure(paths: list[Path]) -> tuple[float, float, str]:
    """Seconds, peak MB and printed problem count of one child process reading `paths`."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(ROOT), *map(str, paths)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    out = child.stdout.read()
    _, _, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    return seconds, usage.ru_maxrss / 1024, out.strip()


def run_file_cases(names: list[str], tmp: Path) -> None:
    chosen = {name: make for name, make in CASES.items() if not names or name in names}
    for name, make in chosen.items():
        path = tmp / "case.yaml"
        with path.open("wb") as file:
            data = make()
            file.writelines([data] if isinstance(data, bytes) else data)
            del data
        seconds, peak, problems = measure([path])
        print(f"{name:34} {seconds:6.2f} s {peak:7.1f} MB  {problems} problems", flush=True)
    if not names or "10,000 tiny claim files" in names:
        files = []
        for n in range(10_000):
            files.append(tmp / f"c{n}.yaml")
            files[-1].write_text(CLAIM.format(n=n), encoding="utf-8")
        seconds, peak, problems = measure(files)
        print(f"{'10,000 tiny claim files':34} {seconds:6.2f} s {peak:7.1f} MB  {problems} problems")


# --- whole dossiers (issue 17): a small pull request on top of a large article -------------------

SENTENCE = "Go on. "  # 7 characters: 140,000 of them make a 980 KB paragraph
REPEATS = 140_000
LONG_SENTENCE = " ".join(f"w{n}" for n in range(200)) + ". "  # 891 characters, no word twice
ARTICLE_ID = "a"


def _write(folder: Path, relative: str, record: dict[str, object]) -> None:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")  # JSON is YAML


def write_article(folder: Path, paragraphs: list[str]) -> None:
    """The article, and the dossier.yaml every claims folder needs."""
    article = {"id": ARTICLE_ID, "title": "T", "publisher": "P", "url": "https://example.org/a"}
    _write(folder, f"articles/{ARTICLE_ID}.yaml", article | {"paragraphs": paragraphs})
    (folder / "dossier.yaml").write_text(MASTHEAD, encoding="utf-8")


def write_claim(folder: Path, claim_id: str, excerpt: str, **fields: object) -> None:
    claim = {"id": claim_id, "article": ARTICLE_ID, "kind": "statement", "claim": "A claim.", "excerpt": excerpt}
    verdict = {"verdict": {"rating": "unverified", "checked": "2024-01-01", "summary": "Not checked."}}
    _write(folder, f"{claim_id}.yaml", claim | fields | verdict)


def repeated_paragraph() -> str:
    return (SENTENCE * REPEATS).strip()


def excerpt_bomb(folder: Path, claims: int = 200) -> None:
    """Issue 17, item 1: 200 tiny claims quote one sentence of a 980 KB paragraph that repeats it, by occurrence."""
    write_article(folder, [repeated_paragraph()])
    for n in range(claims):
        write_claim(folder, f"c{n}", SENTENCE.strip(), occurrence=REPEATS - n)


def distinct_excerpt_bomb(folder: Path, claims: int = 200) -> None:
    """A variant: each claim quotes a different run of the repeated sentence, so no search is shared."""
    write_article(folder, [repeated_paragraph()])
    for n in range(claims):
        write_claim(folder, f"c{n}", (SENTENCE * (n + 1)).strip(), occurrence=1)


def valid_excerpt_bomb(folder: Path, claims: int = 200) -> None:
    """A valid variant: an 890-character sentence 1,000 times in one paragraph; claims quote it by occurrence."""
    write_article(folder, [(LONG_SENTENCE * 1_000).strip()])
    for n in range(claims):
        write_claim(folder, f"c{n}", LONG_SENTENCE.strip(), occurrence=n + 1)


def message_bomb(folder: Path, claims: int = 5) -> None:
    """Issue 17, item 2: claims without `occurrence` on the repeated paragraph (a message listed 140,000 places)."""
    write_article(folder, [repeated_paragraph()])
    for n in range(claims):
        write_claim(folder, f"c{n}", SENTENCE.strip())


def serve_bomb(folder: Path) -> None:
    """Issue 17, item 3: thirty tiny broken claims, every one a problem on every page of the serve error site."""
    message_bomb(folder, claims=30)


def not_found_bomb(folder: Path, claims: int = 200) -> None:
    """A variant: 200 different excerpts, none in the 980 KB paragraph, each asking for the closest passage."""
    write_article(folder, [repeated_paragraph()])
    for n in range(claims):
        write_claim(folder, f"c{n}", f"Go on {n}. " + SENTENCE * 100 + "Stop.")


def topic_bomb(folder: Path) -> None:
    """Issue 17, item 4: one claim in a 34 KB line of 4,900 topics (once 4,902 pages, a 120 MB site)."""
    write_article(folder, ["Ferries cost money."])
    write_claim(folder, "c0", "Ferries cost money.", topics=[f"t{n}" for n in range(4_900)])


def overflow_bomb(folder: Path) -> None:
    """Issue 17, item 5: figures whose values or US-dollar amounts overflow (the Figures page showed inf and +nan%)."""
    figures = [
        {"value": 1.0e307, "usd_rate": {"rate": 9999}},
        {"value": 1, "checked_value": -1.0e307},
        {"value": 1, "high": 1.0e19},
        {"value": 1.0e17, "usd_rate": {"rate": 9999}},
    ]
    write_article(folder, [f"It costs {n} coins." for n in range(len(figures))])
    _write(
        folder,
        "sources/s.yaml",
        {"id": "s", "title": "S", "publisher": "P", "url": "https://example.org/s", "accessed": "2024-01-01"},
    )
    for n, figure in enumerate(figures):
        if "usd_rate" in figure:
            figure["usd_rate"] = {"rate": 9999, "date": "2024", "source": "s"}
        fields = {"kind": "figure", "figure": {"unit": "EUR", "stated": f"{n} coins"} | figure}
        write_claim(folder, f"c{n}", f"It costs {n} coins.", **fields)


@dataclass(frozen=True)
class DossierCase:
    write: Callable[[Path], None]
    serve: bool = False  # also time `mkdocs serve` until it shows the error page


DOSSIER_CASES: dict[str, DossierCase] = {
    "excerpt bomb: 200 claims by occurrence": DossierCase(excerpt_bomb, serve=True),
    "200 distinct repeated excerpts": DossierCase(distinct_excerpt_bomb),
    "valid: 200 claims, 1,000 repeats": DossierCase(valid_excerpt_bomb),
    "5 claims without occurrence": DossierCase(message_bomb),
    "serve: 30 broken claims": DossierCase(serve_bomb, serve=True),
    "200 excerpts not found": DossierCase(not_found_bomb),
    "topic bomb: 4,900 topics": DossierCase(topic_bomb),
    "overflowing figures": DossierCase(overflow_bomb),
}


@dataclass(frozen=True)
class Run:
    code: int
    seconds: float
    peak_mb: float
    output: int  # bytes printed, written or served


def run_command(args: list[str], cwd: Path, out_dir: Path | None = None) -> Run:
    """One fresh process of `build_claims.py`; its output is what it printed, or wrote under `out_dir`."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "build_claims.py"), *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert child.stdout is not None
    printed = len(child.stdout.read())
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if out_dir is not None and out_dir.exists():
        printed = sum(p.stat().st_size for p in out_dir.rglob("*") if p.is_file())
    return Run(os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss / 1024, printed)


def serve_error_page(claims: Path, timeout: float = 300) -> Run:
    """`mkdocs serve` from its start to serving the error page at a claim's address; peak MB; the page's bytes."""
    from serve_edit import fetch, start_server, stop_server

    server, base = start_server(claims, [])
    try:
        start = time.perf_counter()
        page = ""
        while "The site was not rebuilt" not in page:
            if time.perf_counter() - start > timeout or server.poll() is not None:
                return Run(1, time.perf_counter() - start, _peak_mb(server.pid), 0)
            time.sleep(0.2)
            page = fetch(f"{base}claims/c0/")
        return Run(0, time.perf_counter() - start, _peak_mb(server.pid), len(page.encode("utf-8")))
    finally:
        stop_server(server)


def _peak_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return float("nan")
    return next(
        (int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmHWM:")), float("nan")
    )


def run_dossier_cases(names: list[str], tmp: Path) -> None:
    """Each case's claims folder at `tmp/claims`, checked from `tmp` as CI checks (`claims/c0.yaml:…`)."""
    print("\n| case | step | exit | seconds | peak MB | output KB |\n|---|---|---|---|---|---|")
    for name, case in DOSSIER_CASES.items():
        if names and name not in names:
            continue
        claims = tmp / "claims"
        shutil.rmtree(claims, ignore_errors=True)
        case.write(claims)
        steps = {"check": run_command(["check"], tmp)}
        steps["check --format github"] = run_command(["check", "--format", "github"], tmp)
        if steps["check"].code == 0:
            out = tmp / "rendered"
            shutil.rmtree(out, ignore_errors=True)
            steps["render --out"] = run_command(["render", "--out", str(out)], tmp, out)
        if case.serve:
            steps["serve: error page"] = serve_error_page(claims)
        for step, run in steps.items():
            row = f"{run.code} | {run.seconds:.2f} | {run.peak_mb:.0f} | {run.output / 1024:,.1f}"
            print(f"| {name} | {step} | {row} |", flush=True)


def main(names: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        if not names or any(n in CASES or n == "10,000 tiny claim files" for n in names):
            run_file_cases(names, Path(tmp))
        if not names or any(n in DOSSIER_CASES for n in names):
            run_dossier_cases(names, Path(tmp))


if __name__ == "__main__":
    main(sys.argv[1:])
