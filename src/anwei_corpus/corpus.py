"""Load a corpus folder: every YAML file parsed with positions and validated into its source model.

Layout of a corpus folder::

    corpus.yaml                  versions and the list of notices
    registry/units.yaml          units shared by all notices
    registry/people.yaml         people shared by all notices
    notices/<id>/notice.yaml     document elements
    notices/<id>/body.yaml       the 工作意见: parts, sections, measures
    notices/<id>/attachment.yaml the task table
    notices/<id>/source.txt      the source text, byte for byte
"""

from __future__ import annotations

import difflib
import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from . import SCHEMA_VERSION, codes, reads_schema, slow_path
from .diagnostics import CorpusUnreadable, Diagnostic, Location, Severity, YamlPath
from .layout import (
    ATTACHMENT_YAML,
    BODY_YAML,
    CORPUS_VARIABLE,
    DEFAULT_CORPUS,
    MANIFEST,
    NOTICE_YAML,
    PEOPLE,
    UNITS,
    default_corpus_path,
    display_name,
)
from .loader import YamlDocument, YamlLoadError, load_yaml, read_bytes
from .models.common import walk_models
from .models.source import (
    OPTIONAL_ELEMENTS,
    AttachmentFile,
    BodyFile,
    CorpusFile,
    NoticeFile,
    PeopleFile,
    UnitsFile,
)
from .schema_errors import describe_load_error, describe_validation_error

ModelT = TypeVar("ModelT", bound=BaseModel)

# The files of a corpus folder, each with the name of its schema under schema/source/.
SOURCE_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    MANIFEST: ("corpus", CorpusFile),
    UNITS: ("units", UnitsFile),
    PEOPLE: ("people", PeopleFile),
    NOTICE_YAML: ("notice", NoticeFile),
    BODY_YAML: ("body", BodyFile),
    ATTACHMENT_YAML: ("attachment", AttachmentFile),
}
SCHEMA_NAMES = {file: name for file, (name, _) in SOURCE_FILES.items()}


def yaml_layout(notice_folders: list[str]) -> dict[str, str]:
    """Every YAML file of a corpus holding these notices (path relative to the corpus folder) → its schema name."""
    layout = {name: SCHEMA_NAMES[name] for name in (MANIFEST, UNITS, PEOPLE)}
    for folder in notice_folders:
        for name in (NOTICE_YAML, BODY_YAML, ATTACHMENT_YAML):
            layout[f"notices/{folder}/{name}"] = SCHEMA_NAMES[name]
    return layout


@dataclass
class SourceFile(Generic[ModelT]):
    """One YAML file: where it is, its parsed document and its validated model (None when either failed)."""

    name: str
    document: YamlDocument | None = None
    model: ModelT | None = None

    def locate(self, path: YamlPath = (), key: bool = False) -> Location:
        if self.document is None:
            return Location(self.name, tuple(path))
        return self.document.locate(path, key)

    @cached_property
    def models(self) -> list[tuple[YamlPath, BaseModel]]:
        """Every model inside the file's model, with its YAML path (walked once, for all the rules that ask)."""
        return list(walk_models(self.model))


@dataclass
class NoticeSource:
    """The files of one notice folder."""

    folder: str
    notice: SourceFile[NoticeFile]
    body: SourceFile[BodyFile]
    attachment: SourceFile[AttachmentFile]
    source_name: str
    source_bytes: bytes | None = None
    has_attachment: bool = True  # False for a notice whose notice.yaml records 附件说明 as absent, without the file

    @cached_property
    def source_text(self) -> str | None:
        if self.source_bytes is None:
            return None
        return self.source_bytes.decode("utf-8", "replace")

    @property
    def complete(self) -> bool:
        attachment_read = self.attachment.model is not None or not self.has_attachment
        return None not in (self.notice.model, self.body.model) and attachment_read


@dataclass
class CorpusSource:
    """Everything read from a corpus folder, with what went wrong while reading it."""

    root: Path
    manifest: SourceFile[CorpusFile]
    units: SourceFile[UnitsFile]
    people: SourceFile[PeopleFile]
    notices: list[NoticeSource] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def yaml_files(self) -> list[SourceFile[Any]]:
        files: list[SourceFile[Any]] = [self.manifest, self.units, self.people]
        for notice in self.notices:
            files += [notice.notice, notice.body, notice.attachment]
        return files


