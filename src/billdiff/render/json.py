"""The JSON change list: a public contract, described in docs/formats.md and
schemas/changes.schema.json."""

from __future__ import annotations

import json
from typing import Any

from billdiff.changes import Change, Comparison, Reading, Side
from billdiff.model import StructureWarning
from billdiff.render.base import Renderer, register
from billdiff.textdiff import Span

#: 2: ``warnings``, the doubts about the structure of each reading.
FORMAT_VERSION = 2


def reading_dict(reading: Reading) -> dict[str, str]:
    return {
        "source": reading.source,
        "title": reading.title,
        "label": reading.label,
        "date": reading.date,
        "profile": reading.profile,
        "language": reading.language,
    }


def warning_dicts(
    warnings: tuple[StructureWarning, ...], reading: str | int
) -> list[dict[str, str | int]]:
    """Structure warnings as JSON objects; ``reading`` names the reading they are about
    ("old"/"new" in a change list, the reading's index in a history)."""
    return [{"reading": reading, "code": w.code, "message": w.message} for w in warnings]


def side_dict(side: Side | None) -> dict[str, str] | None:
    if side is None:
        return None
    return {
        "eId": side.eid,
        "num": side.num,
        "label": side.label,
        "heading": side.heading,
        "text": side.text,
    }


def change_dict(change: Change) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": change.kind,
        "similarity": change.similarity,
        "old": side_dict(change.old),
        "new": side_dict(change.new),
    }
    if change.spans:
        out["spans"] = [span_dict(span) for span in change.spans]
        out["words_inserted"] = change.words_inserted
        out["words_deleted"] = change.words_deleted
        out["noise_only"] = change.noise_only
    if change.parts:
        out["parts"] = [change_dict(part) for part in change.parts]
    return out


def span_dict(span: Span) -> dict[str, str]:
    out = {"op": span.op, "text": span.text}
    if span.noise:
        out["noise"] = span.noise
    return out


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    return {
        "format": "billdiff-changes",
        "version": FORMAT_VERSION,
        "old": reading_dict(comparison.old),
        "new": reading_dict(comparison.new),
        "summary": {
            "changed": comparison.changed,
            "counts": comparison.counts,
            "words_inserted": comparison.words_inserted,
            "words_deleted": comparison.words_deleted,
        },
        "changes": [change_dict(change) for change in comparison.changes],
        "frame": [change_dict(change) for change in comparison.frame],
        "warnings": [
            *warning_dicts(comparison.old.warnings, "old"),
            *warning_dicts(comparison.new.warnings, "new"),
        ],
    }


@register
class JsonRenderer(Renderer):
    name = "json"
    extension = ".json"
    media_type = "application/json"

    def render(self, comparison: Comparison) -> str:
        return json.dumps(comparison_dict(comparison), ensure_ascii=False, indent=2) + "\n"
