"""The MkDocs adapter: validate before MkDocs cleans the site folder, then add the pages in memory.

`build_claims.py` exposes one `DossierHook`'s methods as MkDocs hook functions. Validation runs
in `on_pre_build`, which MkDocs calls before it empties `site_dir`, so invalid records abort
the build and the last good site stays in place. Under `mkdocs serve` they build an error site
instead (serve_errors.py), because the dev server would otherwise hold every request.

Under `mkdocs serve` the dossier stays in memory between rebuilds (preview.py), so a save costs
work in proportion to what it changed; with `--dirty`, MkDocs is handed only the generated pages
whose text changed (every other one is an `UnchangedFile`: links to it resolve, nothing rebuilds
it), and the hook keeps the search index (search_index.py) and the sitemap up to date from the
pages that were built.
"""

from __future__ import annotations

import gzip
import html
import logging
import os
import posixpath
import re
import signal
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from dossier.link.check import CLAIMS_ENV, check_dossier
from dossier.link.crossref import Index
from dossier.problems import DossierError, Problem, summarize_problems, terminal_line
from dossier.publish.engines import RELATIVE_CITATIONS
from dossier.publish.last_good import LastGoodPages
from dossier.publish.preview import Preview
from dossier.publish.serve_errors import copied_pages, error_site
from dossier.read.loader import Dossier
from dossier.render.search_index import SearchEntries, compact_search_index
from dossier.render.site import RenderedPage, render_site

CONTRIBUTING_PAGE = "contributing.md"
log = logging.getLogger("mkdocs.hooks.dossier")


