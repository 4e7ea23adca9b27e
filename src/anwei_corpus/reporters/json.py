"""JSON: a stable, documented shape for machines (see README, "Diagnostics as JSON")."""

from __future__ import annotations

import json
from collections import Counter

from ..diagnostics import Diagnostic, Location


def _location(location: Location) -> dict:
    return {"file": location.file, "line": location.line, "column": location.column,
            "path": [str(step) for step in location.path]}


def render(diagnostics: list[Diagnostic]) -> str:
    counts = Counter(d.severity.value for d in diagnostics)
    document = {
        "version": 1,
        "summary": {name: counts.get(name, 0) for name in ("error", "warning", "info")},
        "diagnostics": [
            {
                "code": d.code,
                "severity": d.severity.value,
                "message": d.message,
                "hint": d.hint,
                **_location(d.location),
                "related": [{"label": d.related_label, **_location(r)} for r in d.related],
            }
            for d in diagnostics
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
