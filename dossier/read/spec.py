"""The record formats, declared once.

The checker (`fields.py`) walks these declarations to validate each file, and `json_schema.py`
turns the same declarations into the JSON Schema that editors use. Rules that need more than
one file (references, excerpt anchoring) live in `crossref.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

RecordKind = Literal["claim", "article", "source", "entity", "dossier", "topics"]
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_RULE = 'lowercase letters and digits, words joined by single hyphens, such as "tech-plan-total"'
ID_HINT = f"an id of {ID_RULE}"
UNIT_PATTERN = r"^([A-Z]{3}|[a-z][a-z0-9]*(-[a-z0-9]+)*)$"
UNIT_HINT = 'an ISO 4217 currency code such as "USD", or a lowercase unit such as "percent"'
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s.]+$"


@dataclass(frozen=True)
class Text:
    """A string. `pattern` is matched against the whole value; `hint` names what it accepts."""

    one_line: bool = False
    max_length: int | None = None
    pattern: str | None = None
    hint: str = ""

    @cached_property
    def compiled(self) -> re.Pattern[str] | None:
        return re.compile(self.pattern) if self.pattern is not None else None


@dataclass(frozen=True)
class Ref:
    """The id of another record, of the given kind."""

    kind: RecordKind


@dataclass(frozen=True)
class Choice:
    """One of a closed set of words, each with the meaning shown to editors."""

    options: tuple[tuple[str, str], ...]

    @cached_property
    def values(self) -> tuple[str, ...]:
        return tuple(value for value, _ in self.options)


@dataclass(frozen=True)
class Number:
    """A finite number, integer or decimal; with a `limit`, between -limit and limit."""

    limit: float | None = None


@dataclass(frozen=True)
class Count:
    """A whole number, 1 or more."""


@dataclass(frozen=True)
class Date:
    """YYYY, YYYY-MM or YYYY-MM-DD, quoted or not, from 1900 on; never a time.

    `past`: the date records something already done (a check, an access, a publication), so
    it cannot be after the day the check runs; figure dates may lie in the future.
    """

    past: bool = False


@dataclass(frozen=True)
class Unit:
    """A figure's unit: an ISO 4217 currency code in capitals, or a lowercase unit word."""


@dataclass(frozen=True)
class Url:
    """An absolute http or https address."""


@dataclass(frozen=True)
class ListOf:
    """A YAML list. `unique` forbids repeated items (`unique_key` compares that field of each);
    `max_items` caps what one record can fan out to (a page per topic, a link per entity)."""

    item: FieldType
    unique: bool = False
    unique_key: str | None = None
    max_items: int | None = None


@dataclass(frozen=True)
class Condition:
    """`field` is required (or forbidden) when the value at `when` is (or, negated, is not) in `values`."""

    field: str
    effect: Literal["required", "forbidden"]
    when: tuple[str, ...]
    values: tuple[str, ...]
    negate: bool = False


@dataclass(frozen=True)
class Obj:
    """A YAML mapping with known fields; any other key is an error."""

    fields: tuple[Field, ...]
    conditions: tuple[Condition, ...] = ()

    def get(self, name: str) -> Field | None:
        return self.by_name.get(name)

    @cached_property
    def by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    @cached_property
    def required(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.required)


FieldType = Text | Ref | Choice | Number | Count | Date | Url | ListOf | Obj | Unit


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    description: str
    required: bool = False


def _id(kind: str) -> Field:
    return Field(
        "id",
        Text(one_line=True, max_length=64, pattern=ID_PATTERN, hint=ID_HINT),
        f"The {kind}'s id: {ID_RULE}. It must equal the file name without `.yaml`.",
        required=True,
    )


LINE = Text(one_line=True)
PROSE = Text()
TOPIC = Text(one_line=True, max_length=64, pattern=ID_PATTERN, hint=ID_HINT)

