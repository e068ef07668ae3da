"""The command line: parse arguments, run a pipeline stage, print, return the exit code."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from dossier.link.check import check_dossier, check_with_warnings, count_records
from dossier.problems import (
    DossierError,
    Problem,
    format_github,
    plural,
    summarize_problems,
    terminal_line,
)
from dossier.publish.engines import ENGINES, RELATIVE_CITATIONS, site_url_from_env

INTERNAL_ERROR = 70  # EX_SOFTWARE: not the user's doing
ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "schema"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build_claims.py", description="Validate and build the claims dossier.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate the claim records")
    check.add_argument("--claims", default="claims", metavar="DIR", help="claims folder (default: claims)")
    check.add_argument("--format", choices=("text", "github"), default="text", help="text, or GitHub annotations")
    check.add_argument("files", nargs="*", metavar="FILE", help="check only these files (references still resolve)")
    render = commands.add_parser("render", help="write the generated Markdown pages to a folder")
    render.add_argument("--claims", default="claims", metavar="DIR", help="claims folder (default: claims)")
    render.add_argument("--out", required=True, metavar="DIR", help="folder to write the pages into")
    build = commands.add_parser("build", help="check, then build the site with MkDocs (strict)")
    build.add_argument("--claims", default="claims", metavar="DIR", help="claims folder (default: claims)")
    build.add_argument("--site-dir", default=None, metavar="DIR", help="output folder (default: site/)")
    build.add_argument(
        "--offline", action="store_true", help="pages as .html files (no folder URLs), so the site browses from disk"
    )
    build.add_argument("--engine", choices=ENGINES, default="mkdocs", help="mkdocs (default) or zensical")
    new = commands.add_parser("new", help="start a new record (an article from a page; others from a template)")
    new.add_argument("kind", choices=("article", "claim", "source", "entity"), help="what to create")
    new.add_argument("id", help="the new record's id, which is also its file name")
    new.add_argument("--article", metavar="ID", help="for a claim: the article it comes from")
    new.add_argument(
        "--excerpt", metavar="TEXT", help="for a claim: the article's words it rests on (finds the article)"
    )
    new.add_argument(
        "--occurrence", type=int, metavar="N", help="for a claim: which occurrence of the excerpt, when it repeats"
    )
    new.add_argument("--claims", default="claims", metavar="DIR", help="claims folder (default: claims)")
    new.add_argument("--from", dest="source", metavar="FILE|URL", help="for an article: a saved page, text file or URL")
    for name in ("title", "publisher", "url", "published", "author", "retrieved"):
        new.add_argument(f"--{name}", metavar=name.upper(), help=f"for an article: its {name}, if the page lacks it")
    coverage = commands.add_parser("coverage", help="list the sentences no claim's excerpt covers")
    coverage.add_argument("--claims", default="claims", metavar="DIR", help="claims folder (default: claims)")
    coverage.add_argument("--article", metavar="ID", help="only this article")
    links = commands.add_parser("links", help="ask every URL in the dossier whether it still answers")
    links.add_argument("--claims", default="claims", metavar="DIR", help="claims folder (default: claims)")
    links.add_argument("--timeout", type=float, default=15.0, metavar="S", help="seconds to wait for each answer")
    links.add_argument("--format", choices=("text", "github"), default="text", help="text, or GitHub annotations")
    archive = commands.add_parser("archive", help="ask the Internet Archive to capture sources with no archived copy")
    archive.add_argument("--claims", default="claims", metavar="DIR", help="claims folder (default: claims)")
    archive.add_argument("--write", action="store_true", help="add archive_url (and accessed) to the YAML files")
    archive.add_argument("--endpoint", default=None, metavar="URL", help="Save Page Now's address (for tests)")
    archive.add_argument("--timeout", type=float, default=120.0, metavar="S", help="seconds to wait for a capture")
    schema = commands.add_parser("schema", help="write the JSON Schema files under schema/")
    schema.add_argument("--out", default=str(SCHEMA_DIR), metavar="DIR", help="folder to write (default: schema/)")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; 0 success, 1 invalid records or user error, 2 bad usage, 70 a bug."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        if args.command == "check":
            return run_check(args.claims, args.format, out, args.files)
        if args.command == "render":
            return run_render(args.claims, Path(args.out), out)
        if args.command == "build":
            return run_build(args.claims, args.site_dir, out, args.offline, args.engine)
        if args.command == "new":
            return run_new(args, out)
        if args.command == "coverage":
            return run_coverage(args.claims, args.article, out)
        if args.command in ("links", "archive"):
            from dossier.upkeep import commands as upkeep  # editor tools: network and YAML writing

            if args.command == "links":
                return upkeep.run_links(args.claims, args.timeout, args.format, out)
            return upkeep.run_archive(args.claims, args.write, args.endpoint, args.timeout, out)
        return run_schema(Path(args.out), out)
    except DossierError as error:
        print(terminal_line(f"error: {error}"), file=err)
        for detail in error.details:
            print(terminal_line(f"  {detail}"), file=err)
        return 1
    except Exception:  # a bug: show its traceback, but escaped, since record text may be in it
        for line in traceback.format_exc().splitlines():
            print(terminal_line(line), file=err)
        return INTERNAL_ERROR


def run_check(claims_dir: str, output_format: str, out: TextIO, files: Sequence[str] = ()) -> int:
    # Named files are still checked with the whole dossier: a change breaks records elsewhere too
    # (a deleted or renamed source, an edited article paragraph), and a full check takes < 1 s.
    named = _inside(claims_dir, files) if files else frozenset()
    dossier, _, problems, warnings = check_with_warnings(claims_dir)
    if named:
        _print_named_first(problems, warnings, claims_dir, named, output_format, out)
    else:
        print_problems(problems, output_format, out, warnings)
    if not problems:
        summary = count_records(dossier)
        if named:
            summary = f"{plural(len(named), 'file')} named, checked with the whole dossier ({summary})"
        note = f"; {plural(len(warnings), 'warning')} above, worth fixing but not failing the check" if warnings else ""
        print(terminal_line(f"ok: {summary}{note}"), file=out)
        return 0
    return 1


def _print_named_first(
    problems: list[Problem],
    warnings: list[Problem],
    claims_dir: str,
    named: frozenset[str],
    output_format: str,
    out: TextIO,
) -> None:
    """Like `print_problems`, but the named files' problems first, then those elsewhere under a heading."""

    def in_named(problem: Problem) -> bool:
        return os.path.relpath(problem.path, claims_dir).replace(os.sep, "/") in named

    errors_in_named = sum(1 for p in problems if in_named(p))
    where = (
        f": {errors_in_named} in the {plural(len(named), 'file')} named, {len(problems) - errors_in_named} elsewhere"
    )
    print_problems(problems, output_format, out, warnings, first=in_named, where=where)


