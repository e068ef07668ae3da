"""A deterministic synthetic dossier shaped like a fact-checking team's after years of work.

N claims over N/20 articles (20 claims each, one paragraph per claim); every claim names two
entities, cites one source, carries a pair of topics and one related claim; there is one source
per 5 claims and one entity per 20. Kinds and verdicts cycle so every page type and badge
appears. The same N always writes the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path

CLAIMS_PER_ARTICLE = 20
CLAIMS_PER_SOURCE = 5
CLAIMS_PER_ENTITY = 20
TOPICS = 40  # topic words, used in pairs
KINDS = ("figure", "statement", "quote", "forecast", "statement", "figure", "opinion")
RATINGS = ("supported", "partly-supported", "supported", "disputed", "unsupported", "supported", "unverified")
SUBJECTS = ("the ministry", "the regulator", "the port authority", "the national bank", "the city council")


MASTHEAD = """publisher:
  name: The Example Fact Desk
  url: https://factdesk.example.org/
team:
  - id: a-checker
    name: A. Checker
    role: Editor
funding: Reader donations.
contact:
  email: desk@example.org
corrections_policy: Corrections are dated and listed.
licence:
  name: CC BY 4.0
  url: https://creativecommons.org/licenses/by/4.0/
"""


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _record(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def claim_text(n: int) -> tuple[str, str]:
    """(the article's sentence for claim n, the claim restated)."""
    subject = SUBJECTS[n % len(SUBJECTS)]
    return (
        f"In year {2000 + n % 25}, {subject} reported {n * 7 + 3} million in spending on line {n}.",
        f"{subject.capitalize()} reported {n * 7 + 3} million of spending on line {n}.",
    )


def make_dossier(folder: Path, claims: int) -> None:
    """Write a synthetic dossier of `claims` claims into `folder` (created; must not exist)."""
    for sub in ("articles", "sources", "entities"):
        (folder / sub).mkdir(parents=True)
    (folder / "dossier.yaml").write_text(MASTHEAD, encoding="utf-8")
    topics = ["topics:"]
    for t in range(TOPICS):
        topics += [f"  - id: topic-{t}", f"    name: Topic {t}", f"    description: Claims filed under topic {t}."]
    (folder / "topics.yaml").write_text(_record(topics), encoding="utf-8")
    articles = max(1, claims // CLAIMS_PER_ARTICLE)
    sources = max(1, claims // CLAIMS_PER_SOURCE)
    entities = max(2, claims // CLAIMS_PER_ENTITY)
    for a in range(articles):
        paragraphs = [claim_text(n)[0] for n in range(a * CLAIMS_PER_ARTICLE, min(claims, (a + 1) * 20))]
        lines = [
            f"id: article-{a}",
            f"title: {_q(f'Where the money went, part {a}')}",
            "publisher: The Example Times",
            f"url: https://example.org/news/{a}",
            f"published: {2001 + a % 25}-0{1 + a % 9}-1{a % 10}",
            "author: A. Writer",
            "paragraphs:",
            *(f"  - {_q(p)}" for p in paragraphs),
        ]
        (folder / "articles" / f"article-{a}.yaml").write_text(_record(lines), encoding="utf-8")
    for s in range(sources):
        lines = [
            f"id: source-{s}",
            f"title: {_q(f'Annual spending report {s}')}",
            f"publisher: {_q(f'Statistics office {s % 50}')}",
            f"url: https://example.org/reports/{s}",
            "accessed: 2026-11-28",
            f"published: {2000 + s % 25}-1{s % 3}-0{1 + s % 9}",
            "kind: official",
        ]
        (folder / "sources" / f"source-{s}.yaml").write_text(_record(lines), encoding="utf-8")
    for e in range(entities):
        kind = ("person", "organization", "government", "place", "program")[e % 5]
        lines = [f"id: entity-{e}", f"name: {_q(f'Entity number {e}')}", f"kind: {kind}"]
        lines.append(f"description: {_q(f'A {kind} named in the articles.')}")
        (folder / "entities" / f"entity-{e}.yaml").write_text(_record(lines), encoding="utf-8")
    for n in range(claims):
        (folder / f"claim-{n}.yaml").write_text(_claim(n, claims, entities, sources), encoding="utf-8")


def _claim(n: int, claims: int, entities: int, sources: int) -> str:
    sentence, restated = claim_text(n)
    kind, rating = KINDS[n % len(KINDS)], RATINGS[n % len(RATINGS)]
    amount = n * 7 + 3
    first, second = (n * 3) % entities, (n * 3 + 1) % entities
    topic = n % TOPICS
    lines = [
        f"id: claim-{n}",
        f"article: article-{n // CLAIMS_PER_ARTICLE}",
        f"kind: {kind}",
        f"claim: {_q(restated)}",
        f"excerpt: {_q(sentence)}",
    ]
    if kind in ("figure", "forecast"):
        lines += ["figure:", f"  value: {amount}000000", "  unit: USD", f"  stated: {_q(f'{amount} million')}"]
        if rating == "partly-supported":
            lines.append(f"  checked_value: {amount + 1}000000")
    if kind == "quote":
        speaker = first // 5 * 5  # every fifth entity is a person, and only people are quoted
        lines += ["quote:", f"  speaker: entity-{speaker}", f"  text: {_q(f'reported {amount} million')}"]
    lines += [
        f"entities: [entity-{first}, entity-{second}]",
        f"topics: [topic-{topic}, topic-{(topic + 1) % TOPICS}]",
        "verdict:",
        f"  rating: {'opinion' if kind == 'opinion' else rating}",
        "  checked: 2026-11-28",
        f"  summary: {_q(f'The report for line {n} gives {amount} million.')}",
    ]
    if rating != "unverified" or kind == "opinion":
        lines.append(f"  conclusion: {_q(f'The report for line {n} gives {amount} million; see the source.')}")
    lines += ["sources:", f"  - source: source-{n // CLAIMS_PER_SOURCE % sources}", f"    note: {_q('Table 3.')}"]
    if claims > 1:
        lines.append(f"related: [claim-{(n + 1) % claims}]")
    return _record(lines)