KINDS = Choice(
    (
        ("figure", "A number the article states: an amount, a share, a count."),
        ("quote", "Words the article attributes to a named speaker."),
        ("statement", "A checkable assertion of fact that is not chiefly a number."),
        ("forecast", "A prediction, target or projection; may carry a figure."),
        ("opinion", "The writer's judgement or framing; shown for coverage, not rated true or false."),
    )
)
RATINGS = Choice(
    (
        ("supported", "The evidence backs the claim as the article states it."),
        ("partly-supported", "The core holds, but a detail is wrong, inflated or missing context."),
        ("disputed", "Credible sources contradict each other or the claim."),
        ("unsupported", "We looked and found no evidence for the claim."),
        ("unverified", "Not yet checked; no conclusion is given."),
        ("opinion", "A judgement or framing that evidence cannot settle."),
    )
)
QUALIFIERS = Choice(
    (
        ("about", "The article gives the figure as approximate."),
        ("over", "The article says the true value is above the figure."),
        ("under", "The article says the true value is below the figure."),
    )
)
METHODS = Choice(
    (
        ("official", "Published by the body that measures or decides it."),
        ("estimate", "An outside estimate, e.g. by an analyst or think tank."),
        ("forecast", "A projection of a future value."),
        ("target", "A goal set by a government or company."),
        ("derived", "Computed from other figures, e.g. a yearly rate times years."),
    )
)
SOURCE_KINDS = Choice(
    (
        ("news", "A news report or news agency story."),
        ("official", "A government, legislature or regulator publication."),
        ("research", "A study, report or analysis by researchers or analysts."),
        ("company", "A company's own publication or filing."),
        ("reference", "An encyclopedia, database or profile page."),
        ("other", "Anything else, e.g. a blog or forum post."),
    )
)
ENTITY_KINDS = Choice(
    (
        ("person", "A named individual."),
        ("organization", "A company, university, bank or other non-state body."),
        ("government", "A state, ministry, legislature or other public authority."),
        ("place", "A city, region or country as a place."),
        ("program", "A plan, programme or policy."),
        ("other", "Anything else that is named."),
    )
)

PERIOD = Obj(
    (
        Field("start", Date(), "First date the figure covers.", required=True),
        Field("end", Date(), "Last date the figure covers (not before start).", required=True),
    )
)
# The largest figure either way. Far above any amount an article states (the world's yearly
# output is about 1e14 US dollars; 1e18 leaves room for currencies with tiny units), below 2**63,
# so every whole figure fits a 64-bit integer in a spreadsheet or database, and small enough
# that no product with an exchange rate or gap between two figures overflows into `inf`.
MAX_FIGURE = 1e18
FIGURE_NUMBER = Number(limit=MAX_FIGURE)

USD_RATE = Obj(
    (
        Field(
            "rate",
            Number(),
            "US dollars for one unit of the figure's currency, e.g. 0.1408 for one yuan.",
            required=True,
        ),
        Field("date", Date(), "The day (or month or year) the rate applies to.", required=True),
        Field("source", Ref("source"), "The id of the source record the rate is taken from.", required=True),
    )
)
FIGURE = Obj(
    (
        Field(
            "value",
            FIGURE_NUMBER,
            "The number as a plain value (1.4e12 for $1.4 trillion); for a range, its low end.",
            required=True,
        ),
        Field("high", FIGURE_NUMBER, "For a range, its high end."),
        Field("unit", Unit(), f"The unit: {UNIT_HINT}.", required=True),
        Field("stated", LINE, 'The figure exactly as the article writes it, e.g. "$1.4 trillion".', required=True),
        Field("qualifier", QUALIFIERS, "How the article hedges the figure."),
        Field("point_in_time", Date(), "The date the figure describes, for a level rather than a flow."),
        Field("period", PERIOD, "The span the figure covers."),
        Field("method", METHODS, "How the figure was arrived at."),
        Field(
            "checked_value",
            FIGURE_NUMBER,
            "What the sources support, in the same unit, when it differs from the article's value.",
        ),
        Field(
            "usd_rate",
            USD_RATE,
            "For an amount in another currency: the exchange rate the Figures page uses to show it in US dollars.",
        ),
    )
)
QUOTE = Obj(
    (
        Field("speaker", Ref("entity"), "The entity id of the person quoted.", required=True),
        Field("text", LINE, "The quoted words; they must occur inside the excerpt.", required=True),
    )
)
SUMMARY_MAX = 200
VERDICT = Obj(
    (
        Field("rating", RATINGS, "The rating on the dossier's scale.", required=True),
        Field("checked", Date(past=True), "When the claim was last checked.", required=True),
        Field(
            "summary",
            Text(one_line=True, max_length=SUMMARY_MAX),
            f"The verdict in one plain sentence of at most {SUMMARY_MAX} characters: what is right or wrong.",
            required=True,
        ),
        Field("conclusion", PROSE, "What the evidence shows, in the dossier's own words."),
        Field(
            "checked_by",
            ListOf(Text(one_line=True, max_length=64, pattern=ID_PATTERN, hint=ID_HINT), unique=True, max_items=10),
            "Ids of the team members (in dossier.yaml) who checked the claim and stand behind it (at most 10).",
        ),
    ),
    conditions=(Condition("conclusion", "required", ("rating",), ("unverified",), negate=True),),
)
QUOTE_MAX = 300
SOURCE_REF = Obj(
    (
        Field("source", Ref("source"), "The id of a source record.", required=True),
        Field("note", PROSE, "What this source says about the claim.", required=True),
        Field(
            "quote",
            Text(max_length=QUOTE_MAX),
            f"The source's own words that the note relies on, verbatim, at most {QUOTE_MAX} characters.",
        ),
    )
)
CORRECTION = Obj(
    (
        Field("date", Date(past=True), "When the verdict changed.", required=True),
        Field("note", PROSE, "What changed and why.", required=True),
    )
)