class DossierHook:
    def __init__(self) -> None:
        self.claims_dir = "claims"
        self.pages: dict[str, RenderedPage] = {}
        self.serving = False  # `mkdocs serve`: show invalid records' problems in the browser
        self.index: Index | None = None
        self.written: dict[str, str] = {}  # generated pages as the last finished build wrote them
        self.templates = TemplateCache()
        self.dirty = False  # `mkdocs serve --dirty`: rebuilds write only changed pages
        self.preview = Preview()  # the dossier kept in memory between the rebuilds of `mkdocs serve`
        self.search = SearchEntries()  # the search entries of every page, kept between dirty rebuilds
        self.sitemap = Sitemap()
        self.built: set[str] = set()  # documentation pages (by URL) that this build renders
        self.order: list[str] = []  # every page's URL, in the order a full build renders them
        self.unchanged: dict[str, UnchangedFile] = {}  # by path, kept between rebuilds
        self.on_disk: set[str] = set()  # generated files a build may have written into site_dir
        self.watcher: ClaimsWatcher | None = None
        self.config_stamp: tuple[int, int] | None = None  # mkdocs.yml's size and time at the last build
        self.told_relative = False  # said once per run (not per rebuild) that citations are relative
        self.last_good = LastGoodPages()  # the valid build the error site stands in for (`--dirty`)
        self.set_aside_next = False  # this build replaces a valid build with the error site
        self.config_changed = False  # mkdocs.yml changed since the last build: hand-written pages too
        self.copies: dict[str, tuple[str, str]] = {}  # error pages the hook copies -> the two MkDocs renders
        self.copying = True  # until a copy fails its proof (serve_errors.copied_pages)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        given = os.environ.get(CLAIMS_ENV, "claims")
        self.claims_dir = given if os.path.isabs(given) else os.path.relpath(root / given)
        if not config.repo_url:
            config.edit_uri = None  # edit buttons need a repository; set DOSSIER_REPO_URL for them
        for watched in (self.claims_dir, str(root / "CONTRIBUTING.md")):
            if os.path.abspath(watched) not in (os.path.abspath(w) for w in config.watch):
                config.watch.append(watched)
        stamp = _stamp(config.config_file_path)
        if stamp != self.config_stamp:  # mkdocs.yml changed (its navigation is on every page): build every page
            self.written = {}
            self.last_good.discard()
            self.config_changed = True
            self.config_stamp = stamp
        return config

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty
        if self.serving:
            _stop_on_sigterm()

    def on_serve(self, server: Any, config: MkDocsConfig) -> Any:
        """Watch the claims folder for changes instead of polling it.

        MkDocs polls every watched folder twice a second, each poll a `stat` of every file: at
        10,000 claims a poll takes a tenth of a second of a core, and a save waits half a poll
        interval on average before the rebuild starts. Where the system tells of changes as they
        happen (inotify), the claims folder is watched that way and left out of MkDocs' polling;
        anywhere else it stays polled.
        """
        claims = os.path.abspath(self.claims_dir)
        watcher = ClaimsWatcher.start(claims, server)
        if watcher is not None:
            self.watcher = watcher
            config.watch[:] = [w for w in config.watch if os.path.abspath(w) != claims]
        return server

    def on_shutdown(self) -> None:
        self.last_good.discard()
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None

    def on_pre_build(self, config: MkDocsConfig) -> None:
        dossier = None
        try:
            if self.serving:
                update = self.preview.update(self.claims_dir, config.site_url)
                dossier, index, problems = update.dossier, update.index, update.problems
                log.info(terminal_line(self._describe(update)))
            else:
                taken = _take_checked(self.claims_dir)  # `build` hands over the records it has just checked
                if taken is not None:
                    index, problems = taken
                else:
                    dossier, index, problems = check_dossier(self.claims_dir)
            if problems:
                for problem in problems:
                    log.error(terminal_line(str(problem)))
                if self.serving:
                    self.show_problems(problems, summarize_problems(problems), dossier)
                    return
                raise PluginError(f"{summarize_problems(problems)}; the site was not rebuilt")
            assert index is not None
            self.pages = self.preview.pages if self.serving else render_site(index, config.site_url)
            if not config.site_url and not self.told_relative:
                log.info(RELATIVE_CITATIONS)
                self.told_relative = True
            self.index = index
        except DossierError as error:
            if self.serving:
                self.show_problems([], str(error), dossier)
                return
            raise PluginError(terminal_line(str(error))) from error
        except Exception as error:  # a bug; record text may be in its message, so escape it for the log
            message = f"internal error while rendering the dossier: {type(error).__name__}: {error}"
            raise PluginError(terminal_line(message)) from error

    def _describe(self, update: Any) -> str:
        """One line for the terminal: what the preview redid for this save, and how long each stage took."""
        took = ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in update.seconds.items())
        if update.index is None:
            return f"dossier: records checked ({took})"
        return (
            f"dossier: {self.preview.relinker.relinked} claims linked, "
            f"{len(self.preview.site.rendered)} renderings, {len(update.changed)} generated files changed ({took})"
        )

    def show_problems(self, problems: list[Problem], summary: str, dossier: Dossier | None) -> None:
        """While serving: build the error site, and say so on every failure (MkDocs drops repeats)."""
        log.error(
            terminal_line(f"{summary}; the site was not rebuilt, and its pages show the problems until they are fixed")
        )
        self.set_aside_next = self.dirty and self.index is not None
        self.pages = error_site(problems, summary, dossier, self.pages)
        self.index = None

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        root = Path(config.config_file_path or ".").resolve().parent
        claims_in_repo = Path(os.path.relpath(Path(self.claims_dir).resolve(), root)).as_posix()
        for file in files:
            if file.is_documentation_page() and not file.generated_by:
                file.edit_uri = f"{Path(config.docs_dir).relative_to(root).as_posix()}/{file.src_uri}"
        # CONTRIBUTING.md lives at the top for GitHub; the site shows the same file as a page.
        contributing = File.generated(config, CONTRIBUTING_PAGE, abs_src_path=str(root / "CONTRIBUTING.md"))
        contributing.edit_uri = "CONTRIBUTING.md"
        files.append(contributing)
        handwritten = files.src_uris
        if self.config_changed:  # `--dirty` rebuilds a hand-written page only when its own file is newer
            self.config_changed = False
            for file in files:
                if file.is_documentation_page():
                    Path(file.abs_dest_path).unlink(missing_ok=True)
        if self.set_aside_next:
            self._set_aside_last_good(config)
        written = self.written if self.dirty else {}
        put_back: list[str] = []
        self.copies = {}
        if self.serving and self.index is None and self.copying:  # the error site: most pages are copies
            self.copies = copied_pages(self.pages, _nav_pages(config.nav))
        for path, page in self.pages.items():
            if path in handwritten:
                raise PluginError(
                    f"docs/{path} is written by hand, but the dossier generates that page; rename the file"
                )
            if written.get(path) == page.text:  # on disk as the last build wrote it
                files.append(self._unchanged(config, path))
                continue
            if path in self.copies:  # written in on_post_build; a stand-in, so links to it resolve
                files.append(self._unchanged(config, path))
                continue
            if self.index is not None and self.last_good.put_back(config.site_dir, path, page.text):
                put_back.append(_page_url(self._unchanged(config, path)))
                files.append(self._unchanged(config, path))
                continue
            generated = GeneratedFile.generated(config, path, content=page.text)
            assert isinstance(generated, GeneratedFile)  # File.generated builds an instance of its class
            generated.changed = written.get(path) != page.text
            generated.edit_uri = f"{claims_in_repo}/{page.record}" if page.record else None
            files.append(generated)
        if self.index is not None and self.last_good.texts:
            self.last_good.put_back_entries(put_back, self.search, self.sitemap.entries)
            self.last_good.discard()
            log.info(f"dossier: {len(put_back)} files of the last valid build put back unchanged")
        pages = [f for f in files if f.is_documentation_page() or isinstance(f, UnchangedFile) and f.is_page]
        # Copied problem pages have no entries of their own in the search index and sitemap (as in a full build).
        copied = {_page_url(self._unchanged(config, path)) for path in self.copies}
        self.order = [url for url in map(_page_url, pages) if url not in copied]
        self.built = {_page_url(f) for f in pages if f.is_documentation_page() and (not self.dirty or f.is_modified())}
        return files

    def _write_copies(self, config: MkDocsConfig) -> set[str]:
        """Write each copied error page: its folder's first page with the address changed, once the
        second page MkDocs rendered proves that is all that differs. If it does not, the copies are
        written all the same (they show the problems) and returned: every page is rendered from the
        next build on, and those pages are not taken for built."""
        written = self.written if self.dirty else {}
        rendered: dict[str, str] = {}

        def html(path: str) -> str:
            if path not in rendered:
                rendered[path] = Path(self._unchanged(config, path).abs_dest_path).read_text(encoding="utf-8")
            return rendered[path]

        def address(path: str) -> str:
            return '"' + urljoin(config.site_url or "", _page_url(self._unchanged(config, path))) + '"'

        copied = 0
        unproven: set[str] = set()
        proven: set[tuple[str, str]] = set()  # each folder's pair is compared once, not per copy
        for path, (first, second) in self.copies.items():
            if written.get(path) == self.pages[path].text:
                continue  # on disk already
            copied += 1
            if self.copying and (first, second) not in proven:
                if html(first).replace(address(first), address(second)) == html(second):
                    proven.add((first, second))
                else:
                    self.copying = False
                    log.info("dossier: problem pages differ by more than their address; each is rendered from now on")
            if not self.copying:
                unproven.add(path)
            target = Path(self._unchanged(config, path).abs_dest_path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html(first).replace(address(first), address(path)), encoding="utf-8")
        log.info(f"dossier: {copied} problem pages copied from those MkDocs rendered in their folders")
        return unproven

    def _set_aside_last_good(self, config: MkDocsConfig) -> None:
        """The error site is about to replace a valid build: move that build's files aside, to come
        back with a rename when the records are valid again (last_good.py)."""
        self.set_aside_next = False

        def destination(path: str) -> str:
            return self._unchanged(config, path).dest_uri

        moved = self.last_good.set_aside(config.site_dir, self.written, destination, self.search, self.sitemap.entries)
        self.written = {}  # none of it is in the site folder now
        log.info(f"dossier: {moved} files of the last valid build set aside until the records are valid again")

    def _unchanged(self, config: MkDocsConfig, path: str) -> UnchangedFile:
        """The stand-in for a generated file already on disk; kept, as it costs a little to make."""
        file = self.unchanged.get(path)
        if file is None or file.dest_dir != config.site_dir:
            file = self.unchanged[path] = UnchangedFile.of(config, path)
        file.page = None  # MkDocs sets it when the navigation names the page
        return file

    def on_post_build(self, config: MkDocsConfig) -> None:
        unproven = self._write_copies(config) if self.copies else set()
        # Runs after the search plugin (hooks follow plugins) has written its index.
        search_index = Path(config.site_dir) / "search" / "search_index.json"
        if self.dirty and search_index.is_file():
            self.search.update(search_index, self.index, self.built, self.order)
            _forget_previous_search_index(config)
        elif self.index is not None and search_index.is_file():
            compact_search_index(search_index, self.index)
        if self.dirty:
            self.sitemap.update(Path(config.site_dir), config.site_url, self.order)
            self.remove_stale(config)
            for path in self.pages.keys() - self.unchanged.keys():  # ready for the next save, not made during it
                _ = self._unchanged(config, path).url
        self.remember_written()
        if unproven:  # stand-ins for this build only: the next renders them, and is asked for now
            for path in unproven:
                self.written.pop(path, None)
            if self.watcher is not None:
                self.watcher.rebuild()

    # Fast preview: `mkdocs serve --dirty` rebuilds only the pages whose File says it was modified.

    def remember_written(self) -> None:
        """The build finished: every generated page on disk now has this text."""
        self.written = {path: page.text for path, page in self.pages.items()}
        self.on_disk = set(self.pages)

    def remove_stale(self, config: MkDocsConfig) -> None:
        """Delete what earlier builds wrote for pages the dossier no longer has (a deleted or renamed
        record's page): `--dirty` never cleans the site folder, and the server would go on serving them."""
        site = Path(config.site_dir)
        for path in self.on_disk - self.pages.keys():
            target = Path(File(path, None, config.site_dir, config.use_directory_urls).abs_dest_path)
            target.unlink(missing_ok=True)
            for folder in target.parents:  # the page's own folder (claims/<id>/), if now empty
                if not folder.exists():  # removed with an earlier stale file of the same folder
                    continue
                if folder == site or not folder.is_relative_to(site) or any(folder.iterdir()):
                    break
                folder.rmdir()

    def on_page_markdown(self, markdown: str, page: Any) -> str:
        """Keep the contributor guide out of the search index: it says how to write records, not what
        they found. (Set here, before the search plugin reads the page's meta in `on_page_context`.)"""
        if page.file.src_uri == CONTRIBUTING_PAGE:
            page.meta["search"] = {"exclude": True}
        return markdown

    def on_env(self, env: Environment) -> Environment:
        env.bytecode_cache = self.templates
        return env

    def on_build_error(self, error: Exception) -> None:
        """A build stopped part way: what is on disk is unknown, so the next build writes everything."""
        self.on_disk |= set(self.pages)
        self.written = {}
        self.last_good.discard()
        self.set_aside_next = False
        self.search = SearchEntries()
        self.sitemap = Sitemap()