# The whole corpus, every file counted: some 2,000 notices of real size (125 KiB each). Each file is capped too
# (MAX_FILE_BYTES), but many files at that cap would cost minutes and gigabytes; past this budget no further file
# is read.
MAX_CORPUS_BYTES = 256 * 2**20
_BYTES_LEFT: ContextVar[list[int]] = ContextVar("bytes_left")


def _read_inside(path: Path, root: Path, name: str, missing_hint: str | None = None) -> bytes:
    """The bytes of a corpus file, refused if it resolves (through a symbolic link) to a place outside the corpus."""
    try:
        resolved, real_root = path.resolve(), root.resolve()
        inside = _inside(resolved, real_root)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symbolic link loop, before Python 3.13
        raise YamlLoadError(
            Diagnostic(codes.UNREADABLE, Severity.ERROR, f"cannot resolve the path: {exc}", Location(name))
        ) from None
    if not inside:
        raise YamlLoadError(
            Diagnostic(
                codes.SYMLINK_OUTSIDE,
                Severity.ERROR,
                "file lies outside the corpus, reached through a symbolic link",
                Location(name),
                hint="copy the file into the corpus folder instead of linking to it",
            )
        )

    def opened_inside(descriptor: int) -> None:
        # The path was checked above; a link swapped in since then must not take the read outside the corpus.
        opened = os.fstat(descriptor)
        try:
            real = Path(os.readlink(f"/proc/self/fd/{descriptor}"))  # Linux: the file the descriptor holds
            same = _inside(real, real_root)
        except OSError:  # elsewhere: the descriptor must be the file the checked path resolves to
            checked = os.stat(resolved)
            same = (checked.st_dev, checked.st_ino) == (opened.st_dev, opened.st_ino)
        if not same:
            raise YamlLoadError(
                Diagnostic(
                    codes.SYMLINK_OUTSIDE,
                    Severity.ERROR,
                    "file changed into a link outside the corpus while it was read",
                    Location(name),
                    hint="copy the file into the corpus folder instead of linking to it",
                )
            )

    content = read_bytes(resolved, name, missing_hint, verify=opened_inside)
    left = _BYTES_LEFT.get(None)
    if left is not None:
        left[0] -= len(content)
        if left[0] < 0:
            raise YamlLoadError(
                Diagnostic(
                    codes.FILE_TOO_LARGE,
                    Severity.ERROR,
                    f"the corpus is larger than its limit of {MAX_CORPUS_BYTES} bytes in all; this file is not read",
                    Location(name),
                    hint="split the corpus, or shrink the largest files",
                )
            )
    return content


def _load_file(path: Path, model: type[ModelT], diagnostics: list[Diagnostic], root: Path) -> SourceFile[ModelT]:
    source: SourceFile[ModelT] = SourceFile(display_name(path))
    try:
        hint = _missing_file_hint(path, root)
        source.document = load_yaml(_read_inside(path, root, source.name, hint), source.name)
    except YamlLoadError as exc:
        diagnostics.append(describe_load_error(exc, model))
        return source
    try:
        source.model = model.model_validate(source.document.data)
    except ValidationError as exc:
        diagnostics.extend(describe_validation_error(exc, source.document, model))
    return source


def _without_attachment(notice: SourceFile[NoticeFile], attachment: Path) -> bool:
    """Whether a notice carries no attachment: its notice.yaml gives no 附件说明, and there is no attachment.yaml."""
    given = notice.model is None or notice.model.attachment_note is not None
    return not given and not (attachment.exists() or attachment.is_symlink())


def _attachment_listed_absent(notice: SourceFile[NoticeFile], attachment: str) -> Diagnostic:
    """notice.yaml records 附件说明 as absent, yet the folder holds an attachment.yaml."""
    assert notice.model is not None
    element = OPTIONAL_ELEMENTS["attachment_note"]
    index = next(i for i, absent in enumerate(notice.model.absent) if absent.element == element)
    return Diagnostic(
        codes.SCHEMA,
        Severity.ERROR,
        f"absent lists {element}, but the notice folder holds {attachment}",
        notice.locate(("absent", index)),
        hint=f"give attachment_note as printed and remove {element} from absent, or remove {attachment}",
    )