# --- provenance: where a claim's wording first appeared, and what a source copies (audit) ---
CHANGES = Choice(
    (
        ("kept", "The article keeps the first appearance's words and meaning, verbatim or nearly so."),
        ("reworded", "The article says what the first appearance says, in other words."),
        ("changed", "The article changes the substance: a number, a span, a scope, or who said or wants it."),
        ("own", "The article's own words: we found no earlier text they come from."),
    )
)
FIRST_APPEARANCE = Obj(
    (
        Field(
            "source",
            Ref("source"),
            "The source record holding the earliest text found with this wording (a copy is fine: "
            "its `copy_of` names the original). Required unless change is `own`.",
        ),
        Field("change", CHANGES, "How the article's sentence differs from that first appearance.", required=True),
        Field("note", PROSE, "What the first appearance says and what the article did with it."),
    ),
    conditions=(
        Condition("source", "required", ("change",), ("own",), negate=True),
        Condition("source", "forbidden", ("change",), ("own",)),
    ),
)
COPY_OF = Obj(
    (
        Field("publisher", LINE, "Who published the original, e.g. Bloomberg News.", required=True),
        Field("title", LINE, "The original's headline, when known."),
        Field("published", Date(), "When the original was published, as precisely as known."),
    )
)
FINDING = Obj(
    (
        Field("text", PROSE, "One finding, in the dossier's own words.", required=True),
        Field(
            "claims",
            ListOf(Ref("claim"), unique=True),
            "Ids of the claims whose records back the finding; the home page links each one.",
            required=True,
        ),
    )
)

# What one claim may fan out to: each topic makes a page, each entity, source and related claim a
# link on both records' pages. Far above what a real claim needs (the first dossier's 27 claims
# have at most 4 topics, 6 entities, 9 sources and 4 related claims), far below what would make
# one small file cost minutes of build (4,900 topics once made 4,902 pages and a 120 MB site).
MAX_TOPICS = 20
MAX_ENTITIES = 50
MAX_SOURCES = 50
MAX_RELATED = 50

CLAIM = Obj(
    (
        _id("claim"),
        Field("article", Ref("article"), "The id of the article the claim is taken from.", required=True),
        Field("kind", KINDS, "What sort of claim this is.", required=True),
        Field(
            "claim",
            Text(one_line=True, max_length=120),
            "The proposition restated neutrally, one line of at most 120 characters.",
            required=True,
        ),
        Field(
            "excerpt", LINE, "The claim's words exactly as they stand in one paragraph of the article.", required=True
        ),
        Field(
            "occurrence",
            Count(),
            "Which occurrence of the excerpt is meant, counting from 1, when it appears more than once.",
        ),
        Field("figure", FIGURE, "The number the claim states (required for figures, allowed for forecasts)."),
        Field("quote", QUOTE, "Who is quoted and the quoted words (required for quotes)."),
        Field(
            "entities",
            ListOf(Ref("entity"), unique=True, max_items=MAX_ENTITIES),
            f"Entity ids of the people, bodies and places the claim names (at most {MAX_ENTITIES}).",
        ),
        Field(
            "topics",
            ListOf(TOPIC, unique=True, max_items=MAX_TOPICS),
            f"Topic ids such as `5g` (at most {MAX_TOPICS}); each must be listed in topics.yaml.",
        ),
        Field("verdict", VERDICT, "The rating, when it was checked, and the conclusion.", required=True),
        Field(
            "sources",
            ListOf(SOURCE_REF, unique=True, unique_key="source", max_items=MAX_SOURCES),
            f"The evidence: each entry cites a source record (at most {MAX_SOURCES}).",
        ),
        Field(
            "related",
            ListOf(Ref("claim"), unique=True, max_items=MAX_RELATED),
            f"Ids of other claims that bear on this one (at most {MAX_RELATED}).",
        ),
        Field("corrections", ListOf(CORRECTION), "A dated log of changes to the verdict."),
        Field(
            "first_appearance",
            FIRST_APPEARANCE,
            "Where the claim's wording first appeared before the article, and how the article changed it.",
        ),
    ),
    conditions=(
        Condition("figure", "required", ("kind",), ("figure",)),
        Condition("figure", "forbidden", ("kind",), ("figure", "forecast"), negate=True),
        Condition("quote", "required", ("kind",), ("quote",)),
        Condition("quote", "forbidden", ("kind",), ("quote",), negate=True),
        Condition("sources", "required", ("verdict", "rating"), ("unverified", "opinion"), negate=True),
    ),
)

