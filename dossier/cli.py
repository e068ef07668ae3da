"""The command line: parse arguments, run a pipeline stage, print, return the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from .json_schema import schema_files
from .mkdocs_hook import CLAIMS_ENV
from .pipeline import check_dossier, count_records
from .problems import DossierError, Problem, format_github, summarize_problems
from .site import render_site, write_site

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "schema"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build_claims.py", description="Validate and build the claims dossier.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate the claim records")
    check.add_argument("--claims", default="claims", metavar="DIR", help="claims folder (default: claims)")
    check.add_argument("--format", choices=("text", "github"), default="text", help="text, or GitHub annotations")
    render = commands.add_parser("render", help="write the generated Markdown pages to a folder")
    render.add_argument("--claims", default="claims", metavar="DIR", help="claims folder (default: claims)")
    render.add_argument("--out", required=True, metavar="DIR", help="folder to write the pages into")
    build = commands.add_parser("build", help="check, then build the site with MkDocs (strict)")
    build.add_argument("--claims", default="claims", metavar="DIR", help="claims folder (default: claims)")
    build.add_argument("--site-dir", default=None, metavar="DIR", help="output folder (default: site/)")
    schema = commands.add_parser("schema", help="write the JSON Schema files under schema/")
    schema.add_argument("--out", default=str(SCHEMA_DIR), metavar="DIR", help="folder to write (default: schema/)")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; 0 success, 1 invalid records or user error, 2 bad usage."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        if args.command == "check":
            return run_check(args.claims, args.format, out)
        if args.command == "render":
            return run_render(args.claims, Path(args.out), out)
        if args.command == "build":
            return run_build(args.claims, args.site_dir, out)
        return run_schema(Path(args.out), out)
    except DossierError as error:
        print(f"error: {error}", file=err)
        return 1


def run_check(claims_dir: str, output_format: str, out: TextIO) -> int:
    dossier, _, problems = check_dossier(claims_dir)
    if not problems:
        print(f"ok: {count_records(dossier)}", file=out)
        return 0
    print_problems(problems, output_format, out)
    return 1


def print_problems(problems: list[Problem], output_format: str, out: TextIO) -> None:
    """Every problem on its own line; GitHub annotations first when asked, then the plain list."""
    if output_format == "github":
        for problem in problems:
            print(format_github(problem), file=out)
    for problem in problems:
        print(problem, file=out)
    print(summarize_problems(problems), file=out)


def run_render(claims_dir: str, folder: Path, out: TextIO) -> int:
    _, index, problems = check_dossier(claims_dir)
    if problems:
        print_problems(problems, "text", out)
        return 1
    pages = render_site(index)
    write_site(pages, folder)
    print(f"wrote {len(pages)} files to {folder}", file=out)
    return 0


def run_build(claims_dir: str, site_dir: str | None, out: TextIO) -> int:
    """Check first (same output as `check`), then run MkDocs' strict build on mkdocs.yml."""
    _, _, problems = check_dossier(claims_dir)
    if problems:
        print_problems(problems, "text", out)
        return 1
    previous = os.environ.get(CLAIMS_ENV)
    os.environ[CLAIMS_ENV] = os.path.abspath(claims_dir)  # the hook reads the folder from here
    options = {"site_dir": os.path.abspath(site_dir)} if site_dir else {}
    try:
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), strict=True, **options)
        build(config)
    except Abort as error:
        raise DossierError(f"the site build failed: {error}") from error
    finally:
        if previous is None:
            del os.environ[CLAIMS_ENV]
        else:
            os.environ[CLAIMS_ENV] = previous
    print(f"built the site in {config.site_dir}", file=out)
    return 0


def run_schema(folder: Path, out: TextIO) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files().items():
        (folder / name).write_text(text, encoding="utf-8", newline="\n")
        print(folder / name, file=out)
    return 0
