"""The HTML history of a dossier: the readings, a matrix of articles x readings, each article's
timeline with its text at every reading and the word changes between, and the blame view. One
self-contained file, like the change report (render/html.py): no network, the inline style and
script hashed into the Content-Security-Policy, readable without JavaScript, printable.

As in the report, the renderer turns the :class:`~billdiff.history.History` into small view
records and hands them to ``templates/history.html.j2``; it never recomputes a diff (the spans
come from the pairwise comparisons the history was built from).

Kinds of change are read from the lineages generically: a kind the stylesheet does not know
still gets a neutral badge with its name. Every kind is written in words, never by colour alone;
in the blame view each reading has a number marker and its own underline style besides its
colour.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass

from billdiff import changes as _changes
from billdiff.changes import Side
from billdiff.history import History, Lineage, Step
from billdiff.render.html import (
    _ENV,
    NOISE_TITLES,
    SpanView,
    _asset,
    _csp_hash,
    _noise,
    warning_lines,
)

_WORDY = re.compile(r"\w")

#: Dossiers with at most this many articles open every changed article's timeline; larger
#: ones (a code of hundreds of sections) start with the timelines collapsed.
OPEN_TIMELINES = 120

#: The order in which kinds are listed (legend, counts), after CHANGE_KINDS' own order.
KIND_ORDER = (*_changes.CHANGE_KINDS, "restored")

#: What each kind means, for the legend and the cells' tooltips.
KIND_TITLES: dict[str, str] = {
    "unchanged": "same number, same text",
    "renumbered": "same text, new number",
    "modified": "text changed",
    "moved": "moved to another place in the bill",
    "split": "one article became several",
    "merged": "several articles became one",
    "excluded": "kept as a number with the words “excluded”",
    "added": "new in this reading",
    "deleted": "gone from this reading",
    "restored": "back after being deleted in an earlier reading",
}


@dataclass(frozen=True)
class ReadingView:
    index: int  # 0-based
    number: int  # 1-based, as the page shows it
    name: str
    label: str
    date: str
    stage: str
    file: str
    title: str
    lang: str
    articles: int
    counts: tuple[tuple[str, str, int], ...]  # (kind, label, n) of the step into this reading


@dataclass(frozen=True)
class CellView:
    """One article in one reading, as the matrix shows it."""

    reading: int  # 0-based
    kind: str
    badge: str  # the kind in words; "" for a quiet cell (unchanged, first reading, absent)
    noise: str  # what the only edits are ("quotation marks only"), else ""
    num: str  # the article's number in this reading ("" when absent)
    was: str  # its number in the reading before, when it changed ("16" of "16 → 18")
    title: str  # the tooltip: reading, number, what happened
    target: str  # the id of this step in the timeline ("" when absent)


@dataclass(frozen=True)
class StepView:
    """One reading in an article's timeline."""

    id: str
    reading: int  # 0-based
    kind: str
    badge: str
    noise: str  # what the only edits are ("quotation marks only"), else ""
    num: str
    was: str
    lang: str
    spans: tuple[SpanView, ...]  # the word changes from the reading before
    text: str  # the whole text, when there are no spans to show
    fold: bool  # the text starts folded: a later step's word changes show it again
    note: str  # a quiet line instead of (or besides) the text
    links: tuple[tuple[str, str], ...]  # (lineage id, number): the other parts of a split/merge
    note_after: str  # the end of the note's sentence, after the links
    words_inserted: int
    words_deleted: int

    @property
    def quiet(self) -> bool:
        return not self.spans and not self.text


@dataclass(frozen=True)
class BlameView:
    text: str
    reading: int  # 0-based
    base: bool  # from the oldest reading in this text: left unmarked


