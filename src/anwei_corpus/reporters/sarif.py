"""SARIF 2.1.0, the format code-scanning services read (GitHub's upload-sarif action among them).

One run of the ``anwei`` driver; its rules are every code of the registry, loader and schema codes included, and
each finding is a result pointing at the YAML position, with the other end of a cross-reference as a related
location. Columns count Unicode code points.

Each result carries ``partialFingerprints`` so that a code-scanning service tracks one finding across commits
while lines move: a hash of the code, the file, the finding's YAML path (its logical place, which no inserted
line or comment shifts) and its message with every number taken out (a message may name line numbers).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from ..codes import CodeDoc
from ..diagnostics import Diagnostic, Location, Severity

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# The project has no public address yet; this reserved name keeps the field valid until it has one.
INFORMATION_URI = "https://anwei-corpus.invalid/"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT = "anweiFinding/v1"  # the partialFingerprints key; its version changes if the hash's inputs do
_NUMBER = re.compile(r"\d+")


def _artifact(file: str) -> dict[str, Any]:
    """Relative paths stay relative to the checkout (``%SRCROOT%``); absolute ones become file URIs."""
    path = PurePath(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote(path.as_posix()), "uriBaseId": "%SRCROOT%"}


def _physical(location: Location) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact(location.file)}
    if location.line is not None:
        physical["region"] = {"startLine": location.line}
        if location.column is not None:
            physical["region"]["startColumn"] = location.column
    return physical


def fingerprint(diagnostic: Diagnostic) -> str:
    """A hash that stays the same while the finding's lines move: code, file, YAML path and message template."""
    location = diagnostic.location
    parts = (
        diagnostic.code,
        PurePath(location.file).as_posix(),
        "/".join(str(step) for step in location.path),
        _NUMBER.sub("#", diagnostic.message),
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _rule(doc: CodeDoc) -> dict[str, Any]:
    return {
        "id": doc.code,
        "name": doc.name,
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": doc.description},
        "help": {"text": doc.documentation, "markdown": doc.documentation},
        "defaultConfiguration": {"level": LEVELS[doc.severity]},
    }


def _result(diagnostic: Diagnostic, rule_index: Mapping[str, int]) -> dict[str, Any]:
    text = diagnostic.message + (f" (help: {diagnostic.hint})" if diagnostic.hint else "")
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": _physical(diagnostic.location)}],
        "partialFingerprints": {FINGERPRINT: fingerprint(diagnostic)},
    }
    if diagnostic.code in rule_index:
        result["ruleIndex"] = rule_index[diagnostic.code]
    if diagnostic.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": _physical(related),
                "message": {"text": diagnostic.related_label or "see"},
            }
            for number, related in enumerate(diagnostic.related)
        ]
    return result


def render(diagnostics: list[Diagnostic], codes: Mapping[str, CodeDoc], tool_version: str) -> str:
    docs = sorted(codes.values(), key=lambda doc: doc.code)
    rule_index = {doc.code: index for index, doc in enumerate(docs)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "anwei",
                        "version": tool_version,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(doc) for doc in docs],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, rule_index) for d in diagnostics],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