def _nav_pages(nav: Any) -> set[str]:
    """Every page path the configured navigation names, as MkDocs reads them (`./a.md`, `/a.md`: `a.md`)."""
    if isinstance(nav, str):
        return {posixpath.normpath(nav).lstrip("/")} if nav.endswith(".md") else set()
    if isinstance(nav, dict):
        return set().union(*(_nav_pages(item) for item in nav.values()))
    if isinstance(nav, list):
        return set().union(*(_nav_pages(item) for item in nav))
    return set()


def _stop_on_sigterm() -> None:
    """Make SIGTERM (`kill`, a process manager, a test's `terminate()`) stop `mkdocs serve` as Ctrl-C
    does, so its clean-up runs: MkDocs deletes its temporary site folder and calls `on_shutdown`,
    which deletes the set-aside build. By default SIGTERM ends the process at once and leaves both
    in the temporary folder. Only from the main thread, and only if nothing else handles SIGTERM."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def _stamp(path: str | None) -> tuple[int, int] | None:
    try:
        status = os.stat(path) if path else None
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns) if status else None


def _page_url(file: File) -> str:
    """The page's URL as its `Page` gives it (and the search index and sitemap use): the home page's is ""."""
    return "" if file.url in (".", "./") else file.url


def _forget_previous_search_index(config: MkDocsConfig) -> None:
    """Material's search plugin, under `--dirty`, merges each build's entries into all earlier
    ones and writes the lot (23 MB at 10,000 claims). The hook keeps every page's entries itself
    (SearchEntries), so the plugin is left to write only the pages it built this time."""
    for plugin in config.plugins.values():
        if hasattr(plugin, "search_index_prev"):
            plugin.search_index_prev = None


class Sitemap:
    """The sitemap of every page, kept between dirty rebuilds.

    MkDocs renders `sitemap.xml` from the documentation pages of the build, which under `--dirty`
    are only the ones handed to it; each `<url>` entry it writes is kept here by location and
    written back in the order a full build lists the pages. A page not built again keeps the
    date of its last change.
    """

    _ENTRY = re.compile(r"\s*<url>.*?</url>", re.DOTALL)
    _LOC = re.compile(r"<loc>(.*?)</loc>", re.DOTALL)

    def __init__(self) -> None:
        self.entries: dict[str, str] = {}  # page URL (relative to the site) -> its entry

    def update(self, site_dir: Path, site_url: str | None, order: list[str]) -> None:
        path = site_dir / "sitemap.xml"
        if not path.is_file():
            return
        text = path.read_text(encoding="utf-8")
        found = list(self._ENTRY.finditer(text))
        base = (site_url or "").rstrip("/") + "/"  # a page's location is the site's URL joined with its own
        for match in found:
            loc = self._LOC.search(match.group(0))
            if loc is not None and html.unescape(loc.group(1)).startswith(base):
                self.entries[html.unescape(loc.group(1))[len(base) :]] = match.group(0)
        self.entries = {url: self.entries[url] for url in order if url in self.entries}
        if not found:
            return
        rebuilt = text[: found[0].start()] + "".join(self.entries.values()) + text[found[-1].end() :]
        if rebuilt == text:
            return
        path.write_text(rebuilt, encoding="utf-8")
        packed = site_dir / "sitemap.xml.gz"
        if packed.is_file():  # as MkDocs writes it, with the time it set
            mtime = int.from_bytes(packed.read_bytes()[4:8], "little")
            with (
                packed.open("wb") as out,
                gzip.GzipFile(fileobj=out, filename=str(packed), mode="wb", mtime=mtime) as gz,
            ):
                gz.write(rebuilt.encode("utf-8"))


class ClaimsWatcher:
    """The claims folder watched through inotify: a change asks the MkDocs server for a rebuild,
    as its own (polling) watcher would, without the half-second wait and the poll of every file.

    inotify follows the folder itself: should it be deleted or moved away (a checkout, say), the
    watcher asks for a rebuild, waits for a folder of that name to be there again, and watches it.
    """

    # Writing, creating, deleting or moving a file; not opening or reading one (the loader reads).
    CHANGES = frozenset({"created", "deleted", "modified", "moved", "closed"})

    def __init__(self, folder: str, server: Any) -> None:
        self.folder = folder
        self.server = server
        self.observer: Any = None
        self.stopped = threading.Event()

    @classmethod
    def start(cls, folder: str, server: Any) -> ClaimsWatcher | None:
        """Watch `folder` for `server`; None where inotify or the server's rebuild request is not there."""
        if getattr(server, "_rebuild_cond", None) is None or not hasattr(server, "_want_rebuild"):
            return None  # another MkDocs: leave the folder to its own watcher
        if not os.path.isdir(folder):
            return None
        try:
            import watchdog.observers.inotify  # noqa: F401
        except ImportError:  # not Linux
            return None
        watcher = cls(folder, server)
        return watcher if watcher._watch() else None

    def _watch(self) -> bool:
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers.inotify import InotifyObserver

        def changed(event: FileSystemEvent) -> None:
            if event.is_directory:
                if os.path.abspath(str(event.src_path)) == self.folder and event.event_type in ("deleted", "moved"):
                    self._rebuild()
                    threading.Thread(target=self._wait_for_folder, daemon=True).start()
                return
            if event.event_type in self.CHANGES:
                self._rebuild()

        handler = FileSystemEventHandler()
        handler.on_any_event = changed  # type: ignore[method-assign]
        observer = InotifyObserver()
        try:
            observer.schedule(handler, self.folder, recursive=True)
            observer.start()
        except OSError:  # out of inotify watches, or the folder went meanwhile
            return False
        self.observer = observer
        return True

    def rebuild(self) -> None:
        """Ask the server for another build, as a save would."""
        self._rebuild()

    def _rebuild(self) -> None:
        condition = self.server._rebuild_cond
        with condition:
            self.server._want_rebuild = True
            condition.notify_all()

    def _wait_for_folder(self) -> None:
        old, self.observer = self.observer, None
        if old is not None:
            old.stop()  # from its own thread: no join
        while not self.stopped.wait(0.5):
            if os.path.isdir(self.folder) and self._watch():
                self._rebuild()
                return

    def stop(self) -> None:
        self.stopped.set()
        if self.observer is not None:
            self.observer.stop()
            self.observer.join(timeout=5)