@dataclass(frozen=True)
class LineageView:
    id: str
    num: str  # as written in the last reading that has the article
    label: str
    heading: str
    lang: str
    changed: bool  # anything happened after the first reading (a number counts)
    edited: bool  # its words changed (added, deleted, modified ...), not only its number
    summary: str  # "modified in 2 and 4; renumbered in 2"
    numbers: str  # "16 → 18", when the number changed
    cells: tuple[CellView, ...]
    steps: tuple[StepView, ...]
    blame: tuple[BlameView, ...]
    blame_reading: int  # the reading whose text the blame shows (0-based)
    blame_oldest: int  # the oldest reading in that text, whose passages stay unmarked
    open: bool  # the timeline starts open

    @property
    def blame_single(self) -> bool:
        """All the text comes from one reading: the blame has nothing to mark."""
        return len({b.reading for b in self.blame}) <= 1


def _label(kind: str) -> str:
    return kind.replace("_", " ").replace("-", " ")


def _title(text: str) -> str:
    """A title, unless it is no title at all (a Markdown rule, "[]")."""
    text = text.strip()
    return text if _WORDY.search(text) else ""


def _num(side: Side) -> str:
    return side.label or side.num or side.eid


def _previous(lineage: Lineage, reading: int) -> Side | None:
    for step in reversed(lineage.steps[:reading]):
        if step.side is not None:
            return step.side
    return None


def _spans(step: Step) -> tuple[SpanView, ...]:
    if step.change is None or not step.change.spans or step.kind in ("added", "restored"):
        return ()
    if all(span.op == "equal" for span in step.change.spans):
        return ()
    return tuple(
        SpanView(
            "" if span.op == "equal" else ("ins" if span.op == "insert" else "del"),
            span.text,
            _noise(span),
        )
        for span in step.change.spans
    )


def _real_edit(spans: tuple[SpanView, ...]) -> bool:
    return any(s.tag and not s.noise for s in spans)


def _noise_classes(spans: tuple[SpanView, ...]) -> str:
    """What the edits are, when every edit is classified noise; else "" (as the report)."""
    classes = sorted({s.noise for s in spans if s.tag})
    if not classes or "" in classes:
        return ""
    return ", ".join(NOISE_TITLES.get(c, c) for c in classes)


def _is_edit(step: Step, first: int, spans: tuple[SpanView, ...]) -> bool:
    """Did the article's words change at this step (not only its number or place)?"""
    if step.reading <= first:
        return False
    if step.kind in ("added", "deleted", "excluded", "restored", "split", "merged"):
        return True
    return _real_edit(spans)


def _readings(history: History) -> list[ReadingView]:
    out = []
    fallback = next((b.language for b in reversed(history.bills) if b.language), "")
    for k, (info, bill) in enumerate(zip(history.dossier.readings, history.bills, strict=True)):
        counts: tuple[tuple[str, str, int], ...] = ()
        if k:
            counter = history.comparisons[k - 1].counts
            order = [kind for kind in _changes.CHANGE_KINDS if kind != "unchanged"]
            counts = tuple((kind, _label(kind), counter[kind]) for kind in order if counter[kind])
        out.append(
            ReadingView(
                index=k,
                number=k + 1,
                name=info.name,
                label=info.label,
                date=info.date,
                stage=info.stage,
                file=os.path.basename(info.file),
                title=_title(bill.title),
                lang=bill.language or fallback or "und",
                articles=len(bill.articles() or bill.body),
                counts=counts,
            )
        )
    return out


def _partners(history: History) -> dict[tuple[int, str, str], list[tuple[str, str]]]:
    """Lineages that share a split or a merge: (reading, kind, the shared eId) -> [(lineage
    id, its number in the reading before or, for a split part, in this reading)]."""
    out: dict[tuple[int, str, str], list[tuple[str, str]]] = {}
    for lineage in history.lineages:
        for step in lineage.steps:
            if step.side is None or step.change is None:
                continue
            if step.kind == "split" and step.change.old is not None:
                key = (step.reading, "split", step.change.old.eid)
                out.setdefault(key, []).append((lineage.id, _num(step.side)))
            elif step.kind == "merged" and step.change.old is not None:
                key = (step.reading, "merged", step.side.eid)
                out.setdefault(key, []).append((lineage.id, _num(step.change.old)))
    return out


