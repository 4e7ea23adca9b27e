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


def failing_on_call(real, number: int, error: Exception):
    """``real``, except that its ``number``-th call raises ``error``."""
    calls = []

    def wrapper(*args, **kwargs):
        calls.append(args)
        if len(calls) == number:
            raise error
        return real(*args, **kwargs)

    return wrapper


def assert_previous_release_survives(previous: Path, monkeypatch, match: str) -> None:
    with pytest.raises(OSError, match=match):
        release.write_release(NEW, previous)
    monkeypatch.undo()
    assert contents(previous) == OLD
    assert_only_the_release_is_left(previous)


def test_a_failed_file_write_leaves_the_previous_release_whole(previous, monkeypatch):
    monkeypatch.setattr("builtins.open", failing_on_call(open, 2, OSError(28, "No space left on device")))
    assert_previous_release_survives(previous, monkeypatch, "No space")


def test_a_failed_swap_puts_the_previous_release_back(previous, monkeypatch):
    # the first replace moves the old release aside, the second would put the new one in place
    monkeypatch.setattr(release.os, "replace", failing_on_call(os.replace, 2, OSError(5, "Input/output error")))
    assert_previous_release_survives(previous, monkeypatch, "Input/output")


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