def _inside(claims_dir: str, files: Sequence[str]) -> frozenset[str]:
    """The given files as paths inside the claims folder; anything outside it is an error."""
    root = Path(claims_dir).resolve()
    inside = set()
    for name in files:
        path = Path(name).resolve()
        if root not in path.parents:
            raise DossierError(f"{name} is not inside the claims folder {claims_dir!r}")
        if not path.is_file():
            raise DossierError(f"{name}: no such file")
        inside.add(path.relative_to(root).as_posix())
    return frozenset(inside)


def print_problems(
    problems: list[Problem],
    output_format: str,
    out: TextIO,
    warnings: Sequence[Problem] = (),
    first: Callable[[Problem], bool] | None = None,
    where: str = "",
) -> None:
    """Errors, then warnings, one per line; GitHub annotations first when asked, then the plain list.

    With `first`, the problems it picks come first and the rest follow under a heading. Every
    line is terminal-safe, so only our own annotations can start a workflow command. With no
    errors, nothing but the warnings is printed (the caller prints the `ok:` line).
    """
    everything = [*problems, *warnings]
    if output_format == "github":
        for problem in everything:
            print(format_github(problem), file=out)
    picked = [p for p in everything if first is None or first(p)]
    rest = [p for p in everything if first is not None and not first(p)]
    for problem in picked:
        print(terminal_line(str(problem)), file=out)
    if rest:
        print("elsewhere in the dossier:", file=out)
        for problem in rest:
            print(terminal_line(str(problem)), file=out)
    if problems:
        also = f", and {plural(len(warnings), 'warning')}" if warnings else ""
        print(summarize_problems(problems) + also + where, file=out)


