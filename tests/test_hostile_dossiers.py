"""The standing hostile suite: whole dossiers built to make `check` slow or its output huge.

Each case of bench/hostile_inputs.py (which times them) is refused here with a message at a
file, line and column, or passes; what `check` prints stays small in both formats. Sizes and
messages are asserted, never times.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from test_check import run

from conftest import ROOT
from dossier.problems import MAX_LINE

sys.path.insert(0, str(ROOT / "bench"))
from hostile_inputs import DOSSIER_CASES  # noqa: E402

TOO_OFTEN = (
    "excerpt: occurs more than 1,000 times in the article (paragraphs 1, 1, 1, 1, 1 and more); "
    "quote a longer passage, one that occurs at most 1,000 times"
)
BEYOND = "is beyond ±1e+18, the largest figure the site can chart; give it in a larger unit, such as usd-trillion"
# Per case: every message `check` prints (without its file:line:col, a closest passage shortened), and how often.
EXPECTED: dict[str, Counter[str]] = {
    "excerpt bomb: 200 claims by occurrence": Counter({TOO_OFTEN: 200}),
    "200 distinct repeated excerpts": Counter({TOO_OFTEN: 200}),
    "valid: 200 claims, 1,000 repeats": Counter(),
    "5 claims without occurrence": Counter({TOO_OFTEN: 5}),
    "serve: 30 broken claims": Counter({TOO_OFTEN: 30}),
    "200 excerpts not found": Counter(
        {
            'excerpt: not found in article "a"; closest passage (…)': 50,
            'excerpt: not found in article "a"; closest passage not searched: only the first 50 excerpts '
            "not found get one": 150,
        }
    ),
    "topic bomb: 4,900 topics": Counter({"topics: has 4,900 items; at most 20 are allowed": 1}),
    "overflowing figures": Counter(
        {
            f"figure.value: 1e+307 {BEYOND}": 1,
            f"figure.checked_value: -1e+307 {BEYOND}": 1,
            f"figure.high: 1e+19 {BEYOND}": 1,
            "figure.usd_rate.rate: at 9999 US dollars each, 1e+17 EUR is 1e+21 US dollars, beyond ±1e+18, "
            "the largest figure the site can chart; check the rate and the figure": 1,
        }
    ),
}
LOCATED = re.compile(r"^(?P<path>.+?\.yaml):(?P<line>[0-9]+):(?P<col>[0-9]+): (?P<message>.+)$")


def test_every_benchmark_case_has_its_expected_messages() -> None:
    assert sorted(EXPECTED) == sorted(DOSSIER_CASES)


@pytest.mark.parametrize("name", list(DOSSIER_CASES))
def test_hostile_dossier_is_refused_at_its_lines_with_bounded_output(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    DOSSIER_CASES[name].write(tmp_path / "claims")
    monkeypatch.chdir(tmp_path)  # paths as in a pull request's check: claims/c0.yaml
    code, out, err = run(["check"])
    lines = out.splitlines()
    expected = EXPECTED[name]
    assert (code, err) == (1 if expected else 0, "")
    problems = [LOCATED.match(line) for line in lines if " warning: " not in line][:-1]
    assert all(problems), lines[:3]
    shortened = [re.sub(r"closest passage \(paragraph.*", "closest passage (…)", m["message"]) for m in problems if m]
    assert Counter(shortened) == expected
    _, github, _ = run(["check", "--format", "github"])
    # Under 100 KB; the GitHub format prints each problem twice (an annotation, then the plain list).
    assert len(out.encode("utf-8")) < 100_000 and len(github.encode("utf-8")) < 200_000
    assert max(len(line) for line in github.splitlines()) <= MAX_LINE
