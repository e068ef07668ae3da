"""Machine-readable exports: every record as JSON, and one CSV row per claim."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from decimal import Decimal
from typing import Any

from .crossref import Index
from .model import Claim
from .render_common import claims_in_article_order

FORMAT_VERSION = 1
CSV_COLUMNS = [
    "id",
    "article",
    "kind",
    "claim",
    "excerpt",
    "paragraph",
    "rating",
    "checked",
    "conclusion",
    "figure_stated",
    "figure_value",
    "figure_high",
    "figure_unit",
    "figure_checked_value",
    "quote_speaker",
    "quote_text",
    "entities",
    "topics",
    "sources",
    "related",
]


def _plain(value: Any) -> Any:
    """A record as JSON-ready data: nested records expanded, tuples as lists, origins left out."""
    names = _exported_fields(type(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


def _exported_fields(kind: type) -> tuple[str, ...] | None:
    """A record class's field names but its origin, or None for anything that is not a record."""
    if kind not in _EXPORTED_FIELDS:
        is_record = dataclasses.is_dataclass(kind)
        names = tuple(f.name for f in dataclasses.fields(kind) if f.name != "origin") if is_record else None
        _EXPORTED_FIELDS[kind] = names
    return _EXPORTED_FIELDS[kind]


_EXPORTED_FIELDS: dict[type, tuple[str, ...] | None] = {}  # by class: asked about once per value


def claims_json(index: Index) -> str:
    """Every record, normalised, in a versioned envelope; claims in article order."""
    claims = []
    for claim in claims_in_article_order(index):
        anchor = index.anchors[claim.id]
        claims.append(
            _plain(claim) | {"position": {"paragraph": anchor.paragraph + 1, "start": anchor.start, "end": anchor.end}}
        )
    data = {
        "format_version": FORMAT_VERSION,
        "articles": [_plain(a) for a in index.articles.values()],
        "claims": claims,
        "sources": [_plain(s) for s in index.sources.values()],
        "entities": [_plain(e) for e in index.entities.values()],
    }
    return _one_record_per_line(data)


def _one_record_per_line(data: dict[str, Any]) -> str:
    """The envelope indented, each record on one line (scale work): still easy to diff, and
    written by the C encoder, where any `indent` makes `json` use its pure-Python one."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    fields = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            fields.append(f"  {dump(key)}: [\n    " + ",\n    ".join(dump(item) for item in value) + "\n  ]")
        else:
            fields.append(f"  {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(fields) + "\n}\n"


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP: CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_text(value: str) -> str:
    """A text cell a spreadsheet shows as text: a formula-like start gets a leading `'`."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def csv_number(value: float | None) -> str:
    """A number as a spreadsheet reads it: `1400000000000`, `11.5`, `0.0000001` (no `.0`, no exponent)."""
    if value is None:
        return ""
    text = format(Decimal(repr(value)), "f")  # repr is the shortest exact form; "f" spells out exponents
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _csv_row(index: Index, claim: Claim) -> list[str]:
    figure, quote = claim.figure, claim.quote
    text = csv_text
    return [
        text(claim.id),
        text(claim.article),
        text(claim.kind),
        text(claim.claim),
        text(claim.excerpt),
        str(index.anchors[claim.id].paragraph + 1),
        text(claim.verdict.rating),
        text(claim.verdict.checked),
        text(claim.verdict.conclusion or ""),
        text(figure.stated if figure else ""),
        csv_number(figure.value if figure else None),
        csv_number(figure.high if figure else None),
        text(figure.unit if figure else ""),
        csv_number(figure.checked_value if figure else None),
        text(quote.speaker if quote else ""),
        text(quote.text if quote else ""),
        text(";".join(claim.entities)),
        text(";".join(claim.topics)),
        text(";".join(r.source for r in claim.sources)),
        text(";".join(claim.related)),
    ]


def claims_csv(index: Index) -> str:
    """One row per claim, in article order; lists joined with `;`; safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for claim in claims_in_article_order(index):
        writer.writerow(_csv_row(index, claim))
    # The byte-order mark makes Excel read the file as UTF-8 (curly quotes, €) rather than its locale's code page.
    return "\ufeff" + out.getvalue()
