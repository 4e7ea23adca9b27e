"""Every clean-reading text of a corpus, for the text-hygiene rules (their driver is rules/text_hygiene.py).

Clean readings are the Passage texts of the notice files, measure texts, the task cells, category titles and the
names and aliases of the registries. Notes, rationales and the ``printed`` forms of edits and spellings are not
clean readings: they quote the source or explain it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from .corpus import CorpusSource, SourceFile
from .diagnostics import YamlPath
from .models.common import Edit, Passage
from .models.source import iter_measures


class CleanText(NamedTuple):
    file: SourceFile[Any]
    path: YamlPath  # the YAML path of the text itself
    text: str
    edits: Sequence[Edit] = ()
    is_name: bool = False  # a registry's name or alias of a unit or a person

    def edit_path(self, index: int) -> YamlPath:
        """The YAML path of the text's ``index``-th edit (edits stand beside the text)."""
        return self.path[:-1] + ("edits", index)


def iter_clean_texts(corpus: CorpusSource) -> Iterator[CleanText]:
    if corpus.units.model is not None:
        for index, unit in enumerate(corpus.units.model.units):
            yield CleanText(corpus.units, ("units", index, "name"), unit.name, is_name=True)
            for a, alias in enumerate(unit.aliases):
                yield CleanText(corpus.units, ("units", index, "aliases", a), alias, is_name=True)
    if corpus.people.model is not None:
        for index, person in enumerate(corpus.people.model.people):
            yield CleanText(corpus.people, ("people", index, "name"), person.name, is_name=True)
    for notice in corpus.notices:
        for file in (notice.notice, notice.body, notice.attachment):
            for path, model in file.models:
                if isinstance(model, Passage):
                    yield CleanText(file, path + ("text",), model.text, model.edits)
        if notice.body.model is not None:
            for at in iter_measures(notice.body.model):
                yield CleanText(notice.body, at.path + ("text",), at.measure.text, at.measure.edits)
