"""Citations that carry their evidence: the source's own words, when it was read, an archived copy,
and whether it was published after the article it is cited about (computed from the dates).
"""

from __future__ import annotations

from dossier.link.backlinks import backlinks
from dossier.link.crossref import Index
from dossier.read.model import Article, Claim, Source, SourceRef
from dossier.read.paths import ABOUT, link, source_page
from dossier.read.records import date_before
from dossier.render.common import date_phrase, display_date
from dossier.render.markup import external_link, md_text, md_text_lang
from dossier.render.provenance import external_original, source_credit

LATER = "published after the article"


def evidence_date(source: Source) -> str | None:
    """The date of the text a source gives us: the original's, for a copy whose original is dated."""
    if source.copy_of is not None and source.copy_of.published:
        return source.copy_of.published
    return source.published


def published_after(article: Article, source: Source) -> bool:
    """Whether the source surely came out after the article (partial dates compare by the parts both have)."""
    date = evidence_date(source)
    return bool(article.published and date and date_before(article.published, date))


def later_mark() -> str:
    """The mark beside a citation of a source published after the article: words, not colour alone."""
    return f'<span class="dossier-later">{LATER}</span>'


def citation_item(index: Index, claim: Claim, number: int, ref: SourceRef, page: str) -> str:
    """One numbered citation: title, whose and when, links, then the quoted words and the note."""
    source = index.sources[ref.source]
    title = f"[{md_text_lang(source.title)}]({link(page, source_page(source.id))})"
    facts = [source_credit(source)]
    if published_after(index.articles[claim.article], source):
        facts.append(later_mark())
    facts += source_links(source)
    item = f"{number}. {title} — " + " · ".join(facts)
    if ref.quote:
        item += f"\n\n    > {md_text_lang(ref.quote)}"  # a source's own words may be Chinese
    if ref.note:
        item += f"\n\n    {md_text(ref.note)}"
    return item


def source_links(source: Source) -> list[str]:
    """The page itself, its archived copy, and when an editor last read it."""
    links = [external_original(source)]
    if source.archive_url:
        links.append(external_link("archived copy", source.archive_url))
    links.append(f"accessed {display_date(source.accessed)}")
    return links


def sources_list(index: Index, claim: Claim, page: str) -> str:
    """The claim page's numbered citations, each with its evidence."""
    items = [citation_item(index, claim, n, ref, page) for n, ref in enumerate(claim.sources, start=1)]
    return "\n\n".join(items) + "\n"


def later_than(index: Index, source: Source) -> list[Article]:
    """The articles, among those whose claims cite the source, that it was published after."""
    citing = backlinks(index).by_source.get(source.id, [])
    articles = {claim.article: index.articles[claim.article] for claim, _ in citing}
    return [a for _, a in sorted(articles.items()) if published_after(a, source)]


def source_date_notice(index: Index, source: Source) -> str:
    """The source page's warning when it came out after an article it is cited about, or nothing."""
    later = later_than(index, source)
    if not later:
        return ""
    named = "" if len(index.articles) == 1 else " " + ", ".join(f"“{md_text(a.title)}”" for a in later)
    dates = ", ".join(date_phrase(str(a.published)) for a in later)
    return (
        f'<p class="dossier-later-notice">{later_mark()} The article{named} appeared {dates}, before this '
        "source: the writer could not have seen it, so it is later evidence.</p>\n\n"
    )


def checked_by_line(index: Index, claim: Claim, page: str) -> str:
    """Who checked the claim and stands behind its verdict, linked to the About page's team list."""
    if not claim.verdict.checked_by or index.masthead is None:
        return ""
    members = {m.id: m for m in index.masthead.team}
    names = [
        f"[{md_text(members[m].name)}]({link(page, ABOUT, member_anchor(m))}) ({md_text(members[m].role)})"
        for m in claim.verdict.checked_by
        if m in members
    ]
    if not names:
        return ""
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f'<p class="dossier-checked-by" markdown="1">Checked by {joined}.</p>\n'


def member_anchor(member_id: str) -> str:
    """The id of a team member's entry on the About page."""
    return f"member-{member_id}"


DATING_ANCHOR = "dating"


def dating_note(article: Article) -> str:
    """How the article's date was established, when the record says: in small print after our
    findings (the byline's date links to it), so the findings come first."""
    if not article.published_note:
        return ""
    return (
        f'<p class="dossier-dating-note" id="{DATING_ANCHOR}" markdown="1">'
        f"**How we dated it:** {md_text(article.published_note)}</p>\n\n"
    )
