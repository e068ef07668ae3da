"""Turn one file's checked values into a typed record, applying the rules the spec cannot state."""

from __future__ import annotations

from typing import Any

from .fields import format_path
from .model import (
    Article,
    Claim,
    CopyOf,
    Correction,
    Entity,
    FieldPath,
    Figure,
    Finding,
    FirstAppearance,
    Origin,
    Period,
    Quote,
    Record,
    RecordKind,
    Source,
    SourceRef,
    UsdRate,
    Verdict,
)
from .paths import RESERVED_NAMES, article_page, claim_page, entity_page, source_page, topic_page
from .problems import Problem, quote_text


def build_record(
    kind: RecordKind, values: dict[str, Any], origin: Origin, stem: str
) -> tuple[Record | None, list[Problem]]:
    """Make the typed record for a file whose values passed the spec, or say why not."""
    problems: list[Problem] = []

    def report(path: FieldPath, message: str) -> None:
        line, col = origin.at(path)
        problems.append(Problem(origin.path, line, col, f"{format_path(path)}: {message}"))

    if values["id"] in RESERVED_NAMES:
        report(
            ("id",),
            _reserved(values["id"], _PAGE_OF[kind](values["id"])) + "; choose another id and rename the file to match",
        )
    elif values["id"] != stem:
        report(
            ("id",),
            f"{quote_text(values['id'])} must equal the file name {quote_text(stem)}; rename the file or change the id",
        )
    if kind == "claim":
        _check_claim(values, report)
    if kind == "source" and "accessed" in values and "published" in values:
        if date_before(values["accessed"], values["published"]):
            report(
                ("accessed",),
                f"{values['accessed']} is before published {values['published']}; "
                "a source cannot be read before it is published",
            )
    if problems:
        return None, problems
    return _MAKERS[kind](values, origin), []


def _check_claim(values: dict[str, Any], report: Any) -> None:
    figure = values.get("figure") or {}
    if "high" in figure and figure["high"] < figure["value"]:
        report(("figure", "high"), f"{figure['high']} is below value {figure['value']}; high is the top of the range")
    period = figure.get("period") or {}
    if "start" in period and "end" in period and _date_key(period["end"]) < _date_key(period["start"]):
        report(("figure", "period", "end"), f"{period['end']} is before start {period['start']}")
    unit = figure.get("unit", "")
    if "usd_rate" in figure and (unit == "USD" or not (len(unit) == 3 and unit.isupper())):
        report(
            ("figure", "usd_rate"),
            f"only for an amount in a currency other than USD; the unit here is {quote_text(unit)}, so remove usd_rate",
        )
    quote = values.get("quote") or {}
    if "text" in quote and quote["text"] not in values["excerpt"]:
        report(
            ("quote", "text"),
            f"{quote_text(quote['text'])} does not occur in the excerpt; the quote must be part of it",
        )
    if "stated" in figure and figure["stated"] not in values["excerpt"]:
        report(
            ("figure", "stated"),
            f"{quote_text(figure['stated'])} does not occur in the excerpt {quote_text(values['excerpt'], 120)}; "
            "copy the figure exactly as the excerpt writes it",
        )
    for index, topic in enumerate(values.get("topics", [])):
        if topic in RESERVED_NAMES:
            report(("topics", index), _reserved(topic, topic_page(topic)) + "; choose another topic")
    for index, other in enumerate(values.get("related", [])):
        if other == values["id"]:
            report(("related", index), "a claim cannot be related to itself")


def _reserved(name: str, page: str) -> str:
    return f"{quote_text(name)} is the name of a page the site generates ({page})"


def date_before(first: str, second: str) -> bool:
    """Whether date `first` is surely before `second`: partial dates compare by the parts both have."""
    a, b = _date_key(first), _date_key(second)
    common = min(len(a), len(b))
    return a[:common] < b[:common]


def _date_key(iso: str) -> tuple[int, ...]:
    """Partial dates compare by the parts they have: 2020 < 2020-05 < 2020-05-22 < 2021."""
    return tuple(int(part) for part in iso.split("-"))


def _make_claim(v: dict[str, Any], origin: Origin) -> Claim:
    figure = None
    if "figure" in v:
        f = dict(v["figure"])
        period = Period(**f.pop("period")) if "period" in f else None
        usd_rate = UsdRate(**f.pop("usd_rate")) if "usd_rate" in f else None
        figure = Figure(period=period, usd_rate=usd_rate, **f)
    return Claim(
        id=v["id"],
        article=v["article"],
        kind=v["kind"],
        claim=v["claim"],
        excerpt=v["excerpt"],
        verdict=Verdict(**v["verdict"]),
        origin=origin,
        occurrence=v.get("occurrence"),
        figure=figure,
        quote=Quote(**v["quote"]) if "quote" in v else None,
        entities=tuple(v.get("entities", ())),
        topics=tuple(v.get("topics", ())),
        sources=tuple(SourceRef(**ref) for ref in v.get("sources", ())),
        related=tuple(v.get("related", ())),
        corrections=tuple(Correction(**c) for c in v.get("corrections", ())),
        first_appearance=FirstAppearance(**v["first_appearance"]) if "first_appearance" in v else None,
    )


def _make_article(v: dict[str, Any], origin: Origin) -> Article:
    findings = tuple(Finding(text=f["text"], claims=tuple(f["claims"])) for f in v.get("findings", ()))
    return Article(origin=origin, **{**v, "paragraphs": tuple(v["paragraphs"]), "findings": findings})


def _make_source(v: dict[str, Any], origin: Origin) -> Source:
    copy_of = CopyOf(**v["copy_of"]) if "copy_of" in v else None
    return Source(origin=origin, **{**v, "copy_of": copy_of})


def _make_entity(v: dict[str, Any], origin: Origin) -> Entity:
    return Entity(origin=origin, **{**v, "aliases": tuple(v.get("aliases", ()))})


_PAGE_OF = {"claim": claim_page, "article": article_page, "source": source_page, "entity": entity_page}

_MAKERS: dict[str, Any] = {
    "claim": _make_claim,
    "article": _make_article,
    "source": _make_source,
    "entity": _make_entity,
}
