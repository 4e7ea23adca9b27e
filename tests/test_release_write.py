"""Writing an output folder: only over what the project wrote, in one step, and whole even when interrupted."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from anwei_corpus import atomic_folder
from anwei_corpus.atomic_folder import FolderRefused, seal, write_folder

GENERATOR = "anwei-corpus 0.0.0"
OLD = seal({"anwei-corpus.json": b'{"old": true}\n', "pages/index.html": b"<p>old</p>\n"}, {}, GENERATOR)
NEW = seal({"anwei-corpus.json": b'{"new": true}\n', "units.jsonl": b"{}\n"}, {"kind": "test"}, GENERATOR)


def contents(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }


def checksums_hold(folder: Path) -> bool:
    """What ``sha256sum -c SHA256SUMS`` checks: every listed file is there with its hash, and nothing else is."""
    listed = dict(
        reversed(line.split("  ", 1)) for line in (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    )
    files = contents(folder)
    del files["SHA256SUMS"]
    return {name: hashlib.sha256(content).hexdigest() for name, content in files.items()} == listed


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    target = tmp_path / "release"
    write_folder(OLD, target)
    assert contents(target) == OLD
    return target


def assert_only_the_folder_is_left(target: Path) -> None:
    assert [path.name for path in target.parent.iterdir()] == [target.name]


def test_a_sealed_folder_replaces_the_previous_one(previous):
    write_folder(NEW, previous)
    assert contents(previous) == NEW
    assert checksums_hold(previous)
    assert_only_the_folder_is_left(previous)


def test_the_manifest_lists_every_file_with_its_size_and_hash():
    import json

    manifest = json.loads(NEW["manifest.json"])
    assert manifest == {
        "kind": "test",
        "generator": GENERATOR,
        "files": [
            {"name": name, "sha256": hashlib.sha256(NEW[name]).hexdigest(), "bytes": len(NEW[name])}
            for name in ("anwei-corpus.json", "units.jsonl")
        ],
    }


@pytest.mark.parametrize(
    ("intruder", "named"),
    [
        ("README-site.md", "README-site.md (not written by anwei-corpus)"),
        (".git/HEAD", ".git/ (not written by anwei-corpus)"),
        ("pages/notes.txt", "pages/notes.txt (not written by anwei-corpus)"),
        ("anwei-corpus.json", "anwei-corpus.json (changed since anwei-corpus wrote it)"),
    ],
)
def test_a_release_someone_added_to_or_edited_is_refused_untouched(previous, intruder, named):
    (previous / intruder).parent.mkdir(exist_ok=True)
    (previous / intruder).write_bytes(b"keep me\n")
    before = contents(previous)
    with pytest.raises(FolderRefused, match="in the way: .*" + named.replace("(", r"\(").replace(")", r"\)")):
        write_folder(NEW, previous)
    assert contents(previous) == before
    assert_only_the_folder_is_left(previous)


def test_a_foreign_manifest_is_refused(tmp_path):
    webapp = tmp_path / "webapp"
    (webapp / "src").mkdir(parents=True)
    (webapp / "manifest.json").write_text('{"name": "my-pwa"}', encoding="utf-8")
    (webapp / "src" / "app.js").write_text("x", encoding="utf-8")
    with pytest.raises(FolderRefused, match="manifest.json is missing or was not written by anwei-corpus"):
        write_folder(NEW, webapp)
    assert (webapp / "src" / "app.js").read_text(encoding="utf-8") == "x"


def test_a_link_as_target_is_refused(tmp_path, previous):
    link = tmp_path / "link"
    link.symlink_to(previous)
    with pytest.raises(FolderRefused, match="is a link"):
        write_folder(NEW, link)
    assert contents(previous) == OLD


@pytest.mark.parametrize("name", ["../escape", "/etc/passwd", "a//b", "./a", "a\\b", ""])
def test_paths_that_leave_the_folder_are_refused(tmp_path, name):
    with pytest.raises(ValueError, match="not a plain relative path"):
        write_folder(seal({name: b"x"}, {}, GENERATOR), tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_an_unsealed_folder_is_not_written(tmp_path):
    with pytest.raises(ValueError, match="must be sealed"):
        write_folder({"a.txt": b"x"}, tmp_path / "out")


def interrupting_on_call(real, number: int, error: BaseException, calls: list[int]):
    """``real``, except that its ``number``-th call raises ``error`` (counted across wrappers through ``calls``)."""

    def wrapper(*args, **kwargs):
        calls.append(1)
        if len(calls) == number:
            raise error
        return real(*args, **kwargs)

    return wrapper


# Every call of the write path that touches the disk, the swap and its cleanup included.
STEPS = [("os", "rename"), ("os", "fsync"), ("os", "unlink"), ("os", "rmdir"), ("os", "open")]


def interrupt_everywhere(previous: Path, monkeypatch, error: BaseException, exchange: bool) -> int:
    """Interrupt the write at its 1st, 2nd, … disk call until one runs through; check the target after each."""
    if not exchange:
        monkeypatch.setattr(atomic_folder, "_exchange", lambda first, second: False)
    number = 1
    while True:
        calls: list[int] = []
        with monkeypatch.context() as patch:
            for _module, name in STEPS:
                real = getattr(os, name)
                patch.setattr(atomic_folder.os, name, interrupting_on_call(real, number, error, calls))
            real_exchange = atomic_folder._exchange
            patch.setattr(atomic_folder, "_exchange", interrupting_on_call(real_exchange, number, error, calls))
            try:
                write_folder(NEW if number % 2 else OLD, previous)
                finished = True
            except type(error):
                finished = False
        assert contents(previous) in (OLD, NEW), f"interrupted at call {number}"
        assert checksums_hold(previous)
        if finished:
            break
        number += 1
    write_folder(NEW, previous)  # the next write clears what the interrupted ones left
    assert contents(previous) == NEW
    assert_only_the_folder_is_left(previous)
    return number


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
@pytest.mark.parametrize("error", [KeyboardInterrupt(), OSError(5, "Input/output error")], ids=["ctrl-c", "oserror"])
def test_an_interrupt_at_any_step_leaves_a_whole_release(previous, monkeypatch, error, exchange):
    assert interrupt_everywhere(previous, monkeypatch, error, exchange) >= 8  # writes, syncs, the swap and the cleanup


@pytest.mark.skipif(not os.sys.platform.startswith("linux"), reason="RENAME_EXCHANGE is Linux's")
def test_a_reader_always_finds_a_release(previous):
    seen_missing = []
    stop = threading.Event()

    def poll():
        while not stop.is_set():
            if not (previous / "manifest.json").is_file():
                seen_missing.append(1)

    reader = threading.Thread(target=poll)
    reader.start()
    try:
        for round_number in range(40):
            write_folder(NEW if round_number % 2 else OLD, previous)
    finally:
        stop.set()
        reader.join()
    assert seen_missing == []


def test_leftovers_of_a_killed_write_are_removed_and_a_lost_target_put_back(previous):
    parent = previous.parent
    half_written = parent / ".release.new-abc"
    half_written.mkdir()
    (half_written / "manifest.json").write_bytes(NEW["manifest.json"])
    (half_written / "units.jsonl").write_bytes(b"{")
    os.rename(previous, parent / ".release.old-abc")  # killed between the two renames of the fallback
    warnings: list[str] = []
    write_folder(NEW, previous, warn=warnings.append)
    assert contents(previous) == NEW
    assert_only_the_folder_is_left(previous)
    assert warnings == []


def test_a_leftover_that_is_not_ours_is_kept_and_reported(previous):
    foreign = previous.parent / ".release.new-mine"
    foreign.mkdir()
    (foreign / "thesis.md").write_text("keep me", encoding="utf-8")
    warnings: list[str] = []
    write_folder(NEW, previous, warn=warnings.append)
    assert (foreign / "thesis.md").read_text(encoding="utf-8") == "keep me"
    assert warnings == [f"left {foreign} alone: it looks like an interrupted write but was not written by anwei-corpus"]


def test_a_leftover_that_cannot_be_removed_is_reported(previous, monkeypatch):
    stuck = previous.parent / ".release.old-xyz"
    stuck.mkdir()

    real_remove = atomic_folder.remove_folder

    def refuse(path):
        if path == stuck:
            raise PermissionError(13, "Permission denied")
        real_remove(path)

    monkeypatch.setattr(atomic_folder, "remove_folder", refuse)
    warnings: list[str] = []
    write_folder(NEW, previous, warn=warnings.append)
    assert warnings == [f"could not remove {stuck}, left by an interrupted write: Permission denied"]


def test_a_first_write_that_fails_leaves_nothing(tmp_path, monkeypatch):
    def failing_rename(source, destination):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(atomic_folder.os, "rename", failing_rename)
    with pytest.raises(OSError):
        write_folder(NEW, tmp_path / "release")
    assert list(tmp_path.iterdir()) == []
