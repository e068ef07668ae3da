"""Render the record specs as JSON Schema (draft 2020-12) for editors and the agreement test."""

from __future__ import annotations

import json
import sys
from typing import Any

from dossier.read import spec as s
from dossier.read.characters import SCHEMA_CLASS
from dossier.read.templates import PLACEHOLDERS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_ONE_LINE = rf"[^\n\t{SCHEMA_CLASS}]*"
_PROSE = rf"[^{SCHEMA_CLASS}]*"
# TODO, TBD, FIXME or XXX alone in any case (with punctuation around), an ellipsis, or a hint
# a template writes: what the checker refuses as a placeholder.
_WORDS = "|".join("".join(f"[{c.upper()}{c}]" for c in word) for word in ("todo", "tbd", "fixme", "xxx"))
_PLACEHOLDER = {
    "anyOf": [
        {"pattern": rf"^[\W_]*({_WORDS})[\W_]*$"},
        {"pattern": r"^[.… ]*[.…][.… ]*$"},
        {"enum": sorted(PLACEHOLDERS)},
    ]
}
_YEAR = "(19[0-9]{2}|[2-9][0-9]{3})"
NOT_PLACEHOLDER = {"not": {"$ref": "#/$defs/placeholder"}}


def record_schema(kind: s.RecordKind) -> dict[str, Any]:
    """The JSON Schema of one record kind (`claim`, `article`, `source`, `entity`, `dossier`, `topics`)."""
    schema = {
        "$schema": SCHEMA_DIALECT,
        "$id": f"{kind}.schema.json",
        "title": f"Claims dossier {kind} record",
        "description": _TITLES[kind],
    }
    body = _type(s.SPECS[kind])
    used = json.dumps(body)
    return {**schema, **body, "$defs": {name: d for name, d in _DEFS.items() if f'"#/$defs/{name}"' in used}}


def schema_files() -> dict[str, str]:
    """File name -> JSON text, for every record kind, as committed under `schema/`."""
    return {
        f"{kind}.schema.json": json.dumps(record_schema(kind), indent=2, ensure_ascii=False) + "\n" for kind in s.SPECS
    }


_TITLES = {
    "claim": "One claim from the article: its exact words, a neutral restatement, the verdict and the evidence.",
    "article": "An article under review, its text kept verbatim as paragraphs.",
    "source": "A page that a claim cites as evidence.",
    "entity": "A person, organisation, government body, place or programme that claims name.",
    "dossier": "dossier.yaml: who publishes the dossier and stands behind its verdicts.",
    "topics": "topics.yaml: every topic claims may use, with its name and a one-line description.",
}


_DEFS = {
    "placeholder": _PLACEHOLDER,
    "currency": {"description": "An ISO 4217 currency code.", "enum": sorted(s.CURRENCY_CODES)},
    "currency-lowercase": {"enum": sorted(code.lower() for code in s.CURRENCY_CODES)},
}


def _type(ftype: s.FieldType) -> dict[str, Any]:
    if isinstance(ftype, s.Obj):
        return _object(ftype)
    if isinstance(ftype, s.ListOf):
        out: dict[str, Any] = {"type": "array", "items": _type(ftype.item)}
        if ftype.unique and ftype.unique_key is None:
            out["uniqueItems"] = True
        if ftype.max_items is not None:
            out["maxItems"] = ftype.max_items
        return out
    if isinstance(ftype, s.Choice):
        return {"type": "string", "enum": list(ftype.values), "enumDescriptions": [d for _, d in ftype.options]}
    if isinstance(ftype, s.Number):  # the bounds refuse .inf, as the checker does
        limit = ftype.limit if ftype.limit is not None else sys.float_info.max
        return {"type": "number", "minimum": -limit, "maximum": limit}
    if isinstance(ftype, s.Count):
        return {"type": "integer", "minimum": 1}
    if isinstance(ftype, s.Date):
        return {
            "anyOf": [
                {"type": "integer", "minimum": 1900, "maximum": 9999},
                {"type": "string", "pattern": rf"^{_YEAR}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"},
            ]
        }
    if isinstance(ftype, s.Url):
        return {
            "type": "string",
            "pattern": rf"^https?://[^\s/{SCHEMA_CLASS}]+[^\s{SCHEMA_CLASS}]*$",
            **NOT_PLACEHOLDER,
        }
    if isinstance(ftype, s.Unit):
        word = {"pattern": s.UNIT_PATTERN.replace("[A-Z]{3}|", ""), "not": {"$ref": "#/$defs/currency-lowercase"}}
        return {"type": "string", "anyOf": [{"$ref": "#/$defs/currency"}, word]}
    text = ftype if isinstance(ftype, s.Text) else s.Text(one_line=True, max_length=64, pattern=s.ID_PATTERN)
    line = _ONE_LINE if text.one_line else _PROSE
    out = {"type": "string", "pattern": text.pattern or rf"^{line}[^\s{SCHEMA_CLASS}]{line}$", **NOT_PLACEHOLDER}
    if text.max_length is not None:
        out["maxLength"] = text.max_length
    return out


def _object(obj: s.Obj) -> dict[str, Any]:
    properties = {}
    for f in obj.fields:
        prop = {"description": f.description, **_type(f.type)}
        if f.required and isinstance(f.type, s.ListOf):
            prop["minItems"] = 1
        properties[f.name] = prop
    out: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    required = [f.name for f in obj.fields if f.required]
    if required:
        out["required"] = required
    rules = [_condition(c) for c in obj.conditions]
    if rules:
        out["allOf"] = rules
    return out


def _condition(cond: s.Condition) -> dict[str, Any]:
    """`if the deciding value is (not) in values then the field is required / absent`."""
    test: dict[str, Any] = {"enum": list(cond.values)}
    if cond.negate:
        test = {"not": test}
    for part in reversed(cond.when[1:]):
        test = {"properties": {part: test}, "required": [part]}
    condition = {"properties": {cond.when[0]: test}, "required": [cond.when[0]]}
    if cond.effect == "forbidden":
        then: dict[str, Any] = {"not": {"required": [cond.field]}}
    else:
        then = {"required": [cond.field], "properties": {cond.field: {"minItems": 1}}}
    return {"if": condition, "then": then}
