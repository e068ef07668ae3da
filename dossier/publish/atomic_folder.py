"""Replace a folder all at once: fill a fresh folder beside it, then swap it in with a rename.

A kill at any moment leaves the target as it was or complete, never half-written or missing:
on Linux the swap is one `renameat2(RENAME_EXCHANGE)`; elsewhere the old folder is renamed
aside first and put back by the next run if a kill fell between the two renames. A lock file
beside the target (`.NAME.lock`, held with flock) refuses a second writer while one is running.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import secrets
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

from dossier.problems import DossierError

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_NOT_SUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}


@contextlib.contextmanager
def replacing_folder(target: Path) -> Iterator[Path]:
    """Yield a new empty folder beside `target`; swap it in if the block succeeds, else delete it."""
    target = target.absolute()
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise DossierError(f"{target} is not a folder; give a folder to write into")
    target.parent.mkdir(parents=True, exist_ok=True)
    with _lock(target):
        _tidy_leftovers(target)
        staging = target.parent / f".{target.name}.new-{os.getpid()}-{secrets.token_hex(4)}"
        staging.mkdir()  # not mkdtemp: the published folder keeps the usual permissions (umask)
        try:
            yield staging
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _swap_in(staging, target)


@contextlib.contextmanager
def _lock(target: Path) -> Iterator[None]:
    lock_file = target.parent / f".{target.name}.lock"
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DossierError(
                f"another build is writing {target} (it holds {lock_file}); wait for it to finish, "
                "or write to another folder"
            ) from None
        yield
    finally:
        os.close(fd)  # also releases the lock; a killed process releases it too


def _tidy_leftovers(target: Path) -> None:
    """Remove what a killed run left beside the target; first put back an old folder set aside."""
    aside = sorted(target.parent.glob(f".{target.name}.old-*"))
    if aside and not target.exists():
        aside.pop().rename(target)
    for leftover in [*aside, *target.parent.glob(f".{target.name}.new-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def _swap_in(staging: Path, target: Path) -> None:
    if not target.exists():
        staging.rename(target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging)  # now holds the old folder
        return
    aside = target.parent / f".{target.name}.old-{os.getpid()}-{secrets.token_hex(4)}"
    target.rename(aside)
    staging.rename(target)
    shutil.rmtree(aside)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NOT_SUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(b))