ARTICLE = Obj(
    (
        _id("article"),
        Field("title", LINE, "The headline as published.", required=True),
        Field("publisher", LINE, "The site or outlet that published it.", required=True),
        Field("url", Url(), "Where it was published.", required=True),
        Field("paragraphs", ListOf(PROSE), "The article's text, one verbatim string per paragraph.", required=True),
        Field("published", Date(past=True), "Publication date, as precisely as known (a month is fine)."),
        Field("published_note", PROSE, "How the publication date was established, when the page does not show it."),
        Field("author", LINE, "Byline, when known."),
        Field("retrieved", Date(past=True), "When this copy of the text was taken."),
        Field("summary", PROSE, "The dossier's overall finding about the article, shown on the home page."),
        Field(
            "findings",
            ListOf(FINDING),
            "The overall finding as separate statements, each linked on the home page to the claims behind it.",
        ),
    )
)
SOURCE = Obj(
    (
        _id("source"),
        Field("title", LINE, "The page's title or headline.", required=True),
        Field("publisher", LINE, "Who published it.", required=True),
        Field("url", Url(), "Where it can be read.", required=True),
        Field("published", Date(past=True), "Publication date, when the page shows one."),
        Field(
            "accessed",
            Date(past=True),
            "When an editor last read it and found it says what the claims cite it for.",
            required=True,
        ),
        Field("archive_url", Url(), "An archived copy."),
        Field("kind", SOURCE_KINDS, "What sort of source this is."),
        Field(
            "copy_of",
            COPY_OF,
            "When this page reposts another publication's story: the original, shown with the copy.",
        ),
    )
)
ENTITY = Obj(
    (
        _id("entity"),
        Field("name", LINE, "The name readers know it by.", required=True),
        Field("kind", ENTITY_KINDS, "What sort of entity this is.", required=True),
        Field("description", LINE, "One line saying who or what it is."),
        Field("aliases", ListOf(LINE, unique=True), "Other names and spellings."),
        Field(
            "wikidata",
            Text(one_line=True, pattern=r"^Q[0-9]+$", hint='a Wikidata item id such as "Q15031"'),
            "Its Wikidata item id, e.g. Q15031.",
        ),
        Field("url", Url(), "An official or reference page."),
    )
)

