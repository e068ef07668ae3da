"""Benchmark: how long and how much memory reading one hostile record file takes.

Run: .venv/bin/python bench/hostile_inputs.py [CASE ...]   (default: every case)

Each case writes a file, then reads it in a fresh Python process the way `check` reads a record
(compose the YAML, check its fields, type it) and prints the wall time and that process's peak
memory (max RSS, which includes about 25 MB for Python and the dossier package). The inputs are
those of issue 12 (items 6 and 10) and the hostile files the checker already refused. Timings
depend on the machine; this is a measurement to report, not a test. Target: every case under
2 s and 300 MB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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


def main(names: list[str]) -> None:
    chosen = {name: make for name, make in CASES.items() if not names or name in names}
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in chosen.items():
            path = Path(tmp) / "case.yaml"
            with path.open("wb") as file:
                data = make()
                file.writelines([data] if isinstance(data, bytes) else data)
                del data
            seconds, peak, problems = measure([path])
            print(f"{name:34} {seconds:6.2f} s {peak:7.1f} MB  {problems} problems", flush=True)
        if not names or "10,000 tiny claim files" in names:
            files = []
            for n in range(10_000):
                files.append(Path(tmp) / f"c{n}.yaml")
                files[-1].write_text(CLAIM.format(n=n), encoding="utf-8")
            seconds, peak, problems = measure(files)
            print(f"{'10,000 tiny claim files':34} {seconds:6.2f} s {peak:7.1f} MB  {problems} problems")


if __name__ == "__main__":
    main(sys.argv[1:])