# `build_claims.py build` checks the records before it starts MkDocs in the same process; it
# hands the result over so that a build reads and links every file once, not twice.
_checked: tuple[str, Index] | None = None


def hand_over_checked(claims_dir: str, index: Index) -> None:
    """The index of a claims folder just checked without problems, for the next build's hook."""
    global _checked
    _checked = (os.path.abspath(claims_dir), index)


def _take_checked(claims_dir: str) -> tuple[Index, list[Problem]] | None:
    global _checked
    checked, _checked = _checked, None
    if checked is not None and checked[0] == os.path.abspath(claims_dir):
        return checked[1], []
    return None


class TemplateCache(BytecodeCache):
    """Compiled theme templates kept in memory across the rebuilds of one `mkdocs serve`.

    MkDocs reloads its configuration, and so a fresh Jinja environment, on every rebuild; without
    this each rebuild compiles Material's templates again. Keys carry the template's checksum.
    """

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


class GeneratedFile(File):
    """A generated page that, in a dirty build, counts as modified only if its text changed.

    MkDocs' `--dirty` skips pages whose `is_modified()` is false, but treats every file made
    from in-memory content as modified, so a preview rebuilt all pages for one saved claim.
    """

    changed = True

    def is_modified(self) -> bool:
        return self.changed or not os.path.isfile(self.abs_dest_path)