# --- the dossier itself: who stands behind it (dossier.yaml) and its topics (topics.yaml) ---
MAX_TEAM = 200  # a newsroom's fact-check desk, with room to spare
MAX_TOPIC_LIST = 1000  # topics across every article of a large dossier; each one is a page
NAMED_LINK = Obj(
    (
        Field("name", LINE, "The name as readers should see it.", required=True),
        Field("url", Url(), "Where to find it.", required=True),
    )
)
TEAM_MEMBER = Obj(
    (
        Field(
            "id",
            Text(one_line=True, max_length=64, pattern=ID_PATTERN, hint=ID_HINT),
            "How claims name this person in verdict.checked_by.",
            required=True,
        ),
        Field("name", LINE, "The person's name as published.", required=True),
        Field("role", LINE, "What they do for the dossier, e.g. Editor.", required=True),
        Field("url", Url(), "A page about them."),
    )
)
CONTACT = Obj(
    (
        Field(
            "email",
            Text(one_line=True, pattern=EMAIL_PATTERN, hint="an email address such as corrections@example.org"),
            "An address readers can write to, for corrections too.",
        ),
        Field("url", Url(), "A contact page or form."),
        Field("note", PROSE, "Any other way to reach the team, such as opening an issue in the repository."),
    )
)
PUBLISHER = Obj(
    (
        Field("name", LINE, "The publisher's name as readers should see it.", required=True),
        Field("url", Url(), "The publisher's home page; without it, the site's own address (site_url) stands for it."),
    )
)
DOSSIER = Obj(
    (
        Field("description", PROSE, "What this dossier is and does, in two or three sentences."),
        Field("publisher", PUBLISHER, "Who publishes the dossier.", required=True),
        Field(
            "team",
            ListOf(TEAM_MEMBER, unique=True, unique_key="id", max_items=MAX_TEAM),
            f"The people behind it (at most {MAX_TEAM}).",
            required=True,
        ),
        Field(
            "funding",
            PROSE,
            "Who pays for the work, including any funder that could be seen to have a stake.",
            required=True,
        ),
        Field(
            "contact",
            CONTACT,
            "How to reach the team: an email address, a contact page, or another way.",
            required=True,
        ),
        Field(
            "corrections_policy",
            PROSE,
            "How readers ask for a correction and how corrections are made and shown.",
            required=True,
        ),
        Field("licence", NAMED_LINK, "The licence of the dossier's text and data, e.g. CC BY 4.0.", required=True),
    )
)
TOPIC_ENTRY = Obj(
    (
        Field("id", TOPIC, "The topic's id, as claims list it under topics.", required=True),
        Field("name", LINE, "The topic's name as readers see it, e.g. 5G or South Korea.", required=True),
        Field("description", LINE, "One line saying what the topic covers.", required=True),
    )
)
TOPICS = Obj(
    (
        Field(
            "topics",
            ListOf(TOPIC_ENTRY, unique=True, unique_key="id", max_items=MAX_TOPIC_LIST),
            f"Every topic claims may use, with its name and description (at most {MAX_TOPIC_LIST}: each gets a page).",
            required=True,
        ),
    )
)

# A required list must have at least one item (an article's paragraphs, a claim's sources).
# Each record kind's folder inside the claims folder; claims sit at the top.
FOLDERS: dict[RecordKind, str] = {
    "claim": "",
    "article": "articles",
    "source": "sources",
    "entity": "entities",
    "dossier": "",
    "topics": "",
}
SPECS: dict[RecordKind, Obj] = {
    "claim": CLAIM,
    "article": ARTICLE,
    "source": SOURCE,
    "entity": ENTITY,
    "dossier": DOSSIER,
    "topics": TOPICS,
}
# The dossier's own files, one of each, at the top of the claims folder; they have no id (their
# name says what they are), so no claim can be called `dossier` or `topics`.
SINGLE_FILES: dict[RecordKind, str] = {"dossier": "dossier.yaml", "topics": "topics.yaml"}
KIND_OF_SINGLE_FILE: dict[str, RecordKind] = {name: kind for kind, name in SINGLE_FILES.items()}
_KIND_OF_FOLDER: dict[str, RecordKind] = {folder: kind for kind, folder in FOLDERS.items() if folder}


def kind_of_file(relative: str) -> RecordKind | None:
    """The kind of record a `.yaml` file holds, from its path inside the claims folder; None if misplaced."""
    folder, _, name = relative.replace("\\", "/").rpartition("/")
    if not folder:
        return KIND_OF_SINGLE_FILE.get(name, "claim")
    return _KIND_OF_FOLDER.get(folder)


# ISO 4217 currency codes: those in force (list one, 2025, less XTS "testing" and XXX "no
# currency"), then those withdrawn since 2000, so that a figure of their time stays writable.
# Kept here as data so that checking needs nothing beyond PyYAML.
CURRENCY_CODES = frozenset(
    """
    AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP
    BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB
    EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD
    JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP
    MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR
    RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND
    TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB
    XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA YER ZAR ZMW ZWG
    ANG ATS AZM BEF BGL BYB BYR CSD CUC CYP DEM EEK ESP FIM FRF GHC GRD HRK IEP ITL LTL LUF LVL
    MGF MRO MTL MZM NLG PTE ROL SDD SIT SKK SLL SRG STD TMM TRL VEB VEF XEU YUM ZMK ZWD ZWL ZWN
    ZWR
    """.split()
)
