"""The result cache of ``anwei validate``: an unchanged corpus is answered with the report it had last time.

An entry is keyed by everything the report depends on: the content and name of every file under the corpus
folder, the package version and the stat of each of the package's own modules (so an edited checkout never reads
a report its old code wrote), and the options. It holds the report's text and the exit code, behind a checksum: an
entry that does not verify is ignored, never trusted. Entries are written atomically (a temporary file renamed
into place), so an interrupted run leaves no half-written entry. The folder is safe to delete at any time.

The folder is ``$ANWEI_CACHE_DIR`` when set, else the user's cache folder: ``$XDG_CACHE_HOME/anwei-corpus`` or
``~/.cache/anwei-corpus`` on Linux, ``~/Library/Caches/anwei-corpus`` on macOS, ``%LOCALAPPDATA%\\anwei-corpus\\Cache``
on Windows.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from . import __version__

NAME = "anwei-corpus"
FORMAT = b"anwei-corpus result cache 1\n"  # the layout of an entry; a new layout is a new line
PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path:
    """Where entries live (see the module's documentation); nothing is created until an entry is written."""
    chosen = os.environ.get("ANWEI_CACHE_DIR")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / NAME / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / NAME
    xdg = os.environ.get("XDG_CACHE_HOME")
    base_dir = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"  # XDG: relative is invalid
    return base_dir / NAME


def _add_tree(digest: hashlib._Hash, root: Path) -> None:
    """Every file under ``root``, in a fixed order: its relative name and content (symbolic links followed)."""
    for folder, subfolders, files in os.walk(root, followlinks=True):
        subfolders.sort()
        for name in sorted(files):
            path = Path(folder, name)
            digest.update(b"F" + os.fsencode(path.relative_to(root).as_posix()) + b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")


def _add_code(digest: hashlib._Hash) -> None:
    digest.update(f"version {__version__}\0".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.relative_to(PACKAGE).as_posix()} {stat.st_size} {stat.st_mtime_ns}\0".encode())


def key(corpus: Path, options: Iterable[str]) -> str | None:
    """The entry name for a run over ``corpus`` with ``options``; None when the corpus cannot be read whole."""
    digest = hashlib.sha256()
    _add_code(digest)
    for option in options:
        digest.update(b"O" + option.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(b"P" + os.fsencode(str(corpus)) + b"\0")
    try:
        if not corpus.is_dir():
            return None
        _add_tree(digest, corpus)
    except (OSError, ValueError):
        return None
    return digest.hexdigest()


def load(entry: str) -> tuple[int, str] | None:
    """The exit code and report stored under ``entry``; None when there is none or it does not verify."""
    try:
        data = (cache_dir() / entry).read_bytes()
    except OSError:
        return None
    header, _, rest = data.partition(b"\n")
    checksum, _, payload = rest.partition(b"\n")
    if header + b"\n" != FORMAT or hashlib.sha256(payload).hexdigest().encode() != checksum:
        return None
    code, _, report = payload.partition(b"\n")
    try:
        return int(code), report.decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None


def store(entry: str, exit_code: int, report: str) -> None:
    """Write an entry atomically; a cache that cannot be written is skipped (it only saves time)."""
    payload = f"{exit_code}\n".encode() + report.encode("utf-8")
    data = FORMAT + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, folder / entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return
