"""Shared fixtures: the real corpus, and throw-away copies of it to damage."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from anwei_corpus.atomic_folder import seal, write_folder

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
NOTICE = "notices/putuo-anwei-2022-6"
SEED_SOURCE = DATA / NOTICE / "source.txt"


class CorpusCopy:
    """A copy of the real corpus in a temporary folder, with methods to damage it."""

    def __init__(self, root: Path):
        self.root = root

    def file(self, relative: str) -> Path:
        return self.root / relative

    def replace(self, relative: str, old: str, new: str, count: int = 1) -> int:
        """Replace ``old`` by ``new`` (exactly ``count`` times) and return the 1-based line of the first change."""
        path = self.file(relative)
        text = path.read_text(encoding="utf-8")
        assert text.count(old) >= count, f"{old!r} not found {count} time(s) in {relative}"
        line = text[: text.index(old)].count("\n") + 1
        path.write_text(text.replace(old, new, count), encoding="utf-8")
        return line

    def print_source(self, old: str, new: str, count: int = 1) -> None:
        """Change the notice's source text as if the notice were printed so, and reseal its checksum."""
        self.replace(f"{NOTICE}/source.txt", old, new, count)
        digest = hashlib.sha256(self.file(f"{NOTICE}/source.txt").read_bytes()).hexdigest()
        meta = self.file(f"{NOTICE}/notice.yaml")
        text = meta.read_text(encoding="utf-8")
        start = text.index("sha256: ") + len("sha256: ")
        meta.write_text(text[:start] + digest + text[start + 64 :], encoding="utf-8")

    def line_of(self, relative: str, needle: str) -> int:
        text = self.file(relative).read_text(encoding="utf-8")
        assert needle in text, needle
        return text[: text.index(needle)].count("\n") + 1


@pytest.fixture(autouse=True, scope="session")
def private_result_cache(tmp_path_factory):
    """Runs of the tests, in process and in subprocesses, keep their result cache to themselves."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ANWEI_CACHE_DIR", str(tmp_path_factory.mktemp("result-cache")))
        yield


@pytest.fixture
def corpus_copy(tmp_path: Path) -> CorpusCopy:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return CorpusCopy(target)


@pytest.fixture(scope="session")
def misnumbered_data(tmp_path_factory) -> Path:
    """A corpus whose source misnumbers one entity of every kind (tests/misnumbered.py); do not change it."""
    from misnumbered import misnumber

    target = tmp_path_factory.mktemp("misnumbered") / "data"
    shutil.copytree(DATA, target)
    return misnumber(CorpusCopy(target)).root


def resealed(release: Path, tmp_path: Path, change) -> Path:
    """A copy of ``release`` whose JSON ``change`` edited, with a manifest and checksums that agree with it."""
    files = {path.name: path.read_bytes() for path in release.iterdir()}
    manifest = json.loads(files.pop("manifest.json"))
    del files["SHA256SUMS"], manifest["files"]
    data = json.loads(files["anwei-corpus.json"])
    edited = change(data)
    files["anwei-corpus.json"] = (
        edited if isinstance(edited, bytes) else json.dumps(data, ensure_ascii=False).encode("utf-8")
    )
    return write_folder(seal(files, manifest, manifest["generator"]), tmp_path / "tampered")