def _step(
    lineage: Lineage,
    step: Step,
    readings: list[ReadingView],
    partners: dict[tuple[int, str, str], list[tuple[str, str]]],
    all_spans: list[tuple[SpanView, ...]],  # the spans of every step of the lineage
) -> StepView:
    k = step.reading
    first = lineage.appeared
    side = step.side
    before = _previous(lineage, k)
    num = _num(side) if side else ""
    was = _num(before) if before and side and _num(before) != num and k > first else ""
    spans = all_spans[k]
    text, note, note_after, noise = "", "", "", ""
    links: tuple[tuple[str, str], ...] = ()
    if side is None:
        if step.kind == "deleted":
            note = "Deleted in this reading."
        elif k < first:
            note = "Not yet in this reading."
        else:
            note = "Not in this reading."
    elif k == first:
        text = side.text
    elif step.kind == "restored":
        text = side.text
        note = "Back after being deleted in an earlier reading; its whole text as restored."
    elif spans:
        noise = _noise_classes(spans)
        if noise:
            note = f"Only noise, no edit to read: {noise}."
    elif step.kind == "renumbered" or (was and step.kind in ("unchanged", "moved")):
        note = f"Same text, new number: {was} → {num}." if was else "Same text."
    elif step.kind == "moved":
        note = "Same text, moved to another place in the bill."
    elif step.kind not in ("split", "merged"):
        note = "Same text as in the reading before."
    change = step.change
    if side is not None and change is not None and change.old is not None:
        if step.kind == "split":
            others = partners.get((k, "split", change.old.eid), [])
            links = tuple(p for p in others if p[0] != lineage.id)
            note = f"Split from article {_num(change.old)}" + (
                "; the other parts: " if links else "."
            )
            note_after = "." if links else ""
        elif step.kind == "merged":
            others = partners.get((k, "merged", side.eid), [])
            links = tuple(p for p in others if p[0] != lineage.id)
            note = f"Article {_num(change.old)} merged" + (" with " if links else "")
            note_after = f" into article {num}."
    if k == first and k > 0:
        # new in this reading: added, or a piece of an article split at this step
        badge = "added" if step.kind in ("added", "absent") else _label(step.kind)
    elif k == 0 or step.kind in ("unchanged", "absent"):
        badge = ""
    else:
        badge = _label(step.kind) + (" (noise)" if noise else "")
    return StepView(
        id=f"{lineage.id}--r{k + 1}",
        reading=k,
        kind=step.kind if not (k == 0 and side is not None) else "first",
        badge=badge,
        noise=noise,
        num=num,
        was=was,
        lang=readings[k].lang,
        spans=spans,
        text=text,
        fold=bool(text) and any(all_spans[k + 1 :]),
        note=note,
        links=links,
        note_after=note_after,
        words_inserted=change.words_inserted if change and spans else 0,
        words_deleted=change.words_deleted if change and spans else 0,
    )


def _cell(step: StepView, reading: ReadingView, first: int) -> CellView:
    where = f"{reading.number}. {reading.name}"
    if step.kind == "absent":
        what = "not yet in this reading" if step.reading < first else "not in this reading"
        return CellView(step.reading, "absent", "", "", "", "", f"{where}: {what}", "")
    if step.kind == "deleted":
        return CellView(
            step.reading, "deleted", "deleted", "", "", "", f"{where}: deleted", step.id
        )
    kind = step.kind if step.badge else "unchanged"
    if step.kind == "first":
        what = "as first read"
    elif step.noise:
        what = f"{_label(step.kind)}, only noise: {step.noise}"
    elif step.badge:
        what = f"{step.badge} ({KIND_TITLES.get(step.kind, step.kind)})"
    else:
        what = "unchanged"
    number = f"{step.was} → {step.num}" if step.was else step.num
    title = f"{where}: {number}, {what}"
    return CellView(step.reading, kind, step.badge, step.noise, step.num, step.was, title, step.id)


