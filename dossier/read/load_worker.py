"""Reading a large dossier on two cores: a second Python process reads part of the files.

Reading and checking 10,000 records takes over two seconds, nearly all of it Python work on
one file at a time, so a second core halves it. The worker is this module run as
`python -m dossier.read.load_worker`: it takes (kind, path, bytes, shown, relative) jobs as a pickle
on standard input and answers with each one's (record, problems), pickled, on standard output.
Both ends are this program, over pipes it opened itself. Below `PARALLEL_FROM` files, or on one
core, starting a second interpreter costs more than it saves, and everything is read here; if the
worker fails for any reason, its share is read here too, so the result never depends on it.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dossier import worker_process
from dossier.problems import Problem
from dossier.read.model import Record, RecordKind
from dossier.read.records import no_cycle_collection, parse_record_bytes

PARALLEL_FROM = 3000  # files to parse; the worker starts in about 0.2 s and reads 2,000 files a second
WORKER_SHARE = 0.5  # it starts later, but unpickling its answer takes the main process only 0.06 s

Job = tuple[RecordKind, Path, bytes, str, str]  # kind, path, the file's bytes, shown path, relative path
Result = tuple[Record | None, list[Problem]]
Parse = Callable[[RecordKind, Path, bytes, str, str], Result]


def parse_all(jobs: list[Job], parse: Parse) -> list[Result]:
    """`parse` each job, in order; with enough jobs and two cores, a share of them in a worker."""
    if len(jobs) < PARALLEL_FROM or worker_process.cores() < 2:
        return [parse(*job) for job in jobs]
    split = len(jobs) - int(len(jobs) * WORKER_SHARE)
    theirs = jobs[split:]
    request = pickle.dumps([(kind, str(path), data, shown, rel) for kind, path, data, shown, rel in theirs])
    worker = worker_process.start("dossier.read.load_worker", request)
    try:
        mine = [parse(*job) for job in jobs[:split]]
        output = worker_process.answer(worker) if worker is not None else None
    finally:
        worker_process.stop(worker)
    answered: Any = pickle.loads(output) if output else None  # noqa: S301  # our own worker, over our own pipe
    if not isinstance(answered, list) or len(answered) != len(theirs):
        answered = [parse(*job) for job in theirs]
    return mine + answered


def _work() -> None:
    jobs = pickle.load(sys.stdin.buffer)  # noqa: S301  # written by parse_all above
    with no_cycle_collection():
        results = [parse_record_bytes(kind, Path(path), data, shown, rel) for kind, path, data, shown, rel in jobs]
    sys.stdout.buffer.write(pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))


if __name__ == "__main__":
    _work()