def run_render(claims_dir: str, folder: Path, out: TextIO) -> int:
    if folder.exists() and any(folder.iterdir()):
        # Never mix with (or delete) what is there: stale pages of deleted claims would linger.
        raise DossierError(f"{folder} is not empty; give a new or empty folder")
    _, index, problems = check_dossier(claims_dir)
    if problems:
        print_problems(problems, "text", out)
        return 1
    from dossier.publish.atomic_folder import replacing_folder  # only here: POSIX-only, and `check` must run anywhere
    from dossier.render.site import render_site, write_site  # only here, like every module `check` does not need

    site_url = site_url_from_env()
    if site_url is None:
        print(RELATIVE_CITATIONS, file=out)
    pages = render_site(index, site_url)
    with replacing_folder(folder) as fresh:
        # Checked again under the lock: another render may have filled the folder meanwhile.
        if folder.exists() and any(folder.iterdir()):
            raise DossierError(f"{folder} is not empty; give a new or empty folder")
        write_site(pages, fresh)
    print(terminal_line(f"wrote {len(pages)} files to {folder}"), file=out)
    return 0


def run_build(claims_dir: str, site_dir: str | None, out: TextIO, offline: bool = False, engine: str = "mkdocs") -> int:
    """Check first (same output as `check`), then run MkDocs' strict build on mkdocs.yml."""
    _, index, problems = check_dossier(claims_dir)
    if problems:
        print_problems(problems, "text", out)
        return 1
    if site_url_from_env() is None:
        print(RELATIVE_CITATIONS, file=out)  # once per build, not once per claim page
    if engine == "zensical":
        from dossier.publish.engines import build_with_zensical

        site = build_with_zensical(ROOT, index, site_dir or str(ROOT / "site"))
        print(terminal_line(f"built the site in {site} with Zensical"), file=out)
        return 0
    from dossier.publish.build import build_site  # only here: `check` needs only what pre-commit installs
    from dossier.publish.mkdocs_hook import hand_over_checked

    hand_over_checked(claims_dir, index)  # the hook need not check the same files again
    site = build_site(ROOT / "mkdocs.yml", claims_dir, site_dir, offline)
    print(terminal_line(f"built the site in {site}"), file=out)
    return 0


def run_new(args: argparse.Namespace, out: TextIO) -> int:
    """Start a record (dossier/start/); never overwrite an existing file."""
    if args.kind == "article":
        return run_new_article(args, out)
    if args.source is not None:
        raise DossierError("--from is for a new article")
    from dossier.start.records import start_record

    path = start_record(args.kind, args.id, args.claims, args.article, args.excerpt, args.occurrence)
    print(terminal_line(str(path)), file=out)
    return 0


def run_new_article(args: argparse.Namespace, out: TextIO) -> int:
    from dossier.start.article import METADATA, start_article

    if args.source is None:
        raise DossierError("a new article needs --from FILE|URL: a saved web page, a text file or the page's address")
    if args.excerpt is not None or args.occurrence is not None or args.article is not None:
        raise DossierError("--article, --excerpt and --occurrence are for a new claim")
    started = start_article(args.claims, args.id, args.source, {name: getattr(args, name) for name in METADATA})
    for note in started.notes:
        print(terminal_line(f"note: {note}"), file=out)
    print(terminal_line(f"{started.path}: {started.paragraphs} paragraphs"), file=out)
    return 0


def run_coverage(claims_dir: str, article: str | None, out: TextIO) -> int:
    """Every uncovered sentence with a `new claim` line for it (dossier/start/coverage_report.py)."""
    _, index, problems = check_dossier(claims_dir)
    if problems:
        print_problems(problems, "text", out)
        return 1
    from dossier.start.coverage_report import coverage_lines

    for line in coverage_lines(index, article, claims_dir):
        print(terminal_line(line), file=out)
    return 0


def run_schema(folder: Path, out: TextIO) -> int:
    from dossier.read.json_schema import schema_files

    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files().items():
        (folder / name).write_text(text, encoding="utf-8", newline="\n")
        print(terminal_line(str(folder / name)), file=out)
    return 0
