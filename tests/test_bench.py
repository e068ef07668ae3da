"""The benchmark still runs: a small quick run end to end, and its table and targets on known figures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from bench_dossier import Step, fastest, ratios, table, targets  # noqa: E402
from synth import make_dossier  # noqa: E402


def test_synthetic_dossier_is_deterministic_and_shaped_as_documented(tmp_path: Path) -> None:
    make_dossier(tmp_path / "a", 40)
    make_dossier(tmp_path / "b", 40)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yaml"))
    assert [(tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files] == [
        True
    ] * 54  # 40 claims, 2 articles, 8 sources, 2 entities, dossier.yaml and topics.yaml
    assert len(list((tmp_path / "a" / "articles").iterdir())) == 2  # one article per 20 claims
    assert len(list((tmp_path / "a" / "sources").iterdir())) == 8  # one source per 5 claims
    claim = (tmp_path / "a" / "claim-7.yaml").read_text(encoding="utf-8")
    assert "entities: [entity-1, entity-0]" in claim and "related: [claim-8]" in claim
    assert "topics: [topic-7, topic-8]" in claim and "  - source: source-1\n" in claim


def test_quick_benchmark_run_writes_its_table_and_json(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_dossier.py"), "--sizes", "40", "--quick", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    (run,) = data["results"]
    assert run["claims"] == 40 and run["articles"] == 2
    assert run["check"]["wall"] > 0 and run["render"]["peak_mb"] > 0
    assert "| 40 | check |" in result.stdout and "| check at 40: peak MB | " in result.stdout
    assert data["machine"]["cores"] >= 1


def test_table_reports_ratios_and_flags_a_missed_target() -> None:
    def step(wall: float) -> dict[str, float]:
        return {"wall": wall, "cpu": wall, "peak_mb": 100.0}

    results = [
        {"claims": n, "check": step(n / 1000), "render": step(n / 2000), "build": step(b), "mkdocs_alone": step(f)}
        | {"largest_pages": [("claims/index.html", 40_000)], "search_index_mb": n / 2000}
        | {"claims_index_json_mb": 0.1, "claims_json_mb": 1.0}
        for n, b, f in ((1000, 22.0, 20.0), (10000, 260.0, 200.0))
    ]
    ratio = ratios(results)
    assert round(ratio["build / MkDocs alone at 10000"], 2) == 1.3
    found = {t["target"]: t for t in targets(results, ratio)}
    assert found["build / MkDocs alone at 1000"]["met"] is True
    assert found["build / MkDocs alone at 10000"] == {
        "target": "build / MkDocs alone at 10000",
        "value": 1.3,
        "limit": 1.15,
        "met": False,
    }
    assert found["check at 10000: seconds"]["met"] is False  # 10 s
    assert "| build / MkDocs alone at 10000 | 1.3 | 1.15 | NO |" in table(results, ratio, list(found.values()))


def test_runs_in_turn_are_compared_by_their_fastest_wall_time() -> None:
    runs = [Step(30.0, 9.0, 1.0), Step(10.0, 8.0, 1.0), Step(20.0, 7.0, 1.0)]
    assert fastest(runs) == Step(10.0, 8.0, 1.0)
