"""Bad-input cases for `build_claims.py check`: edits to the example dossier and the exact output.

Each case changes a copy of tests/example/claims and lists every problem line the checker must
print, in order. Edits are (old, new) replacements in a file, a whole new file (text or bytes),
or None to delete.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    name: str
    edits: dict[str, str | bytes | None | list[tuple[str, str]]]
    expected: tuple[str, ...]


MINIMAL_SOURCE = "id: {id}\ntitle: T\npublisher: P\nurl: https://example.org/\naccessed: 2024-03-05\n"
CASES: list[Case] = [
    # --- YAML and file-level rules -------------------------------------------------------
    Case(
        "yaml syntax error",
        {"roads-better.yaml": [("kind: opinion", "kind: [opinion")]},
        (
            'claims/roads-better.yaml:4:7: YAML syntax error: the list opened with "[" on line 4 is never closed; end it with "]" (and separate its items with ", ")',
        ),
    ),
    Case(
        "control character",
        {"entities/ana-ruiz.yaml": [("name: Ana Ruiz", "name: Ana\x07Ruiz")]},
        (
            "claims/entities/ana-ruiz.yaml:3:10: U+0007 (a control character) is not allowed in a record file; remove it",
        ),
    ),
    Case(
        "top level is a list",
        {"roads-better.yaml": "- id: roads-better\n"},
        ("claims/roads-better.yaml:1:1: the top level must be a mapping of fields (key: value), got a list",),
    ),
    Case(
        "top level is a scalar",
        {"roads-better.yaml": "just some text\n"},
        (
            'claims/roads-better.yaml:1:1: the top level must be a mapping of fields (key: value), got text "just some text"',
        ),
    ),
    Case(
        "duplicate top-level key",
        {"roads-better.yaml": [("kind: opinion", "kind: opinion\nkind: statement")]},
        (
            'claims/roads-better.yaml:5:1: duplicate field "kind" (first at line 4); YAML would keep only the last, so merge them',
        ),
    ),
    Case(
        "duplicate nested key",
        {"roads-better.yaml": [("  checked: 2024-03-10", "  checked: 2024-03-10\n  checked: 2024-03-11")]},
        (
            'claims/roads-better.yaml:10:3: verdict: duplicate field "checked" (first at line 9); YAML would keep only the last, so merge them',
        ),
    ),
    Case(
        "non-UTF-8 byte",
        {
            "sources/council-minutes.yaml": b"id: council-minutes\ntitle: Caf\xe9 minutes\npublisher: P\nurl: https://example.org/\n"
        },
        ("claims/sources/council-minutes.yaml:2:11: file is not UTF-8: byte 0xe9 cannot be decoded; save it as UTF-8",),
    ),
    Case(
        "empty file",
        {"sources/council-minutes.yaml": ""},
        (
            "claims/sources/council-minutes.yaml:1:1: file is empty (or holds only comments); a record is a YAML mapping",
        ),
    ),
    Case(
        "comment-only file",
        {"sources/council-minutes.yaml": "# to do\n\n# later\n"},
        (
            "claims/sources/council-minutes.yaml:1:1: file is empty (or holds only comments); a record is a YAML mapping",
        ),
    ),
    Case(
        "explicit python tag",
        {"roads-better.yaml": [("claim: Critics", "claim: !!python/object/apply:os.system [Critics]\nx: Critics")]},
        (
            "claims/roads-better.yaml:5:8: claim: expected text, got a list",
            "claims/roads-better.yaml:5:8: explicit YAML tag !!python/object/apply:os.system is not allowed; remove it (quote the value if it is text)",
            'claims/roads-better.yaml:6:1: unknown field "x"; allowed here: id, article, kind, claim, excerpt, occurrence, figure, quote, entities, topics, verdict, sources, related, corrections, first_appearance',
        ),
    ),
    Case(
        "explicit str tag",
        {"roads-better.yaml": [("kind: opinion", "kind: !!str opinion")]},
        (
            "claims/roads-better.yaml:4:7: explicit YAML tag !!str is not allowed; remove it (quote the value if it is text)",
        ),
    ),
    Case(
        "anchor and alias",
        {
            "roads-better.yaml": [
                ("claim: Critics", "claim: &c Critics"),
                ("  conclusion: A view", "  conclusion: *c\n  x: A view"),
            ]
        },
        (
            "claims/roads-better.yaml:5:8: YAML anchor &c is not allowed; remove it",
            "claims/roads-better.yaml:11:15: YAML alias *c is not allowed; write the value out",
            "claims/roads-better.yaml:11:15: verdict.conclusion: expected text, got nothing; write a value after the colon",
            'claims/roads-better.yaml:12:3: verdict: unknown field "x"; allowed here: rating, checked, summary, conclusion, checked_by',
        ),
    ),
    Case(
        "several documents",
        {"roads-better.yaml": [("id: roads-better", "id: roads-better\n---\nid: other")]},
        ("claims/roads-better.yaml:3:1: several YAML documents in one file; a record holds one",),
    ),
    Case(
        ".yml extension",
        {"sources/extra.yml": MINIMAL_SOURCE.format(id="extra")},
        ('claims/sources/extra.yml:1:1: record files end in .yaml; rename it to "extra.yaml"',),
    ),
    Case(
        "stray subfolder",
        {"source/extra.yaml": MINIMAL_SOURCE.format(id="extra")},
        (
            "claims/source:1:1: unknown folder (did you mean sources/?); records go in the claims folder itself or in articles/, sources/, entities/",
        ),
    ),
    Case(
        "folder inside a record folder",
        {"sources/old/extra.yaml": MINIMAL_SOURCE.format(id="extra")},
        ("claims/sources/old:1:1: unexpected folder inside sources/; source records sit directly in sources/",),
    ),
    Case(
        "file that is not a record",
        {"notes.txt": "remember the milk\n"},
        ("claims/notes.txt:1:1: not a record file; the claims folder holds only .yaml records",),
    ),
    Case(
        "file too large",
        {"sources/council-minutes.yaml": "# " + "x" * 1_000_000 + "\n"},
        ("claims/sources/council-minutes.yaml:1:1: file is too large (over 1,000,000 bytes); a record is far smaller",),
    ),
    Case(
        "deep nesting",
        {"roads-better.yaml": "claim: " + "[" * 40 + "]" * 40 + "\n"},
        ("claims/roads-better.yaml:1:39: nesting deeper than 32 levels; records are at most a few levels deep",),
    ),
    Case(
        "unquoted impossible date",
        {"roads-better.yaml": [("checked: 2024-03-10", "checked: 2026-13-45")]},
        ('claims/roads-better.yaml:9:12: verdict.checked: "2026-13-45" is not a date that exists',),
    ),
    Case(
        "quoted impossible date",
        {"roads-better.yaml": [("checked: 2024-03-10", 'checked: "2023-02-29"')]},
        ('claims/roads-better.yaml:9:12: verdict.checked: "2023-02-29" is not a date that exists',),
    ),
    Case(
        "date with a time",
        {"roads-better.yaml": [("checked: 2024-03-10", "checked: 2024-03-10 12:30:00")]},
        (
            'claims/roads-better.yaml:9:12: verdict.checked: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, without a time; got "2024-03-10 12:30:00"',
        ),
    ),
    Case(
        "date in the wrong shape",
        {"roads-better.yaml": [("checked: 2024-03-10", "checked: 10/03/2024")]},
        (
            'claims/roads-better.yaml:9:12: verdict.checked: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got text "10/03/2024"',
        ),
    ),
    # harden-input: syntax errors name the line of the mistake and the fix; raw invisible and
    # control characters; the per-file budget of values.
    Case(
        "tab used for indentation",
        {"roads-better.yaml": [("  rating: opinion", "\trating: opinion")]},
        (
            "claims/roads-better.yaml:8:1: YAML syntax error: a tab is used for indentation on line 8; indent with spaces",
        ),
    ),
    Case(
        "field without a colon",
        {"roads-better.yaml": [("kind: opinion", "kind opinion")]},
        (
            'claims/roads-better.yaml:4:1: YAML syntax error: line 4 has no ":" after its field name; write it as name: value',
        ),
    ),
    Case(
        "nested field without a colon",
        {"roads-better.yaml": [("  rating: opinion", "  rating opinion")]},
        (
            'claims/roads-better.yaml:8:3: YAML syntax error: line 8 has no ":" after its field name; write it as name: value',
        ),
    ),
    Case(
        "last field without a colon",
        {"roads-better.yaml": [("  conclusion: A view", "  conclusion A view")]},
        (
            'claims/roads-better.yaml:11:3: YAML syntax error: line 11 has no ":" after its field name; write it as name: value',
        ),
    ),
    Case(
        "double quote never closed",
        {
            "roads-better.yaml": [
                (
                    "claim: Critics say the money would be better spent on roads.",
                    'claim: "Critics say the money would be better spent on roads.',
                )
            ]
        },
        (
            'claims/roads-better.yaml:5:8: YAML syntax error: the quote " opened on line 5 is never closed; end the value with "',
        ),
    ),
    Case(
        "single quote never closed, swallowing later lines",
        {
            "sources/council-minutes.yaml": [
                ("title: Minutes", "title: 'Minutes"),
                ("kind: official", "kind: 'official'"),
            ]
        },
        (
            "claims/sources/council-minutes.yaml:3:8: YAML syntax error: the quote ' opened on line 3 is never closed; end the value with '",
        ),
    ),
    Case(
        "mapping never closed",
        {"ferry-budget.yaml": [("period:\n    start: 2024\n    end: 2027", "period: {start: 2024, end: 2027")]},
        (
            'claims/ferry-budget.yaml:12:11: YAML syntax error: the mapping opened with "{" on line 12 is never closed; end it with "}" (and separate its items with ", ")',
        ),
    ),
    Case(
        "colon and space inside a plain value",
        {
            "roads-better.yaml": [
                (
                    "claim: Critics say the money would be better spent on roads.",
                    "claim: Critics say: the money would be better spent on roads.",
                )
            ]
        },
        (
            'claims/roads-better.yaml:5:19: YAML syntax error: a value holds ": " (a colon and a space); put the whole value in quotes',
        ),
    ),
    Case(
        "field indented more than its neighbours",
        {"roads-better.yaml": [("  checked: 2024-03-10", "    checked: 2024-03-10")]},
        (
            "claims/roads-better.yaml:9:5: YAML syntax error: line 9 is indented more than the line above it; give the fields of one mapping the same indentation",
        ),
    ),
    Case(
        "field indented less than its neighbours",
        {"roads-better.yaml": [("  checked: 2024-03-10", " checked: 2024-03-10")]},
        (
            "claims/roads-better.yaml:9:2: YAML syntax error: line 9 is not lined up with the fields above it; give the fields of one mapping the same indentation",
        ),
    ),
    Case(
        "list item out of line",
        {"ferry-budget.yaml": [("  - budget", " - budget")]},
        (
            'claims/ferry-budget.yaml:20:2: YAML syntax error: the list item on line 20 is not lined up under a field or with the items above it; indent every "- " of one list the same',
        ),
    ),
    Case(
        "text after a closing quote",
        {
            "roads-better.yaml": [
                (
                    "claim: Critics say the money would be better spent on roads.",
                    'claim: "Critics" say the money would be better spent on roads.',
                )
            ]
        },
        (
            "claims/roads-better.yaml:5:18: YAML syntax error: text follows the closing quote; put the whole value in one pair of quotes",
        ),
    ),
    Case(
        "value starting with a reserved character",
        {"entities/ana-ruiz.yaml": [("description: Mayor of Harbourville.", "description: @mayor of Harbourville")]},
        (
            'claims/entities/ana-ruiz.yaml:5:14: YAML syntax error: a value cannot start with "@" in YAML; put the value in quotes',
        ),
    ),
    Case(
        "unknown escape in double quotes",
        {
            "entities/ana-ruiz.yaml": [
                ("description: Mayor of Harbourville.", 'description: "Mayor of C:\\Harbourville"')
            ]
        },
        (
            "claims/entities/ana-ruiz.yaml:5:26: YAML syntax error: \\H is not an escape YAML knows in double quotes; write \\\\ for a backslash, or use single quotes",
        ),
    ),
    Case(
        "text on the block scalar line",
        {"ferry-budget.yaml": [("  conclusion: |\n", "  conclusion: |The council's\n")]},
        (
            'claims/ferry-budget.yaml:26:16: YAML syntax error: after "|" or ">" the text starts on the next line, indented; move it there',
        ),
    ),
    Case(
        "UTF-16 file",
        {"sources/council-minutes.yaml": b"\xff\xfei\x00d\x00:\x00 \x00x\x00\n\x00"},
        (
            "claims/sources/council-minutes.yaml:1:1: file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
        ),
    ),
    Case(
        "whitespace-only file",
        {"sources/council-minutes.yaml": "  \n\n"},
        (
            "claims/sources/council-minutes.yaml:1:1: file is empty (or holds only comments); a record is a YAML mapping",
        ),
    ),
    Case(
        "raw invisible characters anywhere",
        {
            "roads-better.yaml": [
                ("# yaml-language-server", "# \u202eyaml-language-server"),
                ("claim: Critics", "claim: Cri\u200btics"),
            ]
        },
        (
            "claims/roads-better.yaml:1:3: U+202E (an invisible bidirectional-text control) is not allowed in a record file; remove it",
            "claims/roads-better.yaml:5:11: U+200B (an invisible zero-width character) is not allowed in a record file; remove it",
        ),
    ),
    Case(
        "raw DEL, C1 and NEL",
        {
            "entities/ana-ruiz.yaml": [
                ("name: Ana Ruiz", "name: Ana\x7f Ruiz\x9b"),
                ("kind: person", "kind: person\x85"),
            ]
        },
        (
            "claims/entities/ana-ruiz.yaml:3:10: U+007F (a control character) is not allowed in a record file; remove it",
            "claims/entities/ana-ruiz.yaml:3:16: U+009B (a control character) is not allowed in a record file; remove it",
            "claims/entities/ana-ruiz.yaml:4:13: U+0085 (a control character) is not allowed in a record file; remove it",
        ),
    ),
    Case(
        "more than ten raw invisible characters",
        {
            "entities/ana-ruiz.yaml": [
                (
                    "name: Ana Ruiz",
                    "name: Ana\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b Ruiz",
                )
            ]
        },
        (
            "claims/entities/ana-ruiz.yaml:3:10: U+200B (an invisible zero-width character) is not allowed in a record file; remove it",
            "claims/entities/ana-ruiz.yaml:3:11: U+200B (an invisible zero-width character) is not allowed in a record file; remove it",
            "claims/entities/ana-ruiz.yaml:3:12: U+200B (an invisible zero-width character) is not allowed in a record file; remove it",
            "claims/entities/ana-ruiz.yaml:3:13: U+200B (an invisible zero-width character) is not allowed in a record file; remove it",
            "claims/entities/ana-ruiz.yaml:3:14: U+200B (an invisible zero-width character) is not allowed in a record file; remove it",
            "claims/entities/ana-ruiz.yaml:3:15: U+200B (an invisible zero-width character) is not allowed in a record file; remove it",
            "claims/entities/ana-ruiz.yaml:3:16: U+200B (an invisible zero-width character) is not allowed in a record file; remove it",
            "claims/entities/ana-ruiz.yaml:3:17: U+200B (an invisible zero-width character) is not allowed in a record file; remove it",
            "claims/entities/ana-ruiz.yaml:3:18: U+200B (an invisible zero-width character) is not allowed in a record file; remove it",
            "claims/entities/ana-ruiz.yaml:3:19: U+200B (an invisible zero-width character) is not allowed in a record file; remove it",
            "claims/entities/ana-ruiz.yaml:3:20: 2 more such characters from here on; remove them all",
        ),
    ),
    Case(
        "more values than any record holds",
        {"sources/council-minutes.yaml": "id: council-minutes\ntags:\n" + "  - x\n" * 5_000},
        (
            "claims/sources/council-minutes.yaml:4998:5: more than 5,000 values (fields and list items) in one file; a record holds a few hundred at most, so remove the repeated lines",
        ),
    ),
    # --- fields ---------------------------------------------------------------------------
    Case(
        "unknown field, close to a known one",
        {"roads-better.yaml": [("excerpt:", "exerpt:")]},
        (
            'claims/roads-better.yaml:2:1: missing required field "excerpt"',
            'claims/roads-better.yaml:6:1: unknown field "exerpt"; did you mean "excerpt"?',
        ),
    ),
    Case(
        "unknown field, nothing close",
        {"entities/ana-ruiz.yaml": [("kind: person", "kind: person\nbirthday: 1970")]},
        (
            'claims/entities/ana-ruiz.yaml:5:1: unknown field "birthday"; allowed here: id, name, kind, description, aliases, wikidata, url',
        ),
    ),
    Case(
        "missing required nested field",
        {"roads-better.yaml": [("  checked: 2024-03-10\n", "")]},
        ('claims/roads-better.yaml:8:3: verdict: missing required field "checked"',),
    ),
    Case(
        "unquoted true, null and number where text is expected (on is text to YAML 1.2)",
        {
            "sources/council-minutes.yaml": [
                ("title: Minutes of the council meeting of 4 March 2024", "title: true"),
                ("publisher: Harbourville Council", "publisher: null"),
            ],
            "entities/ana-ruiz.yaml": [("kind: person", "kind: person\naliases: [on, 1970]")],
        },
        (
            'claims/entities/ana-ruiz.yaml:5:15: aliases[1]: expected text, got the number 1970; write it in quotes: "1970"',
            'claims/sources/council-minutes.yaml:3:8: title: expected text, got the boolean true (YAML reads an unquoted true as a yes/no value); write it in quotes: "true"',
            'claims/sources/council-minutes.yaml:4:12: publisher: expected text, got null (YAML reads an unquoted null as empty); write it in quotes: "null"',
        ),
    ),
    Case(
        "empty required text",
        {"roads-better.yaml": [("claim: Critics say the money would be better spent on roads.", 'claim: "  "')]},
        ("claims/roads-better.yaml:5:8: claim: must not be empty",),
    ),
    Case(
        "value left out after the colon",
        {"roads-better.yaml": [("claim: Critics say the money would be better spent on roads.", "claim:")]},
        ("claims/roads-better.yaml:5:7: claim: expected text, got nothing; write a value after the colon",),
    ),
    Case(
        "value outside the allowed set",
        {"roads-better.yaml": [("kind: opinion", "kind: opinon")]},
        (
            'claims/roads-better.yaml:4:7: kind: expected one of figure, quote, statement, forecast, opinion; got "opinon" (did you mean "opinion"?)',
        ),
    ),
    Case(
        "mapping expected",
        {
            "roads-better.yaml": [
                (
                    "verdict:\n  rating: opinion\n  checked: 2024-03-10\n  summary: A view about priorities that evidence cannot settle.\n"
                    "  conclusion: A view about priorities, not a checkable fact.",
                    "verdict: opinion",
                )
            ]
        },
        ('claims/roads-better.yaml:7:10: verdict: expected a mapping of fields (key: value), got text "opinion"',),
    ),
    Case(
        "list expected",
        {"council-announced.yaml": [("entities:\n  - harbourville-council", "entities: harbourville-council")]},
        (
            'claims/council-announced.yaml:7:11: entities: expected a list (one item per line, each starting with "- "), got text "harbourville-council"',
        ),
    ),
    Case(
        "bad id pattern and id not the file name",
        {"roads-better.yaml": [("id: roads-better", "id: Roads_Better")]},
        (
            'claims/roads-better.yaml:2:5: id: expected an id of lowercase letters and digits, words joined by single hyphens, such as "tech-plan-total"; got "Roads_Better"',
        ),
    ),
    Case(
        "id too long",
        {"roads-better.yaml": [("id: roads-better", "id: " + "a" * 65)]},
        ("claims/roads-better.yaml:2:5: id: is 65 characters long; at most 64 are allowed",),
    ),
    Case(
        "id differs from the file name",
        {"roads-better.yaml": [("id: roads-better", "id: roads-worse")]},
        (
            'claims/roads-better.yaml:2:5: id: "roads-worse" must equal the file name "roads-better"; rename the file or change the id',
        ),
    ),
    Case(
        "claim over 120 characters",
        {"roads-better.yaml": [("claim: Critics", "claim: " + "Very " * 24 + "Critics")]},
        ("claims/roads-better.yaml:5:8: claim: is 173 characters long; at most 120 are allowed",),
    ),
    Case(
        "claim on two lines",
        {
            "roads-better.yaml": [
                (
                    "claim: Critics say the money would be better spent on roads.",
                    "claim: |\n  Critics say the money\n  would be better spent on roads.",
                )
            ]
        },
        ("claims/roads-better.yaml:5:8: claim: expected one line of text, found a line break",),
    ),
    Case(
        "occurrence not a positive whole number",
        {"ferry-capacity.yaml": [("occurrence: 2", "occurrence: 0")]},
        ("claims/ferry-capacity.yaml:7:13: occurrence: expected a whole number of 1 or more, got the number 0",),
    ),
    Case(
        "figure forbidden for a statement",
        {"ferry-budget.yaml": [("kind: figure", "kind: statement")]},
        (
            'claims/ferry-budget.yaml:8:3: figure: not allowed when kind is "statement"; it belongs only where kind is figure or forecast',
        ),
    ),
    Case(
        "figure required for kind figure",
        {"council-announced.yaml": [("kind: statement", "kind: figure")]},
        ('claims/council-announced.yaml:2:1: missing field "figure", required when kind is "figure"',),
    ),
    Case(
        "quote required for kind quote",
        {"council-announced.yaml": [("kind: statement", "kind: quote")]},
        ('claims/council-announced.yaml:2:1: missing field "quote", required when kind is "quote"',),
    ),
    Case(
        "quote forbidden for other kinds",
        {"ruiz-cleanest.yaml": [("kind: quote", "kind: statement")]},
        (
            'claims/ruiz-cleanest.yaml:8:3: quote: not allowed when kind is "statement"; it belongs only where kind is quote',
        ),
    ),
    Case(
        "quote text not in the excerpt",
        {
            "ruiz-cleanest.yaml": [
                ("  text: This is the cleanest fleet on the lake", "  text: This is the greenest fleet")
            ]
        },
        (
            'claims/ruiz-cleanest.yaml:9:9: quote.text: "This is the greenest fleet" does not occur in the excerpt; the quote must be part of it',
        ),
    ),
    Case(
        "figure value not a number",
        {"ferry-budget.yaml": [("  value: 12000000", '  value: "12000000"')]},
        (
            'claims/ferry-budget.yaml:8:10: figure.value: expected a finite number, got text "12000000"; remove the quotes',
        ),
    ),
    Case(
        "figure value infinite",
        {"ferry-budget.yaml": [("  value: 12000000", "  value: .inf")]},
        ("claims/ferry-budget.yaml:8:10: figure.value: expected a finite number, got the number .inf",),
    ),
    Case(
        "figure unit and qualifier invalid",
        {"ferry-budget.yaml": [("  unit: EUR", "  unit: Euros"), ("  qualifier: about", "  qualifier: around")]},
        (
            'claims/ferry-budget.yaml:9:9: figure.unit: expected an ISO 4217 currency code such as "USD", or a lowercase unit such as "percent"; got "Euros"',
            'claims/ferry-budget.yaml:11:14: figure.qualifier: expected one of about, over, under; got "around"',
        ),
    ),
    Case(
        "figure range upside down",
        {"ferry-budget.yaml": [("  value: 12000000", "  value: 12000000\n  high: 11000000")]},
        ("claims/ferry-budget.yaml:9:9: figure.high: 11000000 is below value 12000000; high is the top of the range",),
    ),
    Case(
        "figure period ends before it starts",
        {"ferry-budget.yaml": [("    end: 2027", "    end: 2023-06")]},
        ("claims/ferry-budget.yaml:14:10: figure.period.end: 2023-06 is before start 2024",),
    ),
    Case(
        "entities repeat",
        {
            "council-announced.yaml": [
                ("  - harbourville-council", "  - harbourville-council\n  - harbourville-council")
            ]
        },
        ('claims/council-announced.yaml:9:5: entities[1]: repeats "harbourville-council" (already at line 8)',),
    ),
    Case(
        "topic not an id",
        {"ferry-capacity.yaml": [("topics: [transport]", "topics: [Public transport]")]},
        (
            'claims/ferry-capacity.yaml:14:10: topics[0]: expected an id of lowercase letters and digits, words joined by single hyphens, such as "tech-plan-total"; got "Public transport"',
        ),
    ),
    # --- verdict summaries, topics and the team (topics.yaml, dossier.yaml) ---------------
    Case(
        "summary of two sentences",
        {
            "roads-better.yaml": [
                (
                    "  summary: A view about priorities that evidence cannot settle.",
                    "  summary: Roads are a choice. Nothing here is checkable.",
                )
            ]
        },
        ("claims/roads-better.yaml:10:12: verdict.summary: write one sentence; put the rest in the conclusion",),
    ),
    Case(
        "summary without a full stop",
        {
            "roads-better.yaml": [
                (
                    "  summary: A view about priorities that evidence cannot settle.",
                    "  summary: A view about priorities",
                )
            ]
        },
        ("claims/roads-better.yaml:10:12: verdict.summary: end the sentence with a full stop",),
    ),
    Case(
        "summary too long",
        {
            "roads-better.yaml": [
                ("  summary: A view about priorities that evidence cannot settle.", "  summary: " + "A" * 200 + ".")
            ]
        },
        ("claims/roads-better.yaml:10:12: verdict.summary: is 201 characters long; at most 200 are allowed",),
    ),
    Case(
        "unknown topic with a close one",
        {"ferry-capacity.yaml": [("topics: [transport]", "topics: [transprt]")]},
        ('claims/ferry-capacity.yaml:14:10: topics[0]: no topic "transprt" in topics.yaml; did you mean "transport"?',),
    ),
    Case(
        "unknown topic",
        {"ferry-capacity.yaml": [("topics: [transport]", "topics: [weather]")]},
        (
            'claims/ferry-capacity.yaml:14:10: topics[0]: no topic "weather" in topics.yaml; add it there, or use one of: budget, transport',
        ),
    ),
    Case(
        "topics.yaml missing",
        {"topics.yaml": None},
        (
            'claims/fees-rise.yaml:16:5: topics[0]: no topic "budget" in topics.yaml, which is missing; create it in the claims folder (see the Contribute page)',
            'claims/ferries-third.yaml:16:5: topics[0]: no topic "budget" in topics.yaml, which is missing; create it in the claims folder (see the Contribute page)',
            'claims/ferries-third.yaml:17:5: topics[1]: no topic "transport" in topics.yaml, which is missing; create it in the claims folder (see the Contribute page)',
            'claims/ferry-budget.yaml:19:5: topics[0]: no topic "transport" in topics.yaml, which is missing; create it in the claims folder (see the Contribute page)',
            'claims/ferry-budget.yaml:20:5: topics[1]: no topic "budget" in topics.yaml, which is missing; create it in the claims folder (see the Contribute page)',
            'claims/ferry-capacity.yaml:14:10: topics[0]: no topic "transport" in topics.yaml, which is missing; create it in the claims folder (see the Contribute page)',
            'claims/ruiz-pay-for-themselves.yaml:11:10: topics[0]: no topic "transport" in topics.yaml, which is missing; create it in the claims folder (see the Contribute page)',
        ),
    ),
    Case(
        "topics.yaml repeats a topic",
        {"topics.yaml": [("  - id: transport", "  - id: budget")]},
        ('claims/topics.yaml:7:5: topics[1]: repeats "budget" (already at line 4)',),
    ),
    Case(
        "checked_by names someone not on the team",
        {
            "roads-better.yaml": [
                ("  checked: 2024-03-10\n", "  checked: 2024-03-10\n  checked_by: [mara-lind, tomas-burg]\n")
            ]
        },
        (
            'claims/roads-better.yaml:10:27: verdict.checked_by[1]: no team member "tomas-burg" in dossier.yaml; did you mean "tomas-berg"?',
        ),
    ),
    Case(
        "dossier.yaml missing",
        {"dossier.yaml": None},
        (
            "claims/dossier.yaml:1:1: missing: every dossier says who stands behind it (publisher, team, funding, contact, corrections policy, licence); copy tests/example/claims/dossier.yaml here and fill it in",
        ),
    ),
    Case(
        "dossier.yaml without a way to reach the team",
        {"dossier.yaml": [("  email: corrections@factdesk.example.org", "  {}")]},
        (
            "claims/dossier.yaml:20:3: contact: give an email address, a contact page url or a note saying how to reach the team",
        ),
    ),
    Case(
        "dossier.yaml with a bad email and no licence",
        {
            "dossier.yaml": [
                ("  email: corrections@factdesk.example.org", "  email: corrections at factdesk"),
                ("licence:\n  name: CC BY 4.0\n  url: https://creativecommons.org/licenses/by/4.0/\n", ""),
            ]
        },
        (
            'claims/dossier.yaml:3:1: missing required field "licence"',
            'claims/dossier.yaml:20:10: contact.email: expected an email address such as corrections@example.org; got "corrections at factdesk"',
        ),
    ),
    Case(
        "citation quote too long",
        {
            "ferry-capacity.yaml": [
                ("    quote: Four sailings a day each way, 200 seats a sailing.", "    quote: " + "s" * 301)
            ]
        },
        ("claims/ferry-capacity.yaml:24:12: sources[0].quote: is 301 characters long; at most 300 are allowed",),
    ),
    Case(
        "conclusion required unless unverified",
        {"roads-better.yaml": [("  conclusion: A view about priorities, not a checkable fact.\n", "")]},
        ('claims/roads-better.yaml:8:3: verdict: missing field "conclusion", required unless rating is unverified',),
    ),
    Case(
        "sources required for a rated claim",
        {
            "council-announced.yaml": [
                ("sources:\n  - source: council-minutes\n    note: Dated Monday 4 March 2024.\n", "")
            ]
        },
        (
            'claims/council-announced.yaml:2:1: missing field "sources", required unless verdict.rating is unverified or opinion',
        ),
    ),
    Case(
        "sources empty for a rated claim",
        {
            "council-announced.yaml": [
                ("sources:\n  - source: council-minutes\n    note: Dated Monday 4 March 2024.", "sources: []")
            ]
        },
        (
            "claims/council-announced.yaml:14:10: sources: must list at least one item unless verdict.rating is unverified or opinion",
        ),
    ),
    Case(
        "source cited twice",
        {
            "council-announced.yaml": [
                (
                    "    note: Dated Monday 4 March 2024.",
                    "    note: Dated Monday 4 March 2024.\n  - source: council-minutes\n    note: again",
                )
            ]
        },
        ('claims/council-announced.yaml:17:5: sources[1]: repeats "council-minutes" (already at line 15)',),
    ),
    Case(
        "related to itself",
        {"ferry-budget.yaml": [("  - ferry-capacity", "  - ferry-capacity\n  - ferry-budget")]},
        ("claims/ferry-budget.yaml:34:5: related[1]: a claim cannot be related to itself",),
    ),
    Case(
        "correction without a note",
        {"ferry-capacity.yaml": [("    note: Rating changed from supported after the timetable was published.\n", "")]},
        ('claims/ferry-capacity.yaml:29:5: corrections[0]: missing required field "note"',),
    ),
    Case(
        "url not http",
        {
            "sources/council-minutes.yaml": [
                ("url: https://example.org/council/minutes-2024-03-04", "url: ftp://example.org/minutes"),
                ("kind: official", "kind: official\narchive_url: example.org/minutes"),
            ]
        },
        (
            'claims/sources/council-minutes.yaml:5:6: url: expected an http(s) URL, got "ftp://example.org/minutes"',
            'claims/sources/council-minutes.yaml:9:14: archive_url: expected an http(s) URL, got "example.org/minutes"',
        ),
    ),
    Case(
        "url with a broken host",
        {"entities/ana-ruiz.yaml": [("wikidata: Q4115189", "wikidata: Q4115189\nurl: https://exa[mple.org/")]},
        ('claims/entities/ana-ruiz.yaml:7:6: url: expected an http(s) URL, got "https://exa[mple.org/"',),
    ),
    Case(
        "url with an impossible port",
        {
            "sources/council-minutes.yaml": [
                ("url: https://example.org/council/minutes-2024-03-04", "url: http://127.0.0.1:99999/minutes"),
                ("kind: official", "kind: official\narchive_url: https://example.org:0/minutes"),
            ],
            "entities/ana-ruiz.yaml": [("wikidata: Q4115189", "wikidata: Q4115189\nurl: https://example.org:8o/")],
        },
        (
            'claims/entities/ana-ruiz.yaml:7:6: url: the port in "https://example.org:8o/" is not a number from 1 to 65535',
            'claims/sources/council-minutes.yaml:5:6: url: the port in "http://127.0.0.1:99999/minutes" is not a number from 1 to 65535',
            'claims/sources/council-minutes.yaml:9:14: archive_url: the port in "https://example.org:0/minutes" is not a number from 1 to 65535',
        ),
    ),
    Case(
        "wikidata id malformed",
        {"entities/ana-ruiz.yaml": [("wikidata: Q4115189", "wikidata: 4115189")]},
        (
            'claims/entities/ana-ruiz.yaml:6:11: wikidata: expected a Wikidata item id such as "Q15031", got the number 4115189',
        ),
    ),
    Case(
        "entity kind invalid",
        {"entities/ana-ruiz.yaml": [("kind: person", "kind: people")]},
        (
            'claims/entities/ana-ruiz.yaml:4:7: kind: expected one of person, organization, government, place, program, other; got "people"',
        ),
    ),
    Case(
        "article without paragraphs",
        {"articles/ferry-story.yaml": [("paragraphs:", "paragraphs: []\nold:")]},
        (
            "claims/articles/ferry-story.yaml:8:13: paragraphs: must list at least one item",
            'claims/articles/ferry-story.yaml:9:1: unknown field "old"; allowed here: id, title, publisher, url, paragraphs, published, published_note, author, retrieved, summary, findings',
        ),
    ),
    # first_appearance, copy_of and findings (audit): provenance fields and their rules
    Case(
        "first appearance of the article's own words names a source",
        {"council-announced.yaml": [("  change: own", "  change: own\n  source: council-minutes")]},
        ('claims/council-announced.yaml:19:11: first_appearance.source: not allowed when change is "own"',),
    ),
    Case(
        "first appearance without a source",
        {"ferry-budget.yaml": [("  source: council-minutes\n  change: reworded", "  change: reworded")]},
        ('claims/ferry-budget.yaml:35:3: first_appearance: missing field "source", required unless change is own',),
    ),
    Case(
        "first appearance change not in the list",
        {"ferry-budget.yaml": [("change: reworded", "change: rewritten")]},
        (
            'claims/ferry-budget.yaml:36:11: first_appearance.change: expected one of kept, reworded, changed, own; got "rewritten"',
        ),
    ),
    Case(
        "finding without claims or text",
        {
            "articles/ferry-story.yaml": [
                ("claims: [ferry-capacity]", "claims: []"),
                ("  - text: The budget and the date of the announcement match the council's minutes.\n", "  -\n"),
            ]
        },
        (
            'claims/articles/ferry-story.yaml:15:5: findings[0]: missing required field "text"',
            "claims/articles/ferry-story.yaml:17:13: findings[1].claims: must list at least one item",
        ),
    ),
    Case(
        "copy without its original publisher, with a date in words",
        {
            "sources/wire-story-copy.yaml": [
                ("  publisher: Harbour Wire\n", ""),
                ("  published: 2024-03-02", "  published: March 2024"),
            ]
        },
        (
            'claims/sources/wire-story-copy.yaml:9:3: copy_of: missing required field "publisher"',
            'claims/sources/wire-story-copy.yaml:10:14: copy_of.published: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got text "March 2024"',
        ),
    ),
    # --- figure exchange rates (the Figures page) --------------------------------------------
    Case(
        "exchange rate on a unit that is not a currency",
        {
            "ferry-capacity.yaml": [
                (
                    "  checked_value: 1600",
                    "  checked_value: 1600\n  usd_rate: {rate: 2, date: 2024, source: council-minutes}",
                )
            ]
        },
        (
            'claims/ferry-capacity.yaml:14:13: figure.usd_rate: only for an amount in a currency other than USD; the unit here is "passengers", so remove usd_rate',
        ),
    ),
    Case(
        "exchange rate citing a missing source",
        {
            "ferry-budget.yaml": [
                ("  method: official", "  method: official\n  usd_rate: {rate: 1.09, date: 2024, source: central-bank}")
            ]
        },
        (
            'claims/ferry-budget.yaml:16:46: figure.usd_rate.source: no source "central-bank" (looked for sources/central-bank.yaml)',
        ),
    ),
    # harden-input: escaped control, bidi and zero-width characters; placeholders; numbers every
    # YAML reader reads alike; dates from 1900 to today; ISO 4217 currency units.
    Case(
        "escaped control characters in one-line text",
        {
            "roads-better.yaml": [
                (
                    "claim: Critics say the money would be better spent on roads.",
                    'claim: "Critics say\\e[2J the money \\x7f would be \\0 spent."',
                )
            ],
            "entities/ana-ruiz.yaml": [("name: Ana Ruiz", 'name: "Ana\\x85Ruiz"')],
        },
        (
            "claims/entities/ana-ruiz.yaml:3:11: name: U+0085 (a control character) is not allowed in a record; remove it",
            "claims/roads-better.yaml:5:20: claim: U+001B (a control character) is not allowed in a record; remove it",
        ),
    ),
    Case(
        "escaped bidi override and zero-width space",
        {
            "entities/ana-ruiz.yaml": [
                ("name: Ana Ruiz", 'name: "Ana \\u202eziuR"'),
                ("description: Mayor of Harbourville.", 'description: "Ma\\u200byor of Harbourville."'),
            ]
        },
        (
            "claims/entities/ana-ruiz.yaml:3:12: name: U+202E (an invisible bidirectional-text control) is not allowed in a record; remove it",
            "claims/entities/ana-ruiz.yaml:5:17: description: U+200B (an invisible zero-width character) is not allowed in a record; remove it",
        ),
    ),
    Case(
        "tab in one-line text, escaped and raw",
        {
            "roads-better.yaml": [
                (
                    "claim: Critics say the money would be better spent on roads.",
                    'claim: "Critics\\tsay the money would be better spent on roads."',
                )
            ],
            "entities/ana-ruiz.yaml": [("name: Ana Ruiz", "name: Ana\tRuiz")],
        },
        (
            "claims/entities/ana-ruiz.yaml:3:10: name: U+0009 (a tab) is not allowed in one-line text; use a space",
            "claims/roads-better.yaml:5:16: claim: U+0009 (a tab) is not allowed in one-line text; use a space",
        ),
    ),
    Case(
        "noncharacter and line separator",
        {
            "sources/council-minutes.yaml": [
                ("title: Minutes", 'title: "\\uFFFEMinutes'),
                ("meeting of 4 March 2024", 'meeting of 4 March 2024"\npublisher: "A\\LB"'),
                ("publisher: Harbourville Council\n", ""),
            ]
        },
        (
            "claims/sources/council-minutes.yaml:3:9: title: U+FFFE (a Unicode noncharacter) is not allowed in a record; remove it",
            "claims/sources/council-minutes.yaml:4:14: publisher: U+2028 (a line or paragraph separator) is not allowed in a record; remove it",
        ),
    ),
    Case(
        "control character in multi-line text, tab allowed there",
        {
            "ferry-budget.yaml": [
                (
                    "    for four ferries, delivered by 2027.",
                    "    for four ferries,\tdelivered by 2027.\n    \\e is fine, ",
                )
            ],
            "roads-better.yaml": [
                (
                    "  conclusion: A view about priorities, not a checkable fact.",
                    '  conclusion: "A view\\tabout priorities,\\nnot a \\x1bcheckable fact."',
                )
            ],
        },
        (
            "claims/roads-better.yaml:11:49: verdict.conclusion: U+001B (a control character) is not allowed in a record; remove it",
        ),
    ),
    Case(
        "control character in a field name",
        {"roads-better.yaml": [("kind: opinion", '"kind\\u200b": opinion')]},
        (
            'claims/roads-better.yaml:2:1: missing required field "kind"',
            "claims/roads-better.yaml:4:6: U+200B (an invisible zero-width character) is not allowed in a record; remove it",
        ),
    ),
    Case(
        "placeholders in text fields",
        {
            "roads-better.yaml": [
                ("claim: Critics say the money would be better spent on roads.", "claim: TODO"),
                ("excerpt: Critics say the money would be better spent on roads.", "excerpt: TODO"),
                ("  conclusion: A view about priorities, not a checkable fact.", "  conclusion: ..."),
            ],
            "sources/council-minutes.yaml": [
                ("title: Minutes of the council meeting of 4 March 2024", "title: tbd"),
                ("publisher: Harbourville Council", "publisher: '[FIXME]'"),
            ],
            "entities/ana-ruiz.yaml": [("description: Mayor of Harbourville.", "description: xxx")],
        },
        (
            'claims/entities/ana-ruiz.yaml:5:14: description: fill in the text; "xxx" is a placeholder',
            'claims/roads-better.yaml:5:8: claim: fill in the text; "TODO" is a placeholder',
            'claims/roads-better.yaml:6:10: excerpt: fill in the text; "TODO" is a placeholder',
            'claims/roads-better.yaml:11:15: verdict.conclusion: fill in the text; "..." is a placeholder',
            'claims/sources/council-minutes.yaml:3:8: title: fill in the text; "tbd" is a placeholder',
            'claims/sources/council-minutes.yaml:4:12: publisher: fill in the text; "[FIXME]" is a placeholder',
        ),
    ),
    Case(
        "template hints left as values",
        {
            "ferry-budget.yaml": [
                (
                    "    note: Item 4 approves €12 million for four electric ferries.",
                    "    note: What this source says about the claim.",
                ),
                ("  - harbourville-council", "  - entity-id"),
                ("  checked: 2024-03-10", "  checked: YYYY-MM-DD"),
                ("kind: figure", "kind: TODO"),
            ],
            "sources/council-minutes.yaml": [("url: https://example.org/council/minutes-2024-03-04", "url: TODO")],
        },
        (
            'claims/ferry-budget.yaml:4:7: kind: fill in one of figure, quote, statement, forecast, opinion; "TODO" is a placeholder',
            'claims/ferry-budget.yaml:17:5: entities[0]: fill in an entity id (lowercase letters and digits, words joined by single hyphens, such as "tech-plan-total"); "entity-id" is a placeholder',
            'claims/ferry-budget.yaml:23:12: verdict.checked: fill in a date as YYYY, YYYY-MM or YYYY-MM-DD; "YYYY-MM-DD" is a placeholder',
            'claims/ferry-budget.yaml:31:11: sources[0].note: fill in the text; "What this source says about the claim." is a placeholder',
            'claims/sources/council-minutes.yaml:5:6: url: fill in an http(s) URL; "TODO" is a placeholder',
        ),
    ),
    Case(
        "octal-looking numbers",
        {
            "ferry-budget.yaml": [("  value: 12000000", "  value: 017")],
            "ferry-capacity.yaml": [("  value: 2000", "  value: 08"), ("occurrence: 2", "occurrence: 02")],
        },
        (
            "claims/ferry-budget.yaml:8:10: figure.value: 017 has a leading zero, which makes some YAML readers see octal 15; write 17",
            "claims/ferry-capacity.yaml:7:13: occurrence: 02 has a leading zero, which some YAML readers take for text; write 2",
            "claims/ferry-capacity.yaml:9:10: figure.value: 08 has a leading zero, which some YAML readers take for text; write 8",
        ),
    ),
    Case(
        "numbers YAML 1.1 reads and YAML 1.2 does not",
        {
            "ferry-budget.yaml": [
                ("  value: 12000000", "  value: 0b1010"),
                ("  unit: EUR", "  unit: EUR\n  high: 1:30"),
            ],
            "ferry-capacity.yaml": [
                ("  value: 2000", "  value: 1_000"),
                ("  checked_value: 1600", "  checked_value: no"),
            ],
        },
        (
            "claims/ferry-budget.yaml:8:10: figure.value: 0b1010 is the number 10 to some YAML readers and text to others; write 10",
            "claims/ferry-budget.yaml:10:9: figure.high: 1:30 is the number 90 to some YAML readers and text to others; write 90",
            "claims/ferry-capacity.yaml:9:10: figure.value: 1_000 is the number 1000 to some YAML readers and text to others; write 1000",
            'claims/ferry-capacity.yaml:13:18: figure.checked_value: expected a finite number, got text "no"; some YAML readers take an unquoted no for a yes/no value',
        ),
    ),
    Case(
        "numbers no reader can hold",
        {
            "ferry-budget.yaml": [
                (
                    "  value: 12000000",
                    "  value: 10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
                )
            ],
            "ferry-capacity.yaml": [
                ("  value: 2000", "  value: 1.0e-400"),
                ("  checked_value: 1600", "  checked_value: 1e400"),
            ],
        },
        (
            "claims/ferry-budget.yaml:8:10: figure.value: 100000000000…0000 (401 digits) is too large for a number; the largest is about 1.8e+308",
            "claims/ferry-capacity.yaml:9:10: figure.value: 1.0e-400 is too small for any reader, which would store 0; write 0 or change the unit",
            "claims/ferry-capacity.yaml:13:18: figure.checked_value: 1e400 is too large for a number; the largest is about 1.8e+308",
        ),
    ),
    Case(
        "a whole number of 400 nines (once an OverflowError in the checker)",
        {"ferry-budget.yaml": [("  value: 12000000", "  value: " + "9" * 400)]},
        (
            "claims/ferry-budget.yaml:8:10: figure.value: 999999999999…9999 (400 digits) is too large for a number; the largest is about 1.8e+308",
        ),
    ),
    Case(
        "integer with more digits than a number holds",
        {"ferry-budget.yaml": [("  value: 12000000", "  value: 12345678901234567891")]},
        (
            "claims/ferry-budget.yaml:8:10: figure.value: 12345678901234567891 has more digits than a number can hold exactly; readers keep 1.2345678901234567e+19, so write that, or round it",
        ),
    ),
    Case(
        "occurrence written as a decimal",
        {"ferry-capacity.yaml": [("occurrence: 2", "occurrence: 2.0")]},
        ("claims/ferry-capacity.yaml:7:13: occurrence: 2.0 is not written as a whole number; write 2",),
    ),
    Case(
        "dates before 1900 or in the future",
        {
            "roads-better.yaml": [("  checked: 2024-03-10", "  checked: 9999")],
            "sources/council-minutes.yaml": [
                ("published: 2024-03-04", "published: 0001-01-01"),
                ('accessed: "2024-03"', "accessed: 2099-01"),
            ],
            "articles/ferry-story.yaml": [("published: 2024-03-04", "published: 017")],
        },
        (
            "claims/articles/ferry-story.yaml:6:12: published: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got the number 017",
            "claims/roads-better.yaml:9:12: verdict.checked: 9999 is after today; only a figure's dates may lie in the future",
            "claims/sources/council-minutes.yaml:6:12: published: 0001-01-01 is before 1900; records hold dates from 1900 on",
            "claims/sources/council-minutes.yaml:7:11: accessed: 2099-01 is after today; only a figure's dates may lie in the future",
        ),
    ),
    Case(
        "check and correction dated in the future",
        {
            "ferry-capacity.yaml": [
                ("  checked: 2024-03-10", "  checked: 2099-01-01"),
                ("  - date: 2024-03-12", "  - date: 2099-03-12"),
            ]
        },
        (
            "claims/ferry-capacity.yaml:17:12: verdict.checked: 2099-01-01 is after today; only a figure's dates may lie in the future",
            "claims/ferry-capacity.yaml:29:11: corrections[0].date: 2099-03-12 is after today; only a figure's dates may lie in the future",
        ),
    ),
    Case(
        "figure period before 1900",
        {"ferry-budget.yaml": [("    start: 2024", "    start: 1850")]},
        ("claims/ferry-budget.yaml:13:12: figure.period.start: 1850 is before 1900; records hold dates from 1900 on",),
    ),
    Case(
        "currency code in lower case",
        {
            "ferry-budget.yaml": [("  unit: EUR", "  unit: eur")],
            "ferry-capacity.yaml": [("  unit: passengers", "  unit: Usd")],
        },
        (
            'claims/ferry-budget.yaml:9:9: figure.unit: "eur" is a currency code, written in capitals; did you mean "EUR"?',
            'claims/ferry-capacity.yaml:10:9: figure.unit: "Usd" is a currency code, written in capitals; did you mean "USD"?',
        ),
    ),
    Case(
        "three capitals that are not a currency",
        {
            "ferry-budget.yaml": [("  unit: EUR", "  unit: EUO")],
            "ferry-capacity.yaml": [("  unit: passengers", "  unit: ABC")],
        },
        (
            'claims/ferry-budget.yaml:9:9: figure.unit: "EUO" is not an ISO 4217 currency code; closest: XEU, EUR',
            'claims/ferry-capacity.yaml:10:9: figure.unit: "ABC" is not an ISO 4217 currency code; closest: XBC, PAB',
        ),
    ),
    # --- across files ---------------------------------------------------------------------
    Case(
        "unknown article",
        {"roads-better.yaml": [("article: ferry-story", "article: ferry-stories")]},
        (
            'claims/roads-better.yaml:3:10: article: no article "ferry-stories" (looked for articles/ferry-stories.yaml); did you mean "ferry-story"?',
        ),
    ),
    Case(
        "unknown source, did you mean",
        {"ferry-budget.yaml": [("  - source: council-minutes", "  - source: council-minute")]},
        (
            'claims/ferry-budget.yaml:30:13: sources[0].source: no source "council-minute" (looked for sources/council-minute.yaml); did you mean "council-minutes"?',
        ),
    ),
    Case(
        "reference to a record of the wrong kind",
        {"ruiz-cleanest.yaml": [("  speaker: ana-ruiz", "  speaker: council-minutes")]},
        (
            'claims/ruiz-cleanest.yaml:8:12: quote.speaker: no entity "council-minutes" (looked for entities/council-minutes.yaml); "council-minutes" is a source, not an entity',
        ),
    ),
    Case(
        "unknown entity and related claim",
        {
            "ferry-budget.yaml": [
                ("  - harbourville-council", "  - harbourville"),
                ("  - ferry-capacity", "  - ferry-capacities"),
            ]
        },
        (
            'claims/ferry-budget.yaml:17:5: entities[0]: no entity "harbourville" (looked for entities/harbourville.yaml)',
            'claims/ferry-budget.yaml:33:5: related[0]: no claim "ferry-capacities" (looked for ferry-capacities.yaml); did you mean "ferry-capacity"?',
        ),
    ),
    Case(
        "reference to a record that failed to load is not reported again",
        {"entities/ana-ruiz.yaml": [("kind: person", "kind: persn")]},
        (
            'claims/entities/ana-ruiz.yaml:4:7: kind: expected one of person, organization, government, place, program, other; got "persn" (did you mean "person"?)',
        ),
    ),
    Case(
        "excerpt with a straight apostrophe where the article is curly",
        {
            "ruiz-cleanest.yaml": [
                (
                    'excerpt: "“This is the cleanest fleet on the lake,” said',
                    'excerpt: "\\"This is the cleanest fleet on the lake,\\" said',
                )
            ]
        },
        (
            'claims/ruiz-cleanest.yaml:6:10: excerpt: not found in article "ferry-story"; closest passage (paragraph 2): "“This is the cleanest fleet on the lake,” said mayor Ana Ruiz."; first difference at character 1: the article has "“" (U+201C) where the excerpt has "\\"" (U+0022)',
        ),
    ),
    Case(
        "excerpt nowhere in the article",
        {
            "roads-better.yaml": [
                ("excerpt: Critics say the money would be better spent on roads.", "excerpt: Zebras qqq xylophone")
            ]
        },
        (
            'claims/roads-better.yaml:6:10: excerpt: not found in article "ferry-story"; no passage of the article resembles it',
        ),
    ),
    Case(
        "excerpt that occurs twice needs occurrence",
        {"ferry-capacity.yaml": [("occurrence: 2\n", "")]},
        (
            "claims/ferry-capacity.yaml:6:10: excerpt: occurs 2 times in the article (paragraphs 2, 3); add occurrence: 1 to 2 to say which",
        ),
    ),
    Case(
        "occurrence beyond the count",
        {"ferry-capacity.yaml": [("occurrence: 2", "occurrence: 3")]},
        ("claims/ferry-capacity.yaml:7:13: occurrence: 3, but the excerpt occurs only 2 times in the article",),
    ),
    Case(
        "excerpt from the title is not searched",
        {
            "roads-better.yaml": [
                ("excerpt: Critics say the money would be better spent on roads.", "excerpt: bets on electric ferries")
            ]
        },
        (
            "claims/roads-better.yaml:6:10: excerpt: found only in the title, which is not searched; quote the article's paragraphs",
        ),
    ),
    Case(
        "excerpt with a word changed",
        {"council-announced.yaml": [("excerpt: the council said on Monday", "excerpt: the council said on Tuesday")]},
        (
            'claims/council-announced.yaml:6:10: excerpt: not found in article "ferry-story"; closest passage (paragraph 1): "the council said on Monday."; first difference at character 21: the article has "M" (U+004D) where the excerpt has "T" (U+0054)',
        ),
    ),
    # first_appearance and findings references (audit)
    Case(
        "first appearance names a missing source",
        {
            "ferry-capacity.yaml": [
                ("  source: wire-story-copy\n  change: kept", "  source: wire-story\n  change: kept")
            ]
        },
        (
            'claims/ferry-capacity.yaml:32:11: first_appearance.source: no source "wire-story" (looked for sources/wire-story.yaml)',
        ),
    ),
    Case(
        "first appearance names a claim",
        {
            "ferry-budget.yaml": [
                ("  source: council-minutes\n  change: reworded", "  source: ferry-capacity\n  change: reworded")
            ]
        },
        (
            'claims/ferry-budget.yaml:35:11: first_appearance.source: no source "ferry-capacity" (looked for sources/ferry-capacity.yaml); "ferry-capacity" is a claim, not a source',
        ),
    ),
    Case(
        "finding cites a missing claim",
        {"articles/ferry-story.yaml": [("claims: [ferry-capacity]", "claims: [ferry-capacty]")]},
        (
            'claims/articles/ferry-story.yaml:17:14: findings[1].claims[0]: no claim "ferry-capacty" (looked for ferry-capacty.yaml); did you mean "ferry-capacity"?',
        ),
    ),
    # harden-output: records no claim uses are warnings, printed after the errors
    Case(
        "orphan source and entity are warnings after the errors",
        {
            "sources/unused-report.yaml": MINIMAL_SOURCE.format(id="unused-report"),
            "entities/nobody.yaml": "id: nobody\nname: Nobody\nkind: person\n",
            "sources/broken.yaml": "id: broken\ntitle: T\npublisher: P\naccessed: 2024-03-05\n",
        },
        (
            'claims/sources/broken.yaml:1:1: missing required field "url"',
            'claims/entities/nobody.yaml:1:5: warning: id: no claim names entity "nobody"; list it in a claim\'s entities, or delete the file',
            'claims/sources/unused-report.yaml:1:5: warning: id: no claim cites source "unused-report"; cite it in a claim\'s sources, or delete the file',
        ),
    ),
    Case(
        "a source cited only under a mistyped id is a warning too",
        {"ferry-capacity.yaml": [("  - source: operator-timetable", "  - source: operator-timetables")]},
        (
            'claims/ferry-capacity.yaml:22:13: sources[0].source: no source "operator-timetables" (looked for sources/operator-timetables.yaml); did you mean "operator-timetable"?',
            'claims/sources/operator-timetable.yaml:2:5: warning: id: no claim cites source "operator-timetable"; cite it in a claim\'s sources, or delete the file',
        ),
    ),
    # evidence (issue 20): every source says when an editor last read it
    Case(
        "a source with no access date",
        {"sources/wire-story-copy.yaml": [("accessed: 2024-03-05\n", "")]},
        ('claims/sources/wire-story-copy.yaml:2:1: missing required field "accessed"',),
    ),
    # --- harden-links: files in the wrong place, and ids that are only close ---------------
    Case(
        "claim saved in sources/",
        {
            "ferry-budget.yaml": None,
            "sources/ferry-budget.yaml": "id: ferry-budget\narticle: ferry-story\nkind: figure\nexcerpt: x\nverdict: {}\n",
        },
        (
            'claims/articles/ferry-story.yaml:15:14: findings[0].claims[0]: no claim "ferry-budget" (looked for ferry-budget.yaml); "ferry-budget" is a source, not a claim',
            'claims/ferries-third.yaml:33:5: related[0]: no claim "ferry-budget" (looked for ferry-budget.yaml); "ferry-budget" is a source, not a claim',
            'claims/ferry-capacity.yaml:27:11: related[0]: no claim "ferry-budget" (looked for ferry-budget.yaml); "ferry-budget" is a source, not a claim',
            "claims/sources/ferry-budget.yaml:2:1: this looks like a claim record (it has article, excerpt and verdict); claims go directly in the claims folder, not in sources/",
        ),
    ),
    Case(
        "source saved among the claims, entity among the sources, article among the entities",
        {
            "extra-source.yaml": MINIMAL_SOURCE.format(id="extra-source") + "accessed: 2024-03-05\n",
            "sources/mayor.yaml": "id: mayor\nname: The mayor\nkind: person\naliases: [Mayor]\n",
            "entities/story.yaml": "id: story\ntitle: T\npublisher: P\nurl: https://example.org/\nparagraphs: [x]\n",
        },
        (
            "claims/entities/story.yaml:2:1: this looks like an article record (it has title, publisher and paragraphs); articles go in articles/, not in entities/",
            "claims/extra-source.yaml:2:1: this looks like a source record (it has title, publisher, url, …); sources go in sources/, not directly in the claims folder",
            "claims/sources/mayor.yaml:2:1: this looks like an entity record (it has name and aliases); entities go in entities/, not in sources/",
        ),
    ),
    Case(
        "a misspelt field is not taken for another kind of record",
        {"sources/council-minutes.yaml": [("publisher:", "publsher:")]},
        (
            'claims/sources/council-minutes.yaml:2:1: missing required field "publisher"',
            'claims/sources/council-minutes.yaml:4:1: unknown field "publsher"; did you mean "publisher"?',
        ),
    ),
    Case(
        "a deleted source suggests no other source",
        {
            "sources/operator-timetable.yaml": None,
            "sources/operator-timetables-2023.yaml": MINIMAL_SOURCE.format(id="operator-timetables-2023"),
        },
        (
            'claims/ferry-capacity.yaml:22:13: sources[0].source: no source "operator-timetable" (looked for sources/operator-timetable.yaml)',
            'claims/sources/operator-timetables-2023.yaml:1:5: warning: id: no claim cites source "operator-timetables-2023"; cite it in a claim\'s sources, or delete the file',
        ),
    ),
    # --- harden-links: excerpts cut at word boundaries, problems capped per file ------------
    Case(
        "excerpt starts and ends inside words",
        {
            "ferry-budget.yaml": [
                (
                    "excerpt: Harbourville will spend €12 million on four electric ferries by 2027",
                    "excerpt: arbourville will spend €12 million on four electric ferries by 202",
                )
            ]
        },
        (
            'claims/ferry-budget.yaml:6:10: excerpt: ends inside the word "2027"; end the excerpt at a word boundary',
            'claims/ferry-budget.yaml:6:10: excerpt: starts inside the word "Harbourville"; begin the excerpt at a word boundary',
        ),
    ),
    Case(
        "excerpt cut mid-word, with punctuation at its edges allowed",
        {
            "ruiz-cleanest.yaml": [
                (
                    'excerpt: "“This is the cleanest fleet on the lake,” said mayor Ana Ruiz."',
                    'excerpt: ",” said mayor Ana Ru"',
                ),
                ("  text: This is the cleanest fleet on the lake", "  text: said mayor"),
            ]
        },
        ('claims/ruiz-cleanest.yaml:6:10: excerpt: ends inside the word "Ruiz"; end the excerpt at a word boundary',),
    ),
    Case(
        "problems past 50 in one file are counted, not listed",
        {
            "entities/ana-ruiz.yaml": [
                ("kind: person", "kind: person\naliases: [" + ", ".join(str(n) for n in range(1, 56)) + "]")
            ]
        },
        tuple(
            f"claims/entities/ana-ruiz.yaml:5:{11 + sum(len(str(m)) + 2 for m in range(1, n))}: aliases[{n - 1}]: "
            f'expected text, got the number {n}; write it in quotes: "{n}"'
            for n in range(1, 51)
        )
        + ("claims/entities/ana-ruiz.yaml:1:1: 5 more problems in this file not shown; fix these and check again",),
    ),
    # --- harden-links: evidence, dates, reserved page names and look-alike names ------------
    Case(
        "rated claim whose only source is the article itself",
        {
            "sources/gazette.yaml": MINIMAL_SOURCE.format(id="gazette").replace(
                "https://example.org/", "HTTPS://Example.ORG/news/ferries/"
            ),
            "council-announced.yaml": [("  - source: council-minutes", "  - source: gazette")],
        },
        (
            'claims/council-announced.yaml:15:3: sources: the only source cited is the article itself (its URL is the article\'s, "https://example.org/news/ferries"); a rated claim needs at least one other source, or rate it unverified or opinion',
        ),
    ),
    Case(
        "cited source without a note",
        {"ferry-budget.yaml": [("    note: Item 4 approves €12 million for four electric ferries.\n", "")]},
        ('claims/ferry-budget.yaml:30:5: sources[0]: missing required field "note"',),
    ),
    Case(
        "quote speaker that is not a person",
        {"ruiz-cleanest.yaml": [("  speaker: ana-ruiz", "  speaker: harbourville-council")]},
        (
            'claims/ruiz-cleanest.yaml:8:12: quote.speaker: entity "harbourville-council" has kind: government; a quote\'s speaker must be a person (an entity with kind: person)',
        ),
    ),
    Case(
        "figure stated differently from the excerpt",
        {"ferry-budget.yaml": [("  stated: €12 million", "  stated: €12m")]},
        (
            'claims/ferry-budget.yaml:10:11: figure.stated: "€12m" does not occur in the excerpt "Harbourville will spend €12 million on four electric ferries by 2027"; copy the figure exactly as the excerpt writes it',
        ),
    ),
    Case(
        "checked, corrected or accessed before publication; partial dates compare by their parts",
        {
            "roads-better.yaml": [("  checked: 2024-03-10", "  checked: 2024-03-01")],
            "council-announced.yaml": [("  checked: 2024-03-10", '  checked: "2024-03"')],
            "ferry-capacity.yaml": [("  - date: 2024-03-12", '  - date: "2024-02"')],
            "sources/council-minutes.yaml": [('accessed: "2024-03"', "accessed: 2024-02-28")],
            "sources/operator-timetable.yaml": [
                ("published: 2024-03-11\naccessed: 2024-03-12", "published: 2024-05\naccessed: 2024")
            ],
        },
        (
            "claims/ferry-capacity.yaml:29:11: corrections[0].date: 2024-02 is before the article was published (2024-03-04); a claim can be checked or corrected only after its article appeared",
            "claims/roads-better.yaml:9:12: verdict.checked: 2024-03-01 is before the article was published (2024-03-04); a claim can be checked or corrected only after its article appeared",
            "claims/sources/council-minutes.yaml:7:11: accessed: 2024-02-28 is before published 2024-03-04; a source cannot be read before it is published",
        ),
    ),
    Case(
        "ids and topics that would take a generated page's name",
        {
            "index.yaml": "id: index\narticle: ferry-story\nkind: opinion\nclaim: C.\nexcerpt: Critics say\n"
            "verdict: {rating: opinion, checked: 2024-03-10, summary: A view., conclusion: A view.}\n",
            "sources/index.yaml": MINIMAL_SOURCE.format(id="index"),
            "ferry-capacity.yaml": [("topics: [transport]", "topics: [transport, index]")],
        },
        (
            'claims/ferry-capacity.yaml:14:21: topics[1]: "index" is the name of a page the site generates (topics/index.md); choose another topic',
            'claims/index.yaml:1:5: id: "index" is the name of a page the site generates (claims/index.md); choose another id and rename the file to match',
            'claims/sources/index.yaml:1:5: id: "index" is the name of a page the site generates (sources/index.md); choose another id and rename the file to match',
        ),
    ),
    Case(
        "entities whose names read the same",
        {
            "entities/town-council.yaml": "id: town-council\nname: HARBOURVILLE  council\nkind: government\n",
            "entities/mayor.yaml": "id: mayor\nname: The mayor\nkind: person\naliases: [Ａｎａ ruiz]\n",
        },
        (
            'claims/entities/mayor.yaml:4:11: aliases[0]: "Ａｎａ ruiz" reads the same as "Ana Ruiz", name of entity "ana-ruiz" (claims/entities/ana-ruiz.yaml:3:7); two entities cannot share a name: merge them, or tell the names apart',
            'claims/entities/town-council.yaml:2:7: name: "HARBOURVILLE  council" reads the same as "Harbourville Council", name of entity "harbourville-council" (claims/entities/harbourville-council.yaml:3:7); two entities cannot share a name: merge them, or tell the names apart',
            'claims/entities/mayor.yaml:1:5: warning: id: no claim names entity "mayor"; list it in a claim\'s entities, or delete the file',
            'claims/entities/town-council.yaml:1:5: warning: id: no claim names entity "town-council"; list it in a claim\'s entities, or delete the file',
        ),
    ),
]
CASES += [
    # --- lead: what the red-team review of the merged branches found ------------------------
    Case(
        "date with a trailing line break",
        {"roads-better.yaml": [("  checked: 2024-03-10", '  checked: "2024-03-10\\n"')]},
        (
            'claims/roads-better.yaml:9:12: verdict.checked: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got text "2024-03-10\\n"',
        ),
    ),
    Case(
        "date in another script's digits",
        {"sources/council-minutes.yaml": [("published: 2024-03-04", 'published: "٢٠٢٤-03-04"')]},
        (
            'claims/sources/council-minutes.yaml:6:12: published: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got text "٢٠٢٤-03-04"',
        ),
    ),
    Case(
        "soft hyphen, tag character and Hangul filler in text",
        {
            "roads-better.yaml": [
                ("claim: Critics say", 'claim: "Crit\\u00adics say'),
                ("better spent on roads.\nexcerpt", 'better spent on roads."\nexcerpt'),
            ],
            "entities/ana-ruiz.yaml": [("name: Ana Ruiz", 'name: "Ana\\U000E0041 Ruiz"')],
            "sources/council-minutes.yaml": [
                ("publisher: Harbourville Council", 'publisher: "Harbourville\\u3164Council"')
            ],
        },
        (
            "claims/entities/ana-ruiz.yaml:3:11: name: U+E0041 (an invisible format character) is not allowed in a record; remove it",
            "claims/roads-better.yaml:5:13: claim: U+00AD (an invisible format character) is not allowed in a record; remove it",
            "claims/sources/council-minutes.yaml:4:25: publisher: U+3164 (an invisible filler) is not allowed in a record; remove it",
        ),
    ),
    Case(
        "exchange rate that is not plausible",
        {
            "ferry-budget.yaml": [
                (
                    "  method: official",
                    "  method: official\n  usd_rate: {rate: 1.0e+308, date: 2024, source: council-minutes}",
                )
            ]
        },
        (
            "claims/ferry-budget.yaml:16:20: figure.usd_rate.rate: 1e+308 is not a plausible rate; give the US dollars one unit is worth, e.g. 0.14",
        ),
    ),
]
_ARTICLE_END = (
    '  - "Critics say the money would be better spent on roads. The ferries will carry 2,000 passengers a day, '
    'the operator repeated."\n'
)
_NOT_FOUND = (
    "id: c{n}\narticle: ferry-story\nkind: opinion\nclaim: C.\nexcerpt: Zebras {n} qqq\n"
    "verdict: {{rating: opinion, checked: 2024-03-10, summary: A view., conclusion: A view.}}\n"
)
CASES += [
    # --- bounded: no record makes the checker's work or messages grow with the input's worst case --
    Case(
        "excerpt that occurs more than 1,000 times",
        {
            "articles/ferry-story.yaml": [(_ARTICLE_END, _ARTICLE_END + '  - "' + "Go on. " * 1_001 + 'Stop."\n')],
            "roads-better.yaml": [
                ("excerpt: Critics say the money would be better spent on roads.", "excerpt: Go on.\noccurrence: 3")
            ],
        },
        (
            "claims/roads-better.yaml:6:10: excerpt: occurs more than 1,000 times in the article (paragraphs 4, 4, 4, 4, 4 and more); quote a longer passage, one that occurs at most 1,000 times",
        ),
    ),
    Case(
        "a message names five places and counts the rest",
        {
            "articles/ferry-story.yaml": [(_ARTICLE_END, _ARTICLE_END + '  - "' + "Go on. " * 7 + 'Stop."\n')],
            "roads-better.yaml": [
                ("excerpt: Critics say the money would be better spent on roads.", "excerpt: Go on.")
            ],
        },
        (
            "claims/roads-better.yaml:6:10: excerpt: occurs 7 times in the article (paragraphs 4, 4, 4, 4, 4 and 2 more); add occurrence: 1 to 7 to say which",
        ),
    ),
    Case(
        "only the first 50 excerpts not found get a closest passage",
        {f"c{n}.yaml": _NOT_FOUND.format(n=n) for n in range(51)},
        tuple(
            f'claims/{name}.yaml:5:10: excerpt: not found in article "ferry-story"; '
            + (
                "closest passage not searched: only the first 50 excerpts not found get one"
                if name == "c9"  # checked last: claims are linked in order of id
                else "no passage of the article resembles it"
            )
            for name in sorted(f"c{n}" for n in range(51))
        ),
    ),
]
CASES += [
    Case(
        "more topics, entities, sources or related claims than one claim may list",
        {
            "roads-better.yaml": [
                (
                    "verdict:",
                    "topics: [" + ", ".join(f"t{n}" for n in range(21)) + "]\n"
                    "entities: [" + ", ".join(f"e{n}" for n in range(51)) + "]\n"
                    "sources: [" + ", ".join(f"{{source: s{n}, note: N.}}" for n in range(51)) + "]\n"
                    "related:\n" + "".join(f"  - c{n}\n" for n in range(51)) + "verdict:",
                )
            ]
        },
        (
            "claims/roads-better.yaml:7:9: topics: has 21 items; at most 20 are allowed",
            "claims/roads-better.yaml:8:11: entities: has 51 items; at most 50 are allowed",
            "claims/roads-better.yaml:9:10: sources: has 51 items; at most 50 are allowed",
            "claims/roads-better.yaml:11:3: related: has 51 items; at most 50 are allowed",
        ),
    ),
    Case(
        "more checkers than a verdict may name",
        {
            "roads-better.yaml": [
                (
                    "  checked: 2024-03-10\n",
                    "  checked: 2024-03-10\n  checked_by: [" + ", ".join(f"m{n}" for n in range(11)) + "]\n",
                )
            ]
        },
        ("claims/roads-better.yaml:10:15: verdict.checked_by: has 11 items; at most 10 are allowed",),
    ),
]
CASES += [
    Case(
        "figures beyond what a chart can draw",
        {
            "ferry-budget.yaml": [
                ("  value: 12000000", "  value: 1.0e307\n  high: 1.0e19"),
                ("  method: official", "  method: official\n  checked_value: -2.5e18"),
            ]
        },
        (
            "claims/ferry-budget.yaml:8:10: figure.value: 1.0e307 is beyond ±1e+18, the largest figure the site can chart; give it in a larger unit, such as usd-trillion",
            "claims/ferry-budget.yaml:9:9: figure.high: 1.0e19 is beyond ±1e+18, the largest figure the site can chart; give it in a larger unit, such as usd-trillion",
            "claims/ferry-budget.yaml:17:18: figure.checked_value: -2.5e18 is beyond ±1e+18, the largest figure the site can chart; give it in a larger unit, such as usd-trillion",
        ),
    ),
    Case(
        "figure worth more than a chart can draw in US dollars",
        {
            "ferry-budget.yaml": [
                ("  value: 12000000", "  value: -2.0e17"),
                (
                    "  method: official",
                    "  method: official\n  usd_rate: {rate: 9999, date: 2024, source: council-minutes}",
                ),
            ]
        },
        (
            "claims/ferry-budget.yaml:16:20: figure.usd_rate.rate: at 9999 US dollars each, -2e+17 EUR is -2e+21 US dollars, beyond ±1e+18, the largest figure the site can chart; check the rate and the figure",
        ),
    ),
]
CASES += [
    Case(
        "claims quoting one wrong excerpt share its search and its closest passage",
        {
            f"c{n}.yaml": _NOT_FOUND.format(n=n).replace(f"Zebras {n} qqq", "the council said on Tuesday")
            for n in range(51)
        },
        tuple(
            f'claims/{name}.yaml:5:10: excerpt: not found in article "ferry-story"; closest passage (paragraph 1): '
            '"the council said on Monday."; first difference at character 21: the article has "M" (U+004D) where '
            'the excerpt has "T" (U+0054)'
            for name in sorted(f"c{n}" for n in range(51))
        ),
    ),
]
