"""anwei-corpus: the machine-readable edition of 普安委〔2022〕6号 and its task list.

``load()`` reads the YAML corpus and ``load_release()`` a release folder; both return the same typed
:class:`~anwei_corpus.models.release.Corpus`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "1.0.0"
SCHEMA_VERSION = "1.0.0"

__all__ = ["SCHEMA_VERSION", "CorpusInvalid", "__version__", "load", "load_release"]

if TYPE_CHECKING:
    from .api import CorpusInvalid, load, load_release


def __getattr__(name: str) -> object:
    # The API pulls in every model; importing it on first use keeps `anwei validate` from paying for the release
    # models it never builds.
    if name in ("CorpusInvalid", "load", "load_release"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