def _summary(steps: list[StepView], first: int) -> str:
    by_kind: dict[str, list[int]] = {}
    for step in steps:
        if step.badge and step.reading >= first:
            by_kind.setdefault(step.badge, []).append(step.reading + 1)
    if not by_kind:
        return "Unchanged through every reading." if first == 0 else ""

    def readings(numbers: list[int]) -> str:
        words = [str(n) for n in numbers]
        return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]

    return "; ".join(f"{kind} in {readings(n)}" for kind, n in by_kind.items()).capitalize() + "."


def _numbers(lineage: Lineage) -> str:
    seen: list[str] = []
    for step in lineage.steps:
        if step.side is not None and (not seen or seen[-1] != _num(step.side)):
            seen.append(_num(step.side))
    return " → ".join(seen) if len(seen) > 1 else ""


def _lineage(
    history: History,
    lineage: Lineage,
    readings: list[ReadingView],
    partners: dict[tuple[int, str, str], list[tuple[str, str]]],
    many: bool,
) -> LineageView:
    first = lineage.appeared
    spans = [_spans(step) for step in lineage.steps]
    steps = [_step(lineage, step, readings, partners, spans) for step in lineage.steps]
    cells = tuple(_cell(step, readings[step.reading], first) for step in steps)
    last = max(s.reading for s in lineage.steps if s.side is not None)
    side = lineage.steps[last].side
    assert side is not None
    blame = _blame(history, lineage, last)
    changed = first > 0 or any(s.badge for s in steps)
    edited = first > 0 or any(_is_edit(s, first, spans[s.reading]) for s in lineage.steps)
    return LineageView(
        id=lineage.id,
        num=side.num or side.label or side.eid,
        label=_num(side),
        # An article excluded or emptied keeps the heading it last had.
        heading=side.heading
        or next((s.side.heading for s in reversed(lineage.steps) if s.side and s.side.heading), ""),
        lang=readings[last].lang,
        changed=changed,
        edited=edited,
        summary=_summary(steps, first),
        numbers=_numbers(lineage),
        cells=cells,
        steps=tuple(steps),
        blame=blame,
        blame_reading=last,
        blame_oldest=min((b.reading for b in blame), default=last),
        open=edited and not many,
    )


def _blame(history: History, lineage: Lineage, reading: int) -> tuple[BlameView, ...]:
    segments = history.blame(lineage, reading)
    oldest = min((s.reading for s in segments), default=0)
    return tuple(BlameView(s.text, s.reading, s.reading == oldest) for s in segments)


def _kinds(lineages: list[LineageView]) -> list[tuple[str, str, str]]:
    """(kind, label, meaning) of every kind shown in the matrix, for the legend."""
    present = Counter(c.kind for view in lineages for c in view.cells if c.badge)
    order = [k for k in KIND_ORDER if k in present] + sorted(
        k for k in present if k not in KIND_ORDER
    )
    return [(k, _label(k), KIND_TITLES.get(k, "")) for k in order]


def render_history(history: History) -> str:
    style, script = _asset("history.css"), _asset("history.js")
    csp = (
        "default-src 'none'; img-src data:; "
        f"style-src {_csp_hash(style)}; script-src {_csp_hash(script)}; "
        "base-uri 'none'; form-action 'none'"
    )
    readings = _readings(history)
    partners = _partners(history)
    many = len(history.lineages) > OPEN_TIMELINES
    lineages = [_lineage(history, line, readings, partners, many) for line in history.lineages]
    last = readings[-1] if readings else None
    title = _title(history.dossier.title) or (last.title if last else "")
    return _ENV.get_template("history.html.j2").render(
        title=title,
        readings=readings,
        lineages=lineages,
        kinds=_kinds(lineages),
        n_changed=sum(1 for view in lineages if view.changed),
        n_edited=sum(1 for view in lineages if view.edited),
        any_noise=any(c.noise for view in lineages for c in view.cells),
        many=many,
        noise_titles=NOISE_TITLES,
        lang=last.lang if last else "und",
        style=style,
        script=script,
        csp=csp,
        warnings=warning_lines(
            *((bill, view.name) for bill, view in zip(history.bills, readings, strict=True))
        ),
    )
