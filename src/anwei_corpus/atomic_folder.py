"""Write a whole output folder (a release, a site, a set of tables) safely: the one write path of every exporter.

The rules, the same for every folder the project writes:

- **Only what is ours is replaced.** The target must be missing, an empty folder, or a folder this project sealed:
  its ``manifest.json`` names an ``anwei-corpus`` generator and lists every file beside it (with size and
  SHA-256), and the folder holds nothing else but ``SHA256SUMS``. Anything else — a file, a link, a stray or
  edited file, a foreign manifest — is refused with :class:`FolderRefused`, naming what is in the way.
- **The swap is one step.** The new folder is written beside the target (``.NAME.new-*``), flushed to disk, and
  exchanged with the old one by a single ``renameat2(RENAME_EXCHANGE)`` on Linux, so a reader sees the old folder
  or the new one, never none and never a mix. Where the exchange is not available (another system, or a file
  system without it) two renames are used, the old folder first moved to ``.NAME.old-*``: for that moment the
  target is missing, and any failure puts the old folder back.
- **Leftovers are cleared.** ``.NAME.new-*`` and ``.NAME.old-*`` folders that an interrupted earlier write left are
  removed at the start of the next write, when they are sealed (or partly written) by this project; an old folder
  left while the target is missing is put back first. What cannot be removed is reported through ``warn``.
"""

from __future__ import annotations

import errno
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePosixPath

from .release_layout import MANIFEST_FILE, SUMS_FILE, sha256, to_json

GENERATOR_NAME = "anwei-corpus"
_SEALS = (MANIFEST_FILE, SUMS_FILE)
_SHOWN = 5  # how many obstacles a refusal names


class FolderRefused(ValueError):
    """The target holds something this project did not write, so it must not be replaced."""


def seal(files: Mapping[str, bytes], header: Mapping[str, object], generator: str) -> dict[str, bytes]:
    """``files`` plus the ``manifest.json`` and ``SHA256SUMS`` that mark the folder as written by this project.

    The manifest is ``header`` (in its order; ``generator``, e.g. ``"anwei-corpus 1.0.0"``, is added when absent)
    followed by ``files``: every file's relative path, SHA-256 and size, sorted by path. ``SHA256SUMS`` lists every
    file, the manifest included, in the format ``sha256sum -c`` reads.
    """
    if not generator.startswith(f"{GENERATOR_NAME} "):
        raise ValueError(f"a generator must start with {GENERATOR_NAME!r}: {generator!r}")
    manifest = dict(header)
    manifest.setdefault("generator", generator)
    manifest["files"] = [
        {"name": name, "sha256": sha256(content), "bytes": len(content)} for name, content in sorted(files.items())
    ]
    sealed = {**files, MANIFEST_FILE: to_json(manifest)}
    sealed[SUMS_FILE] = "".join(f"{sha256(content)}  {name}\n" for name, content in sorted(sealed.items())).encode()
    return sealed


def check_relative_path(name: str) -> PurePosixPath:
    """``name`` as a relative path that stays inside its folder; ValueError for anything else."""
    path = PurePosixPath(name)
    if (
        not name
        or "\\" in name
        or "\0" in name
        or path.is_absolute()
        or any(p in ("", ".", "..") for p in name.split("/"))
    ):
        raise ValueError(f"not a plain relative path inside the folder: {name!r}")
    return path


