"""Source, entity and topic pages, each with the claims that point at it, and their index pages."""

from __future__ import annotations

from dossier.link.backlinks import backlinks
from dossier.link.crossref import Index
from dossier.problems import plural
from dossier.read.model import Claim, Entity, Source
from dossier.read.paths import ENTITIES, SOURCES, TOPICS, claim_page, entity_page, link, source_page, topic_page
from dossier.render.accountability.evidence import later_mark, later_than, source_date_notice
from dossier.render.common import (
    ENTITY_KIND_LABELS,
    ENTITY_KIND_NAMES,
    NOT_SEARCHED,
    SOURCE_KIND_NAMES,
    badge,
    by_article,
    claim_link,
    display_date,
    grouped_claim_list,
    topic_name,
)
from dossier.render.markup import external_link, front_matter, md_cell, md_text, md_text_lang, safe_title
from dossier.render.provenance import copy_host, copy_notice, first_appearance_of, publisher_cell, shown_date


def render_source_page(index: Index, source: Source) -> str:
    """Markdown for `sources/<id>.md`: what the source is and every claim citing it, with its note."""
    page = source_page(source.id)
    publisher = copy_host(source) if source.copy_of else source.publisher
    facts = [f"**Publisher:** {md_text_lang(publisher)}", f"**Published:** {shown_date(source.published)}"]
    if source.kind:
        facts.append(f"**Type:** {SOURCE_KIND_NAMES[source.kind]}")
    facts.append(f"**Accessed:** {display_date(source.accessed)}")
    links = [external_link("Read the source", source.url)]
    if source.archive_url:
        links.append(external_link("archived copy", source.archive_url))
    citing = backlinks(index).by_source.get(source.id, [])
    notes = {claim.id: note for claim, note in citing}

    def item(claim: Claim) -> str:
        note = notes[claim.id]
        return f"- {badge(claim.verdict.rating)} {claim_link(page, claim)}" + (f"<br>{md_text(note)}" if note else "")

    return (
        front_matter({"title": safe_title(source.title)})
        + f"# {md_text(source.title)} {{#source}}\n\n"
        + "<br>\n".join(facts)
        + "\n\n"
        + source_date_notice(index, source)
        + copy_notice(source)
        + " · ".join(links)
        + "\n\n"
        + first_appearance_of(index, source, page)
        + f"## Cited by {plural(len(citing), 'claim')} {{#cited-by}}\n\n"
        + by_article(index, page, [claim for claim, _ in citing], item, "cited-by")
    )


def render_entity_page(index: Index, entity: Entity) -> str:
    """Markdown for `entities/<id>.md`: who or what it is, its quotes, and every claim naming it."""
    page = entity_page(entity.id)
    lines = [f"# {md_text(entity.name)} {{#entity}}\n"]
    if entity.description:
        lines.append(md_text(entity.description) + "\n")
    facts = [f"**Type:** {ENTITY_KIND_NAMES[entity.kind]}"]
    if entity.aliases:
        facts.append("**Also called:** " + ", ".join(md_text(a) for a in entity.aliases))
    outside = []
    if entity.wikidata:
        outside.append(external_link(f"Wikidata {entity.wikidata}", f"https://www.wikidata.org/wiki/{entity.wikidata}"))
    if entity.url:
        outside.append(external_link("website", entity.url))
    if outside:
        facts.append("**Elsewhere:** " + " · ".join(outside))
    lines.append("<br>\n".join(facts) + "\n")
    order = backlinks(index)
    quotes = order.quotes_by_speaker.get(entity.id, [])
    if quotes:

        def quoted(c: Claim) -> str:
            words = md_text(c.quote.text) if c.quote else ""
            return f"- {badge(c.verdict.rating)} “{words}” ([claim]({link(page, claim_page(c.id))}))"

        lines.append("## Quoted {#quoted}\n\n" + by_article(index, page, quotes, quoted, "quoted"))
    naming = order.by_entity.get(entity.id, [])
    lines.append(
        f"## Named in {plural(len(naming), 'claim')} {{#claims}}\n\n"
        + (grouped_claim_list(index, page, naming, "claims") if naming else "None.\n")
    )
    return front_matter({"title": safe_title(entity.name)}) + "\n".join(lines)


def all_topics(index: Index) -> list[str]:
    return list(backlinks(index).by_topic)


TOPIC_PAGE_SIZE = 100  # claims per page of a topic: a page stays light however many claims a topic gathers


