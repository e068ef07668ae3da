"""The About page, from `dossier.yaml`: who publishes the dossier, the team, funding, contact, the
corrections policy, and the licence of the text and data with how to cite them.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote

from dossier.link.crossref import Index
from dossier.problems import plural
from dossier.read.model import Masthead
from dossier.read.paths import ABOUT, CLAIMS_CSV, CLAIMS_JSON, CORRECTIONS, FEED, METHODOLOGY, link
from dossier.render.accountability.evidence import member_anchor
from dossier.render.markup import external_link, front_matter, md_paragraphs, md_text

DATA_NOTE = (
    "A CSV file has no room for a licence line: when you share it, say where it comes from and under "
    "which licence, as below."
)


def render_about(index: Index, site_url: str | None) -> str:
    """Markdown for `about.md`; a short page saying the file is missing if the dossier has none."""
    masthead = index.masthead
    if masthead is None:
        return front_matter({"title": "About"}) + "# About this dossier {#about}\n\nNo `dossier.yaml` yet.\n"
    parts = [
        front_matter({"title": "About"}),
        "# About this dossier {#about}\n",
        md_paragraphs(masthead.description) + "\n" if masthead.description else "",
        "## Who publishes it {#publisher}\n\n" + _publisher(masthead) + "\n",
        "## The team {#team}\n\n" + _team(index, masthead),
        "## Funding {#funding}\n\n" + md_paragraphs(masthead.funding) + "\n",
        "## Contact {#contact}\n\n" + _contact(masthead) + "\n",
        "## Corrections policy {#corrections-policy}\n\n"
        + md_paragraphs(masthead.corrections_policy)
        + f"\n\nEvery correction made so far is on the [Corrections]({link(ABOUT, CORRECTIONS)}) page; "
        + f"how we check and rate claims is on the [Methodology]({link(ABOUT, METHODOLOGY)}) page.\n",
        "## Licence and how to cite the data {#data}\n\n" + _licence(masthead, site_url),
    ]
    return "\n".join(part for part in parts if part)


def _publisher(masthead: Masthead) -> str:
    publisher = masthead.publisher
    name = external_link(publisher.name, publisher.url) if publisher.url else md_text(publisher.name)
    return f"The dossier is published by {name}."


def _team(index: Index, masthead: Masthead) -> str:
    """Each member with a heading to link to, their role, and how many verdicts they stand behind."""
    checked = Counter(m for claim in index.claims.values() for m in claim.verdict.checked_by)
    entries = []
    for member in masthead.team:
        facts = [md_text(member.role)]
        if checked[member.id]:
            facts.append(f"checked {plural(checked[member.id], 'claim')}")
        if member.url:
            facts.append(external_link("about them", member.url))
        entries.append(f"### {md_text(member.name)} {{#{member_anchor(member.id)}}}\n\n" + " · ".join(facts) + "\n")
    return "\n".join(entries)


def _contact(masthead: Masthead) -> str:
    contact = masthead.contact
    ways = []
    if contact.email:
        href = md_text(quote(contact.email, safe="@.+-_"))  # percent-encoded, then inert in the attribute
        ways.append(f'Email: <a href="mailto:{href}">{md_text(contact.email)}</a>')
    if contact.url:
        ways.append(external_link("Contact page", contact.url))
    text = "<br>\n".join(ways)
    if contact.note:
        text += ("\n\n" if text else "") + md_paragraphs(contact.note)
    return text


def _licence(masthead: Masthead, site_url: str | None) -> str:
    licence = external_link(masthead.licence.name, masthead.licence.url)
    where = (site_url.rstrip("/") + "/") if site_url else "this site's address"
    citation = f"{masthead.publisher.name}: claims data ({{file}}), {where}, licensed {masthead.licence.name}"
    return (
        f"The dossier's text and data are published under {licence}: you may share and adapt them if you "
        "credit the dossier and say what you changed.\n\n"
        f"- [claims.json]({link(ABOUT, CLAIMS_JSON)}): every record; its `licence` field names the licence.\n"
        f"- [claims.csv]({link(ABOUT, CLAIMS_CSV)}): one row per claim, for spreadsheets. {md_text(DATA_NOTE)}\n"
        f"- [feed.xml]({link(ABOUT, FEED)}): an Atom feed with an entry per claim and per correction.\n\n"
        "Cite the data as:\n\n"
        f"> {md_text(citation.format(file='claims.json or claims.csv'))}, retrieved on the date you downloaded it.\n"
    )


def who_we_are(page: str) -> str:
    """The home page's entries pointing at the About and Corrections pages."""
    return (
        f"- [Who we are]({link(page, ABOUT)}): the publisher, the team, funding and how to reach us.\n"
        f"- [Corrections]({link(page, CORRECTIONS)}): every change to a verdict, newest first "
        f"(also as an [Atom feed]({link(page, FEED)})).\n"
    )


def data_licence(index: Index, page: str) -> str:
    """The note beside the download links: the data's licence, and where it says how to cite it."""
    if index.masthead is None:
        return ""
    licence = index.masthead.licence
    return f"Licensed {external_link(licence.name, licence.url)}; [how to cite it]({link(page, ABOUT, 'data')})."
