"""Renderers of a :class:`~billdiff.history.History`: JSON (schemas/history.schema.json),
terminal text and a self-contained HTML page (matrix, timelines, blame)."""

from __future__ import annotations

import json
from typing import Any

from billdiff.errors import RenderError
from billdiff.history import History, Lineage, Step
from billdiff.render.json import span_dict, warning_dicts
from billdiff.render.text import _safe

#: 2: ``warnings``, the doubts about the structure of each reading.
FORMAT_VERSION = 2


def _step_dict(step: Step) -> dict[str, Any]:
    out: dict[str, Any] = {"reading": step.reading, "kind": step.kind}
    if step.side is not None:
        out |= {
            "eId": step.side.eid,
            "num": step.side.num,
            "label": step.side.label,
            "heading": step.side.heading,
            "text": step.side.text,
        }
    if step.change is not None and step.change.spans and step.kind != "added":
        out["spans"] = [span_dict(span) for span in step.change.spans]
    return out


def lineage_dict(history: History, lineage: Lineage) -> dict[str, Any]:
    return {
        "id": lineage.id,
        "appeared": lineage.appeared,
        "removed": lineage.removed,
        "steps": [_step_dict(step) for step in lineage.steps],
        "blame": [
            {"text": segment.text, "reading": segment.reading} for segment in history.blame(lineage)
        ],
    }


def history_dict(history: History) -> dict[str, Any]:
    readings = []
    for k, (info, bill) in enumerate(zip(history.dossier.readings, history.bills, strict=True)):
        readings.append(
            {
                "index": k,
                "file": info.file,
                "label": info.label,
                "date": info.date,
                "stage": info.stage,
                "title": bill.title,
                "profile": bill.profile,
                "language": bill.language,
                "articles": len(bill.articles() or bill.body),
            }
        )
    return {
        "format": "billdiff-history",
        "version": FORMAT_VERSION,
        "title": history.dossier.title or (history.bills[-1].title if history.bills else ""),
        "readings": readings,
        "steps": [
            {"from": k, "to": k + 1, "changed": c.changed, "counts": c.counts}
            for k, c in enumerate(history.comparisons)
        ],
        "lineages": [lineage_dict(history, lineage) for lineage in history.lineages],
        "warnings": [
            warning
            for k, bill in enumerate(history.bills)
            for warning in warning_dicts(bill.warnings, k)
        ],
    }


def history_json(history: History) -> str:
    return json.dumps(history_dict(history), ensure_ascii=False, indent=2) + "\n"


def _cell(step: Step) -> str:
    if step.side is None:
        return "—" if step.kind == "absent" else "deleted"
    if step.reading == 0:
        return step.side.label or step.side.eid
    return f"{step.side.label or step.side.eid} {step.kind}"


def history_text(history: History) -> str:
    names = [info.name for info in history.dossier.readings]
    out = [f"billdiff history: {len(names)} readings, {len(history.lineages)} articles"]
    for k, name in enumerate(names):
        out.append(f"  [{k + 1}] {name}")
    for k, bill in enumerate(history.bills):
        out.extend(f"warning: [{k + 1}] {w.message}" for w in bill.warnings)
    out.append("")
    width = max((len(_cell(s)) for line in history.lineages for s in line.steps), default=8) + 2
    out.append("".join(f"[{k + 1}]".ljust(width) for k in range(len(names))).rstrip())
    for lineage in history.lineages:
        out.append("".join(_cell(step).ljust(width) for step in lineage.steps).rstrip())
    return _safe("\n".join(out)) + "\n"


def history_html(history: History) -> str:
    from billdiff.render.history_html import render_history

    return render_history(history)


_RENDERERS = {
    "json": history_json,
    "text": history_text,
    "txt": history_text,
    "html": history_html,
    "htm": history_html,
}

#: The names ``render_history`` takes (any case), aliases included.
FORMATS = tuple(_RENDERERS)


def render_history(history: History, format: str = "text") -> str:
    try:
        renderer = _RENDERERS[format.lower()]
    except KeyError:
        raise RenderError(f"unknown output format {format!r} (known: text, json, html)") from None
    return renderer(history)
