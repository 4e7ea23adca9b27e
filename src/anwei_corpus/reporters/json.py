"""JSON for machines: a stable shape with a ``version`` (see README, "Output formats").

Within a version keys are only ever added; removing or renaming a key, or changing its type, raises ``version``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from typing import Any

from ..codes import CodeDoc
from ..diagnostics import Diagnostic, Location, Severity

VERSION = 1


def _location(location: Location) -> dict[str, Any]:
    return {
        "file": location.file,
        "line": location.line,
        "column": location.column,
        "path": [str(step) for step in location.path],
    }


def render(diagnostics: list[Diagnostic], codes: Mapping[str, CodeDoc]) -> str:
    counts = Counter(d.severity for d in diagnostics)
    document = {
        "version": VERSION,
        "summary": {severity.value: counts.get(severity, 0) for severity in Severity},
        "diagnostics": [
            {
                "code": d.code,
                "name": codes[d.code].name if d.code in codes else None,
                "severity": d.severity.value,
                "message": d.message,
                "hint": d.hint,
                **_location(d.location),
                "related": [{"label": d.related_label, **_location(r)} for r in d.related],
                "data": dict(d.data) if d.data is not None else None,
            }
            for d in diagnostics
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