def _missing_file_hint(path: Path, root: Path) -> str:
    if path.name == ATTACHMENT_YAML:
        return (
            f"notice {path.parent.name!r} gives an 附件说明, so it needs {path.name} with the attachment "
            "(write it by hand: its keys are in schema/source/attachment.schema.json, and `anwei new` scaffolds "
            "one only with a new notice); a notice without an attachment leaves attachment_note out "
            "and lists {element: 附件说明} under absent in notice.yaml"
        )
    if path.parent.parent == root / "notices":
        return (
            f"notice {path.parent.name!r} needs {path.name}; create it with the keys its schema requires "
            "('anwei new' scaffolds a whole notice folder)"
        )
    return f"every corpus needs {path.name}; see the data layout in README.md"


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _schema_version_refusal(manifest: SourceFile[CorpusFile]) -> Diagnostic | None:
    assert manifest.model is not None
    if reads_schema(manifest.model.schema_version):
        return None
    return Diagnostic(
        codes.SCHEMA_VERSION,
        Severity.ERROR,
        f"corpus is written for schema {manifest.model.schema_version}; this anwei reads schema {SCHEMA_VERSION} "
        f"(major version {SCHEMA_VERSION.split('.')[0]})",
        manifest.locate(("schema_version",)),
        hint="use the anwei release made for that schema version, or migrate the data",
    )


@contextmanager
def reading(budget: int | None = None) -> Iterator[list[int]]:
    """While a corpus is read: the garbage collector off, a budget of bytes (``MAX_CORPUS_BYTES`` by default) that
    every file read draws from, and the budget of the pure-Python parser (slow_path.py). Yields the byte budget, a
    one-item list holding the bytes left."""
    collecting = gc.isenabled()
    gc.disable()  # a load makes many objects and no garbage cycles; collecting during it is pure cost
    left = [MAX_CORPUS_BYTES if budget is None else budget]
    token = _BYTES_LEFT.set(left)
    try:
        with slow_path.budget():
            yield left
    finally:
        _BYTES_LEFT.reset(token)
        if collecting:
            gc.enable()


def load_source(path: str | os.PathLike[str] | None = None) -> CorpusSource:
    """Read a corpus folder (by default ``default_corpus_path()``).

    Raises CorpusUnreadable when there is no corpus to read at all.
    """
    with reading():
        corpus, folders = read_head(default_corpus_path() if path is None else Path(path))
        if folders is not None:
            for index in range(len(listed_notices(corpus))):
                corpus.notices.append(read_notice(corpus, index, folders))
            corpus.diagnostics.extend(unlisted_notice_folders(corpus, folders))
    return corpus


def listed_notices(corpus: CorpusSource) -> list[str]:
    """The notice folders the manifest lists (none when it did not load)."""
    return corpus.manifest.model.notices if corpus.manifest.model is not None else []


def read_head(root: Path) -> tuple[CorpusSource, list[str] | None]:
    """The manifest and the registries, and the folders under notices/; None for the folders when the notices are
    not to be read (a manifest that failed, or one written for another schema).

    Raises CorpusUnreadable when the folder or its manifest cannot be read.
    """
    _require_folder(root)
    diagnostics: list[Diagnostic] = []
    manifest = _load_file(root / MANIFEST, CorpusFile, diagnostics, root)
    if manifest.document is None and diagnostics[-1].code == codes.UNREADABLE:
        raise CorpusUnreadable(diagnostics[-1])
    corpus = CorpusSource(
        root=root,
        manifest=manifest,
        units=_load_file(root / UNITS, UnitsFile, diagnostics, root),
        people=_load_file(root / PEOPLE, PeopleFile, diagnostics, root),
        diagnostics=diagnostics,
    )
    if manifest.model is None:
        return corpus, None
    refusal = _schema_version_refusal(manifest)
    if refusal is not None:
        diagnostics.append(refusal)
        return corpus, None
    return corpus, _notice_folders(root)


