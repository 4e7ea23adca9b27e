"""Writing a release: all of it or none of it, and nothing left lying around when a write fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from anwei_corpus import release

OLD = {"anwei-corpus.json": b'{"old": true}\n', "SHA256SUMS": b"old sums\n", "manifest.json": b"{}\n"}
NEW = {"anwei-corpus.json": b'{"new": true}\n', "SHA256SUMS": b"new sums\n", "manifest.json": b'{"n": 1}\n'}


def contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    target = tmp_path / "release"
    release.write_release(OLD, target)
    assert contents(target) == OLD
    return target


def assert_only_the_release_is_left(target: Path) -> None:
    assert [path.name for path in target.parent.iterdir()] == [target.name]


def test_a_release_replaces_the_previous_one(previous):
    release.write_release(NEW, previous)
    assert contents(previous) == NEW
    assert_only_the_release_is_left(previous)


def test_a_failed_file_write_leaves_the_previous_release_whole(previous, monkeypatch):
    real_open = open
    opened = []

    def failing_open(path, *args, **kwargs):
        opened.append(path)
        if len(opened) == 2:
            raise OSError(28, "No space left on device")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", failing_open)
    with pytest.raises(OSError, match="No space"):
        release.write_release(NEW, previous)
    monkeypatch.undo()
    assert contents(previous) == OLD
    assert_only_the_release_is_left(previous)


def test_a_failed_swap_puts_the_previous_release_back(previous, monkeypatch):
    real_replace = os.replace
    calls = []

    def failing_replace(source, destination):
        calls.append((source, destination))
        if len(calls) == 2:  # the first moves the old release aside, the second would put the new one in place
            raise OSError(5, "Input/output error")
        return real_replace(source, destination)

    monkeypatch.setattr(release.os, "replace", failing_replace)
    with pytest.raises(OSError, match="Input/output"):
        release.write_release(NEW, previous)
    monkeypatch.undo()
    assert contents(previous) == OLD
    assert_only_the_release_is_left(previous)


def test_an_interrupted_export_leaves_no_temporary_folders(previous, monkeypatch):
    real_fsync = os.fsync

    def interrupted_fsync(descriptor):
        real_fsync(descriptor)
        raise KeyboardInterrupt

    monkeypatch.setattr(release.os, "fsync", interrupted_fsync)
    with pytest.raises(KeyboardInterrupt):
        release.write_release(NEW, previous)
    monkeypatch.undo()
    assert contents(previous) == OLD
    assert_only_the_release_is_left(previous)


def test_a_first_release_that_fails_leaves_nothing(tmp_path, monkeypatch):
    def failing_replace(source, destination):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(release.os, "replace", failing_replace)
    with pytest.raises(OSError):
        release.write_release(NEW, tmp_path / "release")
    assert list(tmp_path.iterdir()) == []