def topic_page_count(index: Index, topic: str) -> int:
    return max(1, -(-len(backlinks(index).by_topic.get(topic, [])) // TOPIC_PAGE_SIZE))


def topic_page_span(number: int) -> tuple[int, int]:
    """The places in the topic's list of claims that page `number` shows."""
    return (number - 1) * TOPIC_PAGE_SIZE, number * TOPIC_PAGE_SIZE


def render_topic_page(index: Index, topic: str, number: int = 1) -> str:
    """Markdown for `topics/<topic>.md` (and, past TOPIC_PAGE_SIZE claims, its further pages): the
    topic's name and description, then its claims in article order."""
    claims = backlinks(index).by_topic.get(topic, [])
    name = topic_name(index, topic)
    entry = index.topics.get(topic)
    description = f"{md_text(entry.description)}\n\n" if entry is not None else ""
    page = topic_page(topic, number)
    start, stop = topic_page_span(number)
    title = f"Topic: {name}" + (f", page {number}" if number > 1 else "")
    pager = _topic_pager(topic, number, topic_page_count(index, topic))
    return (
        front_matter({"title": safe_title(title), **NOT_SEARCHED})
        + f"# Topic: {md_text(name)} {{#topic}}\n\n{description}{plural(len(claims), 'claim')} on this topic.\n\n"
        + grouped_claim_list(index, page, claims[start:stop], "claims")
        + (f"\n{pager}" if pager else "")
    )


def _topic_pager(topic: str, number: int, total: int) -> str:
    """Links to every page of the topic: the current one in bold, plus previous and next."""
    if total == 1:
        return ""
    page = topic_page(topic, number)
    links = [f"**{n}**" if n == number else f"[{n}]({link(page, topic_page(topic, n))})" for n in range(1, total + 1)]
    if number > 1:
        links.insert(0, f"[← Previous]({link(page, topic_page(topic, number - 1))})")
    if number < total:
        links.append(f"[Next →]({link(page, topic_page(topic, number + 1))})")
    return f"Page {number} of {total}: " + " ".join(links) + "\n"


def render_topics_index(index: Index) -> str:
    """Markdown for `topics/index.md`: every topic with what it covers and its claim count."""
    rows = []
    for topic, claims in backlinks(index).by_topic.items():
        entry = index.topics.get(topic)
        covers = md_cell(entry.description) if entry is not None else " "
        name = f"[{md_text(topic_name(index, topic))}]({link(TOPICS, topic_page(topic))})"
        rows.append(f"| {name} | {covers} | {len(claims)} |")
    table = (
        "| Topic | What it covers | Claims |\n|---|---|---|\n" + "\n".join(rows) + "\n" if rows else "No topics yet.\n"
    )
    return front_matter({"title": "Topics", **NOT_SEARCHED}) + "# Topics {#topics}\n\n" + table


def render_sources_index(index: Index) -> str:
    """Markdown for `sources/index.md`: a table of every source and how many claims cite it."""
    rows = []
    citers = backlinks(index).by_source
    for source in sorted(index.sources.values(), key=lambda s: (s.publisher.casefold(), s.id)):
        cited = len(citers.get(source.id, ()))
        title = f"[{md_text(source.title)}]({link(SOURCES, source_page(source.id))})"
        when = shown_date(source.published)
        if later_than(index, source):
            when += f" {later_mark()}"
        rows.append(f"| {title} | {publisher_cell(source)} | {when} | {cited} |")
    return (
        front_matter({"title": "Sources", "hide": ["navigation"], **NOT_SEARCHED})
        + f"# Sources {{#sources}}\n\n{plural(len(rows), 'page')} cited as evidence, by publisher.\n\n"
        + "| Source | Publisher | Published | Cited by |\n|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n"
    )


def render_entities_index(index: Index) -> str:
    """Markdown for `entities/index.md`: entities grouped by kind."""
    sections = []
    order = backlinks(index)
    for kind, label in ENTITY_KIND_LABELS.items():
        members = sorted(
            (e for e in index.entities.values() if e.kind == kind), key=lambda e: (e.name.casefold(), e.id)
        )
        if not members:
            continue
        items = []
        for entity in members:
            count = order.mentions(entity.id)
            description = f" — {md_text(entity.description)}" if entity.description else ""
            items.append(
                f"- [{md_text(entity.name)}]({link(ENTITIES, entity_page(entity.id))}){description} "
                f"({plural(count, 'claim')})"
            )
        sections.append(f"## {label} {{#{kind}}}\n\n" + "\n".join(items) + "\n")
    # "Entities" is the records' word; readers get who and what the claims name (the URL stays /entities/).
    return (
        front_matter({"title": ENTITIES_TITLE, **NOT_SEARCHED})
        + f"# {ENTITIES_TITLE} {{#entities}}\n\nEveryone and everything the claims name or quote.\n\n"
        + "\n".join(sections)
    )


ENTITIES_TITLE = "People & organisations"
