"""Loading on two cores gives exactly what loading on one gives, and never depends on the worker."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dossier import worker_process
from dossier.link.check import check_dossier
from dossier.read import load_worker, loader

ROOT = Path(__file__).resolve().parent.parent


def load_both_ways(claims: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """The dossier read in this process alone, then with a worker, which must have answered:
    were it to fail, this process would read its share and the two would agree regardless."""
    monkeypatch.setattr(loader, "_loaded", {})
    alone = loader.load_dossier(claims)
    monkeypatch.setattr(loader, "_loaded", {})
    monkeypatch.setattr(load_worker, "PARALLEL_FROM", 1)
    monkeypatch.setattr(worker_process, "cores", lambda: 2)
    answers: list[bytes | None] = []
    answer = worker_process.answer
    monkeypatch.setattr(worker_process, "answer", lambda worker: answers.append(answer(worker)) or answers[-1])
    shared = loader.load_dossier(claims)
    assert len(answers) == 1 and answers[0], "the worker did not answer"
    assert len(load_worker.pickle.loads(answers[0])) >= 1
    return alone, shared


def test_the_real_dossier_loads_the_same_with_a_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    alone, shared = load_both_ways(str(ROOT / "claims"), monkeypatch)
    assert shared == alone


def test_problems_found_by_the_worker_are_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    claims = tmp_path / "claims"
    shutil.copytree(ROOT / "tests" / "example" / "claims", claims)
    for path in sorted(claims.glob("*.yaml"))[-3:]:  # the worker takes the last files
        path.write_text(path.read_text(encoding="utf-8").replace("kind:", "knid:"), encoding="utf-8")
    alone, shared = load_both_ways(str(claims), monkeypatch)
    assert shared == alone
    assert len(alone[1]) >= 3  # type: ignore[index]


def test_a_worker_that_fails_costs_nothing_but_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "_loaded", {})
    _, index, problems = check_dossier(str(ROOT / "claims"))
    monkeypatch.setattr(loader, "_loaded", {})
    monkeypatch.setattr(load_worker, "PARALLEL_FROM", 1)
    monkeypatch.setattr(worker_process, "cores", lambda: 2)
    monkeypatch.setattr(worker_process.sys, "executable", "/bin/false")
    _, again, problems_again = check_dossier(str(ROOT / "claims"))
    assert (again, problems_again) == (index, problems)


def test_the_worker_answers_in_order() -> None:
    jobs = [("claim", Path(f"{n}.yaml"), b"", f"claims/{n}.yaml", f"{n}.yaml") for n in range(4)]
    worker = worker_process.start(
        load_worker.__name__, load_worker.pickle.dumps([(k, str(p), d, s, r) for k, p, d, s, r in jobs])
    )
    assert worker is not None
    answer = load_worker.pickle.loads(worker_process.answer(worker) or b"")
    assert [problems[0].path for _, problems in answer] == [f"claims/{n}.yaml" for n in range(4)]
    assert answer[0][1][0].message.startswith("file is empty")
