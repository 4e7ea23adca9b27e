"""Where the corpus is when no path is given: one default for every command and for ``anwei_corpus.load()``.

Kept apart from the loader so that the CLI can name the default in its help without importing the loader.
"""

from __future__ import annotations

import os
from pathlib import Path

CORPUS_VARIABLE = "ANWEI_CORPUS"  # names the corpus folder when no path is given
DEFAULT_CORPUS = "data"  # the corpus folder, relative to the working directory, when the variable is not set either


def default_corpus_path() -> Path:
    """The corpus folder every command and ``anwei_corpus.load()`` read without a path: $ANWEI_CORPUS, else ./data."""
    return Path(os.environ.get(CORPUS_VARIABLE) or DEFAULT_CORPUS)
