"""Machine-readable exports: every record as JSON, and one CSV row per claim."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
import unicodedata
from decimal import Decimal
from typing import Any

from dossier.link.crossref import Anchor, Index
from dossier.read.model import Claim
from dossier.render.common import Memo, claims_in_article_order

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
    "summary",
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
    "first_appearance_source",
    "first_appearance_change",
]


def _fields(record: Any) -> dict[str, Any]:
    """A record's fields but its origin, for the JSON encoder: nested records come back here
    (as `default`) and tuples become lists, both inside the C encoder."""
    kind = type(record)
    if kind not in _EXPORTED_FIELDS:
        if not dataclasses.is_dataclass(kind):
            raise TypeError(f"{kind.__name__} is not a record")
        _EXPORTED_FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind) if f.name != "origin")
    return {name: getattr(record, name) for name in _EXPORTED_FIELDS[kind]}


_EXPORTED_FIELDS: dict[type, tuple[str, ...]] = {}  # by record class, worked out once


def claims_json(index: Index) -> str:
    """Every record, normalised, in a versioned envelope; claims in article order."""
    with _JSON_LINES.round() as lines:
        data: dict[str, Any] = {
            "format_version": FORMAT_VERSION,
            **_licence(index),
            "articles": [lines.get(_dump, a) for a in index.articles.values()],
            "claims": [lines.get(_claim_line, c, index.anchors[c.id]) for c in claims_in_article_order(index)],
            "sources": [lines.get(_dump, s) for s in index.sources.values()],
            "entities": [lines.get(_dump, e) for e in index.entities.values()],
        }
    return _one_record_per_line(data)


def _licence(index: Index) -> dict[str, Any]:
    """Who publishes the data, under which licence, and how to cite it: the envelope's first fields."""
    masthead = index.masthead
    if masthead is None:
        return {}
    publisher = masthead.publisher
    return {
        "publisher": {"name": publisher.name, "url": publisher.url},
        "licence": {"name": masthead.licence.name, "url": masthead.licence.url},
        "cite_as": f"{publisher.name}: claims data, licensed {masthead.licence.name}",
    }


# Each record's line, kept between renders: the preview writes the exports again after each save.
_JSON_LINES = Memo()
_CSV_LINES = Memo()


def _dump(value: Any) -> str:
    # allow_nan=False: JSON has no infinity, so a value the checker should have refused fails here.
    return json.dumps(value, ensure_ascii=False, default=_fields, allow_nan=False)


def _claim_line(claim: Claim, anchor: Anchor) -> str:
    return _dump(
        _fields(claim) | {"position": {"paragraph": anchor.paragraph + 1, "start": anchor.start, "end": anchor.end}}
    )


def _one_record_per_line(data: dict[str, Any]) -> str:
    """The envelope indented, each record (given as its JSON line) on one line (scale work): still
    easy to diff, and written by the C encoder, where any `indent` makes `json` use its pure-Python one."""
    fields = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            fields.append(f"  {_dump(key)}: [\n    " + ",\n    ".join(value) + "\n  ]")
        else:
            fields.append(f"  {_dump(key)}: {_dump(value)}")
    return "{\n" + ",\n".join(fields) + "\n}\n"


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP: CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_HEAD = 16  # characters normalised to decide: enough for any compatibility form of one character


def csv_text(value: str) -> str:
    """A text cell a spreadsheet shows as text: a formula-like start gets a leading `'`.

    The start is judged after leading whitespace (no-break spaces too) and in NFKC form, as some
    spreadsheets read it: ` =1+1`, `\u00a0=1+1` and a full-width `＝1+1` are formulas there too.
    """
    head = value.lstrip()[:_HEAD]
    starts = (value, head, unicodedata.normalize("NFKC", head).lstrip())  # "=\u0338" is "≠" in NFKC
    return "'" + value if any(start.startswith(_FORMULA_STARTS) for start in starts) else value


def csv_number(value: float | None) -> str:
    """A number as a spreadsheet reads it: `1400000000000`, `11.5`, `0.0000001` (no `.0`, no exponent).

    An empty cell for no value, and for `inf` or `nan`, which the checker refuses and a
    spreadsheet would read as text.
    """
    if value is None or not math.isfinite(value):
        return ""
    text = format(Decimal(repr(value)), "f")  # repr is the shortest exact form; "f" spells out exponents
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _csv_row(claim: Claim, anchor: Anchor) -> list[str]:
    figure, quote, first = claim.figure, claim.quote, claim.first_appearance
    text = csv_text
    return [
        text(claim.id),
        text(claim.article),
        text(claim.kind),
        text(claim.claim),
        text(claim.excerpt),
        str(anchor.paragraph + 1),
        text(claim.verdict.rating),
        text(claim.verdict.checked),
        text(claim.verdict.summary or ""),
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
        text(first.source or "" if first else ""),
        text(first.change if first else ""),
    ]


def claims_csv(index: Index) -> str:
    """One row per claim, in article order; lists joined with `;`; safe to open in a spreadsheet."""
    with _CSV_LINES.round() as lines:
        rows = [lines.get(_csv_line, claim, index.anchors[claim.id]) for claim in claims_in_article_order(index)]
    # The byte-order mark makes Excel read the file as UTF-8 (curly quotes, €) rather than its locale's code page.
    return "\ufeff" + _csv_line_of(CSV_COLUMNS) + "".join(rows)


def _csv_line(claim: Claim, anchor: Anchor) -> str:
    return _csv_line_of(_csv_row(claim, anchor))


def _csv_line_of(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    return out.getvalue()
