"""anwei-corpus: the machine-readable edition of 普安委〔2022〕6号 and its task list.

``load()`` reads the YAML corpus and ``load_release()`` a release folder; both return the same typed
:class:`~anwei_corpus.models.release.Corpus`.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported: the entry point's quick paths would pay for it

__version__ = "1.4.0"
SCHEMA_VERSION = "1.3.0"


def reads_schema(version: str) -> bool:
    """Whether data written for schema ``version`` can be read: it has this package's major schema version."""
    return version.split(".")[0] == SCHEMA_VERSION.split(".")[0]


__all__ = [
    "SCHEMA_VERSION",
    "Ambiguous",
    "Corpus",
    "CorpusInvalid",
    "CorpusUnreadable",
    "NotFound",
    "ReleaseUnreadable",
    "__version__",
    "leader_work",
    "load",
    "load_release",
    "open_corpus",
    "show",
    "show_id",
    "stats",
    "unit_work",
    "validate",
]

if TYPE_CHECKING:
    from .api import CorpusInvalid, ReleaseUnreadable, load, load_release, open_corpus, validate
    from .diagnostics import CorpusUnreadable
    from .models.release import Ambiguous, Corpus, NotFound
    from .queries import leader_work, show, show_id, stats, unit_work

_LAZY = {
    "CorpusInvalid": "api",
    "CorpusUnreadable": "diagnostics",
    "ReleaseUnreadable": "api",
    "load": "api",
    "load_release": "api",
    "validate": "api",
    "open_corpus": "api",
    "Ambiguous": "models.release",
    "leader_work": "queries",
    "show": "queries",
    "show_id": "queries",
    "stats": "queries",
    "unit_work": "queries",
    "Corpus": "models.release",
    "NotFound": "models.release",
}


def __getattr__(name: str) -> object:
    # The API pulls in every model; importing it on first use keeps `anwei validate` from paying for the release
    # models it never builds.
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
