"""anwei-corpus: the machine-readable edition of 普安委〔2022〕6号 and its task list.

``load()`` reads the YAML corpus and ``load_release()`` a release folder; both return the same typed
:class:`~anwei_corpus.models.release.Corpus`.
"""

from __future__ import annotations

__version__ = "1.0.0"
SCHEMA_VERSION = "1.0.0"

from .api import CorpusInvalid, ReleaseUnreadable, load, load_release, validate  # noqa: E402
from .models.release import Corpus, NotFound  # noqa: E402

__all__ = [
    "SCHEMA_VERSION",
    "Corpus",
    "CorpusInvalid",
    "NotFound",
    "ReleaseUnreadable",
    "__version__",
    "load",
    "load_release",
    "validate",
]
