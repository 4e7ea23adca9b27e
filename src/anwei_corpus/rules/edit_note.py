"""An editorial record that is not certain says why: a ``doubt`` edit, or any edit below ``certain``, has a note.

``certainty: high``, ``medium`` or ``low`` means the reading is a judgement; a ``doubt`` edit keeps a printed
form that looks wrong. Without a note a later reader cannot weigh the judgement or settle the doubt. Example of a
finding: ``edit of kind 'typo' with certainty 'medium' has no note``. Add a ``note`` saying what the source
shows and what was decided, e.g. ``note: 同条前文作大货车“右转必停”，此处“在”当为“右”之误。``
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity

CODE = "AW705"
NAME = "edit-note"
SEVERITY = Severity.ERROR
SUMMARY = "Every doubt edit and every edit less than certain carries a note."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for item in ctx.clean_texts:
        for index, edit in enumerate(item.edits):
            if (edit.kind == "doubt" or edit.certainty != "certain") and not (edit.note or "").strip():
                yield ctx.finding(
                    item.file,
                    item.edit_path(index),
                    f"edit of kind {edit.kind!r} with certainty {edit.certainty!r} has no note",
                    hint="add a note: what the source shows and what was decided",
                )
