"""A second Python process for work that can run beside the main one: `python -m <module>`.

The request goes in as bytes on standard input and the answer comes back as bytes on standard
output; the worker reads its whole request before it writes, so neither pipe can fill up while
the other end waits. Callers keep a way to do the work themselves: `answer` is None whenever the
worker could not start, failed or was stopped, and nothing then depends on it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PACKAGE_PARENT = Path(__file__).resolve().parent.parent  # where `dossier` is importable


def cores() -> int:
    """The CPU cores this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else (os.cpu_count() or 1)


def start(module: str, request: bytes) -> subprocess.Popen[bytes] | None:
    """Start `python -m <module>` (a module of this package, such as `dossier.render.charts`) and hand it
    `request`; None if it cannot start."""
    try:
        worker = subprocess.Popen(
            [sys.executable, "-m", module],
            cwd=PACKAGE_PARENT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        return None
    assert worker.stdin is not None
    try:
        worker.stdin.write(request)
        worker.stdin.close()
    except OSError:  # it died at once (a broken interpreter, say)
        stop(worker)
        return None
    return worker


def answer(worker: subprocess.Popen[bytes]) -> bytes | None:
    """Wait for the worker; its output if it finished cleanly, else None."""
    assert worker.stdout is not None
    output = worker.stdout.read()  # the only pipe it writes to: its stderr goes nowhere
    worker.stdout.close()
    worker.wait()
    return output if worker.returncode == 0 and output else None


def stop(worker: subprocess.Popen[bytes] | None) -> None:
    """End a worker that is still running (the caller failed part way, or gave up on it)."""
    if worker is not None and worker.poll() is None:
        worker.kill()
        worker.wait()