def _listed_files(folder: Path) -> dict[str, tuple[str, int]] | None:
    """The files a sealed folder's manifest lists (name -> (sha256, bytes)), or None when it is not one of ours."""
    manifest = folder / MANIFEST_FILE
    try:
        if not manifest.is_file() or manifest.is_symlink() or manifest.stat().st_size > 16 * 2**20:
            return None
        data = json.loads(manifest.read_bytes())
        generator = data["generator"]
        if not isinstance(generator, str) or not generator.startswith(f"{GENERATOR_NAME} "):
            return None
        listed = {entry["name"]: (entry["sha256"], entry["bytes"]) for entry in data["files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not all(isinstance(name, str) and isinstance(size, int) for name, (_, size) in listed.items()):
        return None
    return listed


def _entries(folder: Path) -> Iterable[tuple[str, Path]]:
    """Every entry under ``folder`` (files, links, folders), as relative POSIX path and path, links not followed."""
    for top, folders, names in os.walk(folder):
        for name in sorted(folders + names):
            path = Path(top, name)
            yield path.relative_to(folder).as_posix(), path


def obstacles(folder: Path) -> list[str]:
    """What stops ``folder`` being replaced: empty when it is empty or sealed by this project and untouched."""
    if not any(folder.iterdir()):
        return []
    listed = _listed_files(folder)
    if listed is None:
        return [f"{MANIFEST_FILE} is missing or was not written by {GENERATOR_NAME}"]
    parents = {str(parent) for name in listed for parent in PurePosixPath(name).parents if str(parent) != "."}
    found: list[str] = []
    for name, path in _entries(folder):
        if path.is_symlink():
            found.append(f"{name} (a link)")
        elif path.is_dir():
            if name not in parents:
                found.append(f"{name}/ (not written by {GENERATOR_NAME})")
        elif name in _SEALS:
            continue
        elif name not in listed:
            found.append(f"{name} (not written by {GENERATOR_NAME})")
        elif not path.is_file():
            found.append(f"{name} (not a regular file)")
        else:
            expected_hash, expected_size = listed[name]
            if path.stat().st_size != expected_size or sha256(path.read_bytes()) != expected_hash:
                found.append(f"{name} (changed since {GENERATOR_NAME} wrote it)")
    return found


def check_target(target: str | os.PathLike[str], protect: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Refuse a target this project may not replace: a file, a link, a folder it did not write, a protected folder.

    ``protect`` names folders (a corpus, say) that the target must not be, hold or lie inside. Raises FolderRefused
    with a message naming what is in the way.
    """
    target = Path(target)
    for folder in protect:
        root, resolved = Path(folder).resolve(), target.resolve()
        if resolved == root or root in resolved.parents or resolved in root.parents:
            raise FolderRefused(f"{target} is, holds or lies inside {folder}; choose another folder")
    if target.is_symlink():
        raise FolderRefused(f"{target} is a link; choose a new folder or one written by {GENERATOR_NAME}")
    if not target.exists():
        return
    if not target.is_dir():
        raise FolderRefused(
            f"{target} exists and is not a folder; choose a new folder or one written by {GENERATOR_NAME}"
        )
    found = obstacles(target)
    if found:
        more = f" and {len(found) - _SHOWN} more" if len(found) > _SHOWN else ""
        raise FolderRefused(
            f"{target} is not a folder {GENERATOR_NAME} wrote, so it is not replaced; in the way: "
            + ", ".join(found[:_SHOWN])
            + more
        )


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2`` with RENAME_EXCHANGE); False when this system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except AttributeError:  # a C library older than glibc 2.28
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # the kernel or the file system lacks the exchange
        return False
    raise OSError(code, os.strerror(code), str(second))


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _is_ours_or_partial(folder: Path) -> bool:
    """Whether a leftover folder was written by this project: sealed, or partly written with its manifest first."""
    if not folder.is_dir() or folder.is_symlink():
        return False
    if not any(folder.iterdir()):
        return True
    listed = _listed_files(folder)
    if listed is None:
        return False
    allowed = set(listed) | set(_SEALS)
    allowed |= {str(p) for name in listed for p in PurePosixPath(name).parents if str(p) != "."}
    return all(not path.is_symlink() and name in allowed for name, path in _entries(folder))


def clear_leftovers(target: Path, warn: Callable[[str], None]) -> None:
    """Remove what interrupted writes to ``target`` left beside it; restore an old folder if the target is missing."""
    if not target.parent.is_dir():
        return
    leftovers = sorted(
        path
        for path in target.parent.iterdir()
        if path.name.startswith((f".{target.name}.new-", f".{target.name}.old-"))
    )
    for path in leftovers:
        if not _is_ours_or_partial(path):
            warn(f"left {path} alone: it looks like an interrupted write but was not written by {GENERATOR_NAME}")
            continue
        try:
            if not target.exists() and not target.is_symlink() and not obstacles(path) and any(path.iterdir()):
                os.rename(path, target)  # the target went missing between two renames: put the folder back
                continue
            remove_folder(path)
        except OSError as exc:
            warn(f"could not remove {path}, left by an interrupted write: {exc.strerror or exc}")


def remove_folder(folder: Path) -> None:
    """Remove a folder this project wrote, its manifest last, so that an interrupted removal stays recognisable."""
    for top, folders, names in os.walk(folder, topdown=False):
        for name in names:
            if not (Path(top) == folder and name == MANIFEST_FILE):
                os.unlink(Path(top, name))
        for name in folders:
            path = Path(top, name)
            if path.is_symlink():
                os.unlink(path)
            else:
                os.rmdir(path)
    if (folder / MANIFEST_FILE).exists():
        os.unlink(folder / MANIFEST_FILE)
    os.rmdir(folder)


def _write_files(folder: Path, files: Mapping[str, bytes]) -> None:
    # The manifest goes first, so that a folder left half-written is still recognisable as ours.
    for name in sorted(files, key=lambda name: name != MANIFEST_FILE):
        path = folder / check_relative_path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(files[name])
            handle.flush()
            os.fsync(handle.fileno())


def write_folder(
    files: Mapping[str, bytes],
    target: str | os.PathLike[str],
    *,
    protect: Iterable[str | os.PathLike[str]] = (),
    warn: Callable[[str], None] = lambda message: None,
) -> Path:
    """Write ``files`` (relative POSIX path -> bytes, sealed with :func:`seal`) as the folder ``target``, atomically.

    ``target`` must be missing, empty or a folder this project sealed (see :func:`check_target`; ``protect`` as
    there), else FolderRefused is raised and nothing is touched. The new folder replaces the old one in one step on
    Linux (two renames elsewhere, restored on failure); on any exception or interrupt before the swap the old folder
    stays as it was and the new one is removed. Leftovers of earlier interrupted writes are removed first; ``warn``
    is told of any that cannot be. Returns the target path.
    """
    target = Path(target)
    if MANIFEST_FILE not in files or SUMS_FILE not in files:
        raise ValueError(f"a folder to write must be sealed: it needs {MANIFEST_FILE} and {SUMS_FILE} (see seal)")
    for name in files:
        check_relative_path(name)
    check_target(target, protect)
    target.parent.mkdir(parents=True, exist_ok=True)
    clear_leftovers(target, warn)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        staging.chmod(0o755)  # mkdtemp makes it private; what the project writes is for everyone to read
        _write_files(staging, files)
        _sync_folder(staging)
        check_target(target, protect)  # again: the target may have changed while the files were written
        if not target.exists():
            os.rename(staging, target)
        elif not _exchange(staging, target):
            _swap_by_two_renames(staging, target)
        _sync_folder(target.parent)
    finally:
        # Before the swap this is the half-written new folder, after it the old one: either way it goes.
        if staging.exists():
            try:
                remove_folder(staging)
            except OSError as exc:  # the next write tries again
                warn(f"could not remove {staging}: {exc.strerror or exc}")
    return target


def _swap_by_two_renames(staging: Path, target: Path) -> None:
    backup = target.parent / f".{target.name}.old-{staging.name.rsplit('-', 1)[-1]}"
    os.rename(target, backup)
    try:
        os.rename(staging, target)
    except BaseException:
        os.rename(backup, target)
        raise
    os.rename(backup, staging)  # removed with the staging folder