def _require_folder(root: Path) -> None:
    if root.is_dir():
        return
    what = "does not exist" if not root.exists() else "is not a folder"
    shown = display_name(root)
    hint = (
        f"pass the corpus folder as the path, or set {CORPUS_VARIABLE} to it "
        f"(without either, the corpus is ./{DEFAULT_CORPUS} in the working directory)"
    )
    raise CorpusUnreadable(
        Diagnostic(codes.UNREADABLE, Severity.ERROR, f"corpus folder {shown} {what}", Location(shown), hint)
    )


def read_notice(corpus: CorpusSource, index: int, folders: list[str]) -> NoticeSource:
    """The files of the manifest's ``index``-th notice, what went wrong added to ``corpus.diagnostics``."""
    root, manifest, diagnostics = corpus.root, corpus.manifest, corpus.diagnostics
    folder_name = listed_notices(corpus)[index]
    folder = root / "notices" / folder_name
    if folder_name not in folders:
        # One finding at the list entry rather than one per file; the notice stays, unread, so that the rules
        # know a notice is missing (its units and people would otherwise look unused).
        diagnostics.append(_missing_notice_folder(manifest, index, folder_name, folders))
        return NoticeSource(
            folder_name,
            SourceFile(display_name(folder / NOTICE_YAML)),
            SourceFile(display_name(folder / BODY_YAML)),
            SourceFile(display_name(folder / ATTACHMENT_YAML)),
            source_name="",
        )
    notice_file = _load_file(folder / NOTICE_YAML, NoticeFile, diagnostics, root)
    body_file = _load_file(folder / BODY_YAML, BodyFile, diagnostics, root)
    without = _without_attachment(notice_file, folder / ATTACHMENT_YAML)
    notice = NoticeSource(
        folder=folder_name,
        notice=notice_file,
        body=body_file,
        attachment=SourceFile(display_name(folder / ATTACHMENT_YAML))
        if without
        else _load_file(folder / ATTACHMENT_YAML, AttachmentFile, diagnostics, root),
        source_name="",
        has_attachment=not without,
    )
    if not without and notice_file.model is not None and notice_file.model.attachment_note is None:
        diagnostics.append(_attachment_listed_absent(notice_file, notice.attachment.name))
    if notice.notice.model is not None:
        source_path = folder / notice.notice.model.source.file
        notice.source_name = display_name(source_path)
        try:
            notice.source_bytes = _read_inside(source_path, root, notice.source_name)
        except YamlLoadError as exc:
            diagnostics.append(exc.diagnostic)
    return notice


def _notice_folders(root: Path) -> list[str]:
    """The folders under notices/, hidden ones aside."""
    try:
        return sorted(entry.name for entry in (root / "notices").iterdir() if entry.is_dir() and entry.name[0] != ".")
    except OSError:
        return []


def _missing_notice_folder(manifest: SourceFile[CorpusFile], index: int, name: str, folders: list[str]) -> Diagnostic:
    message = f"notice {name!r} has no folder notices/{name}"
    close = difflib.get_close_matches(name, folders, n=1)
    if close:
        message += f" — did you mean {close[0]!r}?"
    return Diagnostic(
        codes.UNREADABLE,
        Severity.ERROR,
        message,
        manifest.locate(("notices", index)),
        hint="correct the name in corpus.yaml, or create the folder with the notice's files",
    )


def unlisted_notice_folders(corpus: CorpusSource, folders: list[str]) -> list[Diagnostic]:
    """A finding for each folder under notices/ that corpus.yaml does not list: it stays out of the release. One
    that a listed name misspells is already reported with that name."""
    manifest = corpus.manifest
    assert manifest.model is not None
    listed = manifest.model.notices
    missing = [name for name in listed if name not in folders]
    return [
        Diagnostic(
            codes.UNREADABLE,
            Severity.ERROR,
            f"folder notices/{folder} is not listed in corpus.yaml, so it stays out of the release",
            manifest.locate(("notices",), key=True),
            hint=f"add '{folder}' to the notices of corpus.yaml, or remove the folder",
        )
        for folder in folders
        if folder not in listed and not difflib.get_close_matches(folder, missing, n=1)
    ]
