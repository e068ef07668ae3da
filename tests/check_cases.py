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


MINIMAL_SOURCE = "id: {id}\ntitle: T\npublisher: P\nurl: https://example.org/\n"
CASES: list[Case] = [
    # --- YAML and file-level rules -------------------------------------------------------
    Case(
        "yaml syntax error",
        {"roads-better.yaml": [("kind: opinion", "kind: [opinion")]},
        (
            "claims/roads-better.yaml:5:6: YAML syntax error: while parsing a flow sequence; did not find expected ',' or ']'",
        ),
    ),
    Case(
        "control character",
        {"entities/ana-ruiz.yaml": [("name: Ana Ruiz", "name: Ana\x07Ruiz")]},
        ("claims/entities/ana-ruiz.yaml:3:10: YAML error: control characters are not allowed; remove the character",),
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
            "claims/roads-better.yaml:10:15: YAML alias *c is not allowed; write the value out",
            "claims/roads-better.yaml:10:15: verdict.conclusion: expected text, got nothing; write a value after the colon",
            'claims/roads-better.yaml:11:3: verdict: unknown field "x"; allowed here: rating, checked, conclusion',
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
        "unquoted impossible date where text is expected",
        {"entities/ana-ruiz.yaml": [("name: Ana Ruiz", "name: 2026-13-45")]},
        (
            'claims/entities/ana-ruiz.yaml:3:7: name: expected text, got the date 2026-13-45; write it in quotes: "2026-13-45"',
        ),
    ),
    Case(
        "YAML merge key used as a value",
        {"entities/ana-ruiz.yaml": [("name: Ana Ruiz", "name: <<")]},
        (
            'claims/entities/ana-ruiz.yaml:3:7: name: expected text, got the YAML special value <<; write it in quotes: "<<"',
        ),
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
        "unquoted no where text is expected",
        {"entities/ana-ruiz.yaml": [("name: Ana Ruiz", "name: no")]},
        (
            'claims/entities/ana-ruiz.yaml:3:7: name: expected text, got the boolean no (YAML reads an unquoted no as a yes/no value); write it in quotes: "no"',
        ),
    ),
    Case(
        "unquoted true, null and number where text is expected",
        {
            "sources/council-minutes.yaml": [
                ("title: Minutes of the council meeting of 4 March 2024", "title: true"),
                ("publisher: Harbourville Council", "publisher: null"),
            ],
            "entities/ana-ruiz.yaml": [("kind: person", "kind: person\naliases: [on, 1970]")],
        },
        (
            'claims/entities/ana-ruiz.yaml:5:11: aliases[0]: expected text, got the boolean on (YAML reads an unquoted on as a yes/no value); write it in quotes: "on"',
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
                    "verdict:\n  rating: opinion\n  checked: 2024-03-10\n  conclusion: A view about priorities, not a checkable fact.",
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
        "figure value in exponent form YAML reads as text",
        {"ferry-budget.yaml": [("  value: 12000000", "  value: 1.2e7")]},
        (
            'claims/ferry-budget.yaml:8:10: figure.value: expected a finite number, got text "1.2e7"; YAML reads this form as text, write 1.2e+7',
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
    Case(
        "conclusion required unless unverified",
        {"roads-better.yaml": [("  conclusion: A view about priorities, not a checkable fact.\n", "")]},
        ('claims/roads-better.yaml:8:3: verdict: missing field "conclusion", required unless rating is unverified',),
    ),
    Case(
        "sources required for a rated claim",
        {"council-announced.yaml": [("sources:\n  - source: council-minutes\n", "")]},
        (
            'claims/council-announced.yaml:2:1: missing field "sources", required unless verdict.rating is unverified or opinion',
        ),
    ),
    Case(
        "sources empty for a rated claim",
        {"council-announced.yaml": [("sources:\n  - source: council-minutes", "sources: []")]},
        (
            "claims/council-announced.yaml:13:10: sources: must list at least one item unless verdict.rating is unverified or opinion",
        ),
    ),
    Case(
        "source cited twice",
        {
            "council-announced.yaml": [
                (
                    "  - source: council-minutes",
                    "  - source: council-minutes\n  - source: council-minutes\n    note: again",
                )
            ]
        },
        ('claims/council-announced.yaml:15:5: sources[1]: repeats "council-minutes" (already at line 14)',),
    ),
    Case(
        "related to itself",
        {"ferry-budget.yaml": [("  - ferry-capacity", "  - ferry-capacity\n  - ferry-budget")]},
        ("claims/ferry-budget.yaml:32:5: related[1]: a claim cannot be related to itself",),
    ),
    Case(
        "correction without a note",
        {"ferry-capacity.yaml": [("    note: Rating changed from supported after the timetable was published.\n", "")]},
        ('claims/ferry-capacity.yaml:25:5: corrections[0]: missing required field "note"',),
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
            'claims/articles/ferry-story.yaml:9:1: unknown field "old"; allowed here: id, title, publisher, url, paragraphs, published, author, retrieved, summary, findings',
        ),
    ),
    # first_appearance, copy_of and findings (audit): provenance fields and their rules
    Case(
        "first appearance of the article's own words names a source",
        {"council-announced.yaml": [("  change: own", "  change: own\n  source: council-minutes")]},
        ('claims/council-announced.yaml:17:11: first_appearance.source: not allowed when change is "own"',),
    ),
    Case(
        "first appearance without a source",
        {"ferry-budget.yaml": [("  source: council-minutes\n  change: reworded", "  change: reworded")]},
        ('claims/ferry-budget.yaml:33:3: first_appearance: missing field "source", required unless change is own',),
    ),
    Case(
        "first appearance change not in the list",
        {"ferry-budget.yaml": [("change: reworded", "change: rewritten")]},
        (
            'claims/ferry-budget.yaml:34:11: first_appearance.change: expected one of kept, reworded, changed, own; got "rewritten"',
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
            'claims/ferry-budget.yaml:28:13: sources[0].source: no source "council-minute" (looked for sources/council-minute.yaml); did you mean "council-minutes"?',
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
            'claims/ferry-budget.yaml:17:5: entities[0]: no entity "harbourville" (looked for entities/harbourville.yaml); did you mean "harbourville-council"?',
            'claims/ferry-budget.yaml:31:5: related[0]: no claim "ferry-capacities" (looked for ferry-capacities.yaml); did you mean "ferry-capacity"?',
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
            'claims/ferry-capacity.yaml:28:11: first_appearance.source: no source "wire-story" (looked for sources/wire-story.yaml); did you mean "wire-story-copy"?',
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
            'claims/ferry-budget.yaml:33:11: first_appearance.source: no source "ferry-capacity" (looked for sources/ferry-capacity.yaml); "ferry-capacity" is a claim, not a source',
        ),
    ),
    Case(
        "finding cites a missing claim",
        {"articles/ferry-story.yaml": [("claims: [ferry-capacity]", "claims: [ferry-capacty]")]},
        (
            'claims/articles/ferry-story.yaml:17:14: findings[1].claims[0]: no claim "ferry-capacty" (looked for ferry-capacty.yaml); did you mean "ferry-capacity"?',
        ),
    ),
]
