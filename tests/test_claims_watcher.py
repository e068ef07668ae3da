"""The preview watches the claims folder through inotify (dossier/publish/mkdocs_hook.py): a
written, created, deleted or renamed record asks for a rebuild at once, reading one does not,
and a folder deleted and made again is watched again."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest

from dossier.publish.mkdocs_hook import ClaimsWatcher


class Server:
    """What the watcher uses of MkDocs' LiveReloadServer."""

    def __init__(self) -> None:
        self._rebuild_cond = threading.Condition()
        self._want_rebuild = False

    def asked(self, timeout: float = 5) -> bool:
        with self._rebuild_cond:
            self._rebuild_cond.wait_for(lambda: self._want_rebuild, timeout=timeout)
            asked, self._want_rebuild = self._want_rebuild, False
            return asked


@pytest.fixture
def watched(tmp_path: Path) -> tuple[Path, Server, ClaimsWatcher]:
    folder = tmp_path / "claims"
    (folder / "sources").mkdir(parents=True)
    (folder / "a.yaml").write_text("id: a\n", encoding="utf-8")
    server = Server()
    watcher = ClaimsWatcher.start(str(folder), server)
    if watcher is None:
        pytest.skip("no inotify here: MkDocs polls the folder instead")
    yield folder, server, watcher
    watcher.stop()


def test_a_save_asks_for_a_rebuild_and_a_read_does_not(watched: tuple[Path, Server, ClaimsWatcher]) -> None:
    folder, server, _ = watched
    (folder / "a.yaml").read_text(encoding="utf-8")
    assert not server.asked(timeout=0.5)
    (folder / "a.yaml").write_text("id: a\nkind: x\n", encoding="utf-8")
    assert server.asked()
    (folder / "sources" / "s.yaml").write_text("id: s\n", encoding="utf-8")
    assert server.asked()
    (folder / "sources" / "s.yaml").rename(folder / "sources" / "t.yaml")
    assert server.asked()
    (folder / "sources" / "t.yaml").unlink()
    assert server.asked()


def test_a_folder_deleted_and_made_again_is_watched_again(watched: tuple[Path, Server, ClaimsWatcher]) -> None:
    folder, server, _ = watched
    shutil.rmtree(folder)
    assert server.asked()
    folder.mkdir()
    assert server.asked()  # it is there again: rebuild from what it holds
    time.sleep(0.2)
    (folder / "b.yaml").write_text("id: b\n", encoding="utf-8")
    assert server.asked()