class UnchangedFile(File):
    """A generated file whose last build is on disk and whose text has not changed since.

    In a dirty rebuild MkDocs gets this in its place: links to it resolve as to the page itself
    (same destination, same URL), but it is neither a documentation page nor a file to copy, so
    MkDocs makes no page of it, reads, renders and writes nothing, and its per-page work (the
    navigation, the template, the search plugin) is spent only on what changed.
    """

    def __init__(self, path: str, site_dir: str, use_directory_urls: bool) -> None:
        # As File.__init__ would set it up, without its path normalisation: paths the dossier
        # generates are POSIX and normal already, and a preview makes thousands of these.
        self.src_uri = path
        self.src_dir = None
        self.dest_dir = site_dir
        self.use_directory_urls = use_directory_urls
        self.inclusion = InclusionLevel.INCLUDED
        self.generated_by = "dossier"
        self.is_page = utils.is_markdown_file(path)
        self.dest_uri = _page_destination(path, use_directory_urls) if self.is_page else path

    @classmethod
    def of(cls, config: MkDocsConfig, path: str) -> UnchangedFile:
        return cls(path, config.site_dir, config.use_directory_urls)

    def is_documentation_page(self) -> bool:
        return False

    def is_modified(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        return


def _page_destination(path: str, use_directory_urls: bool) -> str:
    """Where MkDocs writes a page (its File.dest_uri): `a/b.md` -> `a/b/index.html`, `a/index.md` -> `a/index.html`."""
    parent, filename = posixpath.split(path)
    stem = posixpath.splitext(filename)[0]
    name = "index" if stem == "README" else stem
    if not use_directory_urls or name == "index":
        return posixpath.join(parent, name + ".html")
    return posixpath.join(parent, name, "index.html")
