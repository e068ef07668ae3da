"""Commented templates for new records, written from the spec so every hint matches the schema."""

from __future__ import annotations

import datetime

from dossier.read import spec as s

TODO = "TODO"
_QUOTE_HINT = "The source's own words that the note relies on, copied exactly."
# Optional fields worth showing in a new record, commented out: the value as YAML after the key.
_OPTIONAL_EXAMPLES: dict[str, dict[str, str]] = {
    "claim": {
        "figure": "\n  value: 1.4e+12\n  unit: USD\n  stated: $1.4 trillion",
        "quote": "\n  speaker: entity-id\n  text: The quoted words, exactly as they stand in the excerpt.",
        "entities": "[entity-id]",
        "topics": "[topic]",
        "sources": (
            f"\n  - source: source-id\n    note: What this source says about the claim.\n    quote: {_QUOTE_HINT}"
        ),
        "related": "[other-claim-id]",
    },
    "source": {"published": "YYYY-MM-DD", "kind": "news"},
    "entity": {"description": TODO, "wikidata": "Q123", "aliases": "[Other name]"},
}


_CONCLUSION_HINT = "What the evidence shows, in your own words (required once the claim is rated)."


# The hint values the templates write for the contributor to replace (example values such as
# "USD" or "news" are real values, not hints). The checker refuses these as values.
PLACEHOLDERS = frozenset(
    {
        TODO,
        "YYYY-MM-DD",
        _CONCLUSION_HINT,
        "entity-id",
        "source-id",
        "other-claim-id",
        "topic",
        "Q123",
        "Other name",
        "The quoted words, exactly as they stand in the excerpt.",
        "What this source says about the claim.",
        _QUOTE_HINT,
    }
)


def _comment(field: s.Field, indent: str) -> str:
    hint = field.description
    if isinstance(field.type, s.Choice):
        hint += " One of: " + ", ".join(field.type.values) + "."
    return f"{indent}# {hint}\n"


def _required_lines(obj: s.Obj, values: dict[str, str], indent: str = "") -> str:
    """Every required field, with its hint; an optional one too when `values` gives it (at the top level)."""
    out = ""
    for field in obj.fields:
        if not field.required and (indent or field.name not in values):
            continue
        out += _comment(field, indent)
        if isinstance(field.type, s.Obj):
            out += f"{indent}{field.name}:\n" + _required_lines(field.type, values, indent + "  ")
        else:
            out += f"{indent}{field.name}: {values.get(field.name, TODO)}\n"
    return out


def render_template(
    kind: s.RecordKind,
    record_id: str,
    article: str | None = None,
    today: datetime.date | None = None,
    given: dict[str, str] | None = None,
) -> str:
    """The text of a new record file: required fields with hints, a few optional ones commented out.

    `given` holds further values already written as YAML (an excerpt quoted, an occurrence).
    """
    spec = s.SPECS[kind]
    folder = s.FOLDERS[kind]
    schema = ("../" if folder else "") + f"../schema/{kind}.schema.json"
    day = (today or datetime.date.today()).isoformat()
    # A claim is checked, and a source read, by whoever starts its record: today.
    values = {"id": record_id, "rating": "unverified", "checked": day, "accessed": day}
    if article:
        values["article"] = article
    values |= given or {}
    text = f"# yaml-language-server: $schema={schema}\n"
    text += f"# A new {kind} record. Replace every {TODO}, then run: python build_claims.py check\n"
    text += _required_lines(spec, values)
    if kind == "claim":
        text += f"  # conclusion: {_CONCLUSION_HINT}\n"
    for name, example in _OPTIONAL_EXAMPLES.get(kind, {}).items():
        field = spec.get(name)
        if field is not None:
            separator = "" if example.startswith("\n") else " "
            block = f"{name}:{separator}{example}".replace("\n", "\n# ")
            text += "\n" + _comment(field, "") + f"# {block}\n"
    return text
