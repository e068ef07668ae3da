"""The `links` and `archive` commands: load the checked records, run the tool, print, exit code."""

from __future__ import annotations

from typing import TextIO

from dossier.link.check import check_dossier
from dossier.problems import Problem, format_github, plural, terminal_line


def run_links(claims_dir: str, timeout: float, output_format: str, out: TextIO) -> int:
    """Ask every URL in the dossier; 1 when any is dead (or the records are invalid), else 0."""
    from dossier.upkeep.linkcheck import check_urls, summary
    from dossier.upkeep.urls import dossier_urls

    dossier, _, problems = check_dossier(claims_dir)
    if problems:
        return _invalid(problems, out)
    places = dossier_urls(dossier)
    findings = check_urls(places, timeout)
    if output_format == "github":
        for finding in findings:
            severity = {"error": "error", "warning": "warning", "hint": "notice"}[finding.severity]
            problem = Problem(finding.path, finding.line, finding.col, f"{finding.url}: {finding.message}")
            print(format_github(problem).replace("::error ", f"::{severity} ", 1), file=out)
    for finding in findings:
        print(terminal_line(str(finding)), file=out)
    print(terminal_line(summary(len({p.url for p in places}), findings)), file=out)
    return 1 if any(f.severity == "error" for f in findings) else 0


def _invalid(problems: list[Problem], out: TextIO) -> int:
    for problem in problems:
        print(terminal_line(str(problem)), file=out)
    print(f"{plural(len(problems), 'problem')} in the records; fix them (see `check`) first", file=out)
    return 1


def run_archive(claims_dir: str, write: bool, endpoint: str | None, timeout: float, out: TextIO) -> int:
    """Capture each source with no archive_url; with `write`, add it to the YAML. 1 if any capture failed."""
    from pathlib import Path

    from dossier.upkeep import archive

    dossier, _, problems = check_dossier(claims_dir)
    if problems:
        return _invalid(problems, out)
    waiting = [s for s in dossier.sources if not s.archive_url]
    failed = 0
    for number, source in enumerate(waiting):
        if number:
            archive.pause()
        line, col = source.origin.at(("url",))
        where = f"{source.origin.path}:{line}:{col}: {source.url}"
        try:
            capture = archive.save_page_now(source.url, endpoint or archive.ENDPOINT, timeout)
        except archive.ArchiveError as error:
            failed += 1
            print(terminal_line(f"{where}: warning: not archived: {error}"), file=out)
            continue
        if write:
            try:
                archive.write_capture(Path(claims_dir) / source.origin.file, capture, source.origin.path)
            except archive.ArchiveError as error:
                failed += 1
                print(
                    terminal_line(f"{where}: warning: captured at {capture.archive_url}, not written: {error}"),
                    file=out,
                )
                continue
            print(terminal_line(f"{where}: added archive_url {capture.archive_url}"), file=out)
        else:
            print(terminal_line(f"{where}: captured at {capture.archive_url}"), file=out)
    done = len(waiting) - failed
    what = "added to the records" if write else "not written: run with --write to add them"
    print(
        f"archive: {plural(done, 'capture')} of {plural(len(waiting), 'source')} without an archived copy; {what}",
        file=out,
    )
    return 1 if failed else 0
