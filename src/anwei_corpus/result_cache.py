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
from collections.abc import Iterable
from stat import S_ISREG

from . import __version__

# Only os and hashlib on this path: a cache hit is worth having only if it starts faster than a run.
NAME = "anwei-corpus"
FORMAT = b"anwei-corpus result cache 1\n"  # the layout of an entry; a new layout is a new line
PACKAGE = os.path.dirname(os.path.abspath(__file__))
TEMPORARY_PREFIX = ".tmp-"


def cache_dir() -> str:
    """Where entries live (see the module's documentation); nothing is created until an entry is written."""
    chosen = os.environ.get("ANWEI_CACHE_DIR")
    if chosen:
        return chosen
    home = os.path.expanduser("~")
    if sys.platform == "win32":
        return os.path.join(os.environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local"), NAME, "Cache")
    if sys.platform == "darwin":
        return os.path.join(home, "Library", "Caches", NAME)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return os.path.join(xdg if os.path.isabs(xdg) else os.path.join(home, ".cache"), NAME)  # XDG: ignore relative


def _add_tree(digest: hashlib._Hash, root: str, *, content: bool) -> None:
    """Every file under ``root`` in a fixed order: its relative name, where it really lies (a symbolic link changes
    what the loader reports), its type, and its content (regular files only: a FIFO is never opened) or, without
    content, its size and mtime. Without content only the modules count, not the bytecode written beside them.
    """
    seen: set[str] = set()
    for folder, subfolders, files in os.walk(root, followlinks=True):
        real_folder = os.path.realpath(folder)
        if real_folder in seen:  # a link back up the tree: counted once, not walked forever
            subfolders.clear()
            digest.update(b"C" + os.fsencode(real_folder) + b"\0")
            continue
        seen.add(real_folder)
        subfolders.sort()
        digest.update(b"D" + os.fsencode(os.path.relpath(folder, root)) + b"\0" + os.fsencode(real_folder) + b"\0")
        for name in sorted(files):
            if not content and not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            stat = os.stat(path)
            digest.update(b"F" + os.fsencode(os.path.relpath(path, root)) + b"\0")
            digest.update(os.fsencode(os.path.realpath(path)) + f"\0{stat.st_mode}\0".encode())
            if not content:
                digest.update(f"{stat.st_size} {stat.st_mtime_ns}".encode())
            elif S_ISREG(stat.st_mode):
                with open(path, "rb") as stream:
                    while chunk := stream.read(1 << 20):
                        digest.update(chunk)
            digest.update(b"\0")


def key(corpus: str | os.PathLike[str], options: Iterable[str]) -> str | None:
    """The entry name for a run over ``corpus`` with ``options``; None when the corpus cannot be read whole."""
    digest = hashlib.sha256(f"version {__version__}\0".encode())
    for option in options:
        digest.update(b"O" + option.encode("utf-8", "surrogateescape") + b"\0")
    root = os.fspath(corpus)
    digest.update(b"P" + os.fsencode(root) + b"\0" + os.fsencode(os.path.realpath(root)) + b"\0")
    try:
        _add_tree(digest, PACKAGE, content=False)
        if not os.path.isdir(root):
            return None
        _add_tree(digest, root, content=True)
    except (OSError, ValueError):
        return None
    return digest.hexdigest()


def load(entry: str) -> tuple[int, str] | None:
    """The exit code and report stored under ``entry``; None when there is none or it does not verify."""
    try:
        with open(os.path.join(cache_dir(), entry), "rb") as stream:
            data = stream.read()
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
    temporary = os.path.join(folder, f"{TEMPORARY_PREFIX}{os.getpid()}-{entry}")
    try:
        os.makedirs(folder, exist_ok=True)
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, os.path.join(folder, entry))
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return
