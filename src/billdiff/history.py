"""N readings of a bill -> the lineage of every article, and blame.

A :class:`Dossier` is an ordered list of readings (a file with a label, a date and a stage),
given directly or as a TOML manifest kept beside the drafts::

    title = "О добровольных народных дружинах"
    profile = "kz"            # optional

    [[reading]]
    file = "01-first-reading.txt"
    label = "Mazhilis, first reading"
    date = "2024-03-01"
    stage = "mazhilis-1"

Each reading is parsed once and consecutive readings are compared once (N parses, N-1
comparisons); lineages are chained from those pairwise matches. An article removed at one
step and found again later (same number, or the same text) continues its lineage as
``restored``.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from billdiff.align import Item, align
from billdiff.changes import Change, ChangeKind, Comparison, Side
from billdiff.compare import Options, compare
from billdiff.errors import InputError
from billdiff.model import Bill
from billdiff.textdiff import Span


@dataclass(frozen=True)
class ReadingInfo:
    """One reading of a dossier: where it is and what it is."""

    file: str
    label: str = ""
    date: str = ""
    stage: str = ""

    @property
    def name(self) -> str:
        return self.label or Path(self.file).name


@dataclass(frozen=True)
class Dossier:
    readings: tuple[ReadingInfo, ...]
    title: str = ""
    profile: str | None = None

    @classmethod
    def from_files(
        cls,
        files: Sequence[str | os.PathLike[str]],
        labels: Sequence[str] = (),
        dates: Sequence[str] = (),
        stages: Sequence[str] = (),
        *,
        profile: str | None = None,
        title: str = "",
    ) -> Dossier:
        def at(values: Sequence[str], k: int) -> str:
            return values[k] if k < len(values) else ""

        readings = tuple(
            ReadingInfo(os.fspath(f), at(labels, k), at(dates, k), at(stages, k))
            for k, f in enumerate(files)
        )
        return cls(readings, title=title, profile=profile)

    @classmethod
    def load(cls, manifest: str | os.PathLike[str], *, data: bytes | None = None) -> Dossier:
        """Read a TOML manifest; reading files are relative to the manifest's folder. ``data``
        is the manifest's content when the caller has read it already (within a size limit)."""
        import tomllib  # only a history from a manifest needs it

        path = Path(manifest)
        try:
            raw = path.read_bytes() if data is None else data
            table = tomllib.loads(raw.decode("utf-8"))
        except FileNotFoundError:
            raise InputError("no such file", source=str(path)) from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"the manifest is not valid TOML: {exc}", source=str(path)) from None
        entries = table.get("reading")
        if not isinstance(entries, list) or not entries:
            raise InputError("the manifest lists no [[reading]]", source=str(path))
        readings = []
        for number, entry in enumerate(entries, start=1):
            if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
                raise InputError(f'reading {number} has no file = "..."', source=str(path))
            readings.append(
                ReadingInfo(
                    str(path.parent / entry["file"]),
                    str(entry.get("label", "")),
                    str(entry.get("date", "")),
                    str(entry.get("stage", "")),
                )
            )
        profile = table.get("profile")
        return cls(tuple(readings), str(table.get("title", "")), str(profile) if profile else None)


class Presence(enum.StrEnum):
    """The kinds of step that are no change between two readings: an article back after an
    earlier deletion, or absent from a reading."""

    RESTORED = "restored"
    ABSENT = "absent"


#: How an article got to a reading: "added" at its first reading, then the kind of change, or
#: one of :class:`Presence`.
StepKind = ChangeKind | Presence


@dataclass(frozen=True)
class Step:
    """An article as it stands in one reading, and how it got there from the reading before."""

    reading: int
    side: Side | None  # None: absent from this reading
    kind: StepKind
    change: Change | None = None


@dataclass(frozen=True)
class Lineage:
    """One article through all readings."""

    id: str
    steps: tuple[Step, ...]

    @property
    def appeared(self) -> int:
        return next(s.reading for s in self.steps if s.side is not None)

    @property
    def removed(self) -> int | None:
        """The reading from which the article is absent for good, if any."""
        last = max(s.reading for s in self.steps if s.side is not None)
        return last + 1 if last + 1 < len(self.steps) else None

    def at(self, reading: int) -> Side | None:
        return self.steps[reading].side


@dataclass(frozen=True)
class BlameSegment:
    text: str
    reading: int  # the reading that introduced this text


@dataclass(frozen=True)
class History:
    dossier: Dossier
    bills: tuple[Bill, ...]
    comparisons: tuple[Comparison, ...]
    lineages: tuple[Lineage, ...] = field(default_factory=tuple)

    def blame(self, lineage: Lineage, reading: int | None = None) -> tuple[BlameSegment, ...]:
        """The text of the article at ``reading`` (default: its last), each passage with the
        reading that introduced it."""
        if reading is None:
            reading = max(s.reading for s in lineage.steps if s.side is not None)
        segments: list[BlameSegment] = []
        for step in lineage.steps[: reading + 1]:
            if step.side is None:
                segments = []
                continue
            if not segments or step.change is None or step.kind == Presence.RESTORED:
                segments = [BlameSegment(step.side.text, step.reading)] if step.side.text else []
            elif step.change.spans:
                segments = _carry(segments, step.change.spans, step.reading)
        return tuple(_merge(segments))

    def find(self, label: str, reading: int | None = None) -> Lineage:
        """The lineage of the article numbered ``label`` in ``reading`` (default: the last)."""
        reading = len(self.bills) - 1 if reading is None else reading
        for lineage in self.lineages:
            side = lineage.at(reading)
            if side is not None and side.label == label:
                return lineage
        raise KeyError(label)


def _carry(segments: list[BlameSegment], spans: Sequence[Span], reading: int) -> list[BlameSegment]:
    """Apply one step's spans to the blamed text of the reading before."""
    out: list[BlameSegment] = []
    queue = [s for s in segments if s.text]
    pos = 0  # offset inside queue[0]

    def take(length: int, keep: bool) -> None:
        nonlocal pos
        while length > 0 and queue:
            head = queue[0]
            piece = head.text[pos : pos + length]
            if keep and piece:
                out.append(BlameSegment(piece, head.reading))
            length -= len(piece)
            pos += len(piece)
            if pos >= len(head.text):
                queue.pop(0)
                pos = 0

    for span in spans:
        if span.op == "insert":
            out.append(BlameSegment(span.text, reading))
        else:
            take(len(span.text), keep=span.op == "equal")
    return out


def _merge(segments: list[BlameSegment]) -> list[BlameSegment]:
    out: list[BlameSegment] = []
    for segment in segments:
        if out and out[-1].reading == segment.reading:
            out[-1] = BlameSegment(out[-1].text + segment.text, segment.reading)
        elif segment.text:
            out.append(segment)
    return out


def build(dossier: Dossier, bills: Sequence[Bill], options: Options | None = None) -> History:
    """Chain the pairwise comparisons of consecutive readings into lineages."""
    n = len(bills)
    comparisons = tuple(
        compare(
            bills[k],
            bills[k + 1],
            Options(
                old_label=dossier.readings[k].name,
                new_label=dossier.readings[k + 1].name,
                old_date=dossier.readings[k].date,
                new_date=dossier.readings[k + 1].date,
                ignore=options.ignore if options else frozenset(),
            ),
        )
        for k in range(n - 1)
    )
    lineages: list[list[Step | None]] = []  # n steps each, filled reading by reading
    order: list[int] = []  # lineages in reading order; an added one goes after its predecessor

    def new_lineage(k: int, step: Step, after: int | None) -> int:
        lineages.append([None] * k + [step] + [None] * (n - k - 1))
        index = len(lineages) - 1
        order.insert(order.index(after) + 1 if after is not None else 0, index)
        return index

    current: dict[str, int] = {}  # eId in the current reading -> lineage index
    previous: int | None = None
    for unit in bills[0].articles() or bills[0].body:
        previous = current[unit.eid] = new_lineage(
            0, Step(0, Side.of(unit), ChangeKind.ADDED), previous
        )
    gone: list[int] = []  # lineages absent from the current reading (may be restored)
    for k, comparison in enumerate(comparisons, start=1):
        following: dict[str, int] = {}
        restored = _restore(lineages, gone, comparison, k)
        previous = None
        for change in comparison.changes:
            if change.new is None:  # deleted
                assert change.old is not None
                index = current.get(change.old.eid)
                if index is not None and lineages[index][k] is None:
                    lineages[index][k] = Step(k, None, ChangeKind.DELETED, change)
                    gone.append(index)
                continue
            if change.old is None:  # added, or an article removed earlier coming back
                index = restored.get(change.new.eid)
                if index is None:
                    index = new_lineage(k, Step(k, change.new, ChangeKind.ADDED, change), previous)
                else:
                    lineages[index][k] = Step(k, change.new, Presence.RESTORED, change)
                    gone.remove(index)
            else:
                index = current[change.old.eid]
                if change.new.eid in following:
                    # merged into an article that another lineage carries on: this one ends
                    lineages[index][k] = Step(k, change.new, change.kind, change)
                    continue
                if lineages[index][k] is not None:
                    # split: the second (third ...) article made of one old article
                    index = new_lineage(k, Step(k, change.new, change.kind, change), previous)
                else:
                    lineages[index][k] = Step(k, change.new, change.kind, change)
            following[change.new.eid] = previous = index
        current = following
    done = []
    for index in order:
        steps = tuple(
            step if step is not None else Step(k, None, Presence.ABSENT)
            for k, step in enumerate(lineages[index])
        )
        origin = next(s for s in steps if s.side is not None)
        assert origin.side is not None
        done.append(Lineage(f"{origin.side.eid}@{origin.reading}", steps))
    return History(dossier, tuple(bills), comparisons, tuple(done))


def _restore(
    lineages: list[list[Step | None]], gone: list[int], comparison: Comparison, k: int
) -> dict[str, int]:
    """Articles added at reading ``k`` that continue a lineage removed at an earlier step:
    the same number, or much the same text."""
    added = [c.new for c in comparison.changes if c.old is None and c.new is not None]
    if not gone or not added:
        return {}
    last = [
        next(s.side for s in reversed(lineages[index][:k]) if s is not None and s.side)
        for index in gone
    ]
    pairs = align([Item(s.label, s.text) for s in last], [Item(s.label, s.text) for s in added])
    # A removed article comes back at most once: when it returns split in two, align pairs it
    # with both pieces, and the piece that keeps its number (or more of its text) continues
    # the lineage; the other is a new lineage (two restorations would end it twice).
    best: dict[int, tuple[tuple[bool, float], str]] = {}
    for pair in pairs:
        if pair.old is None or pair.new is None:
            continue
        old, new = last[pair.old], added[pair.new]
        if old.label == new.label or pair.similarity >= 0.5:
            rank = (old.label == new.label, pair.similarity)
            if pair.old not in best or rank > best[pair.old][0]:
                best[pair.old] = (rank, new.eid)
    return {eid: gone[i] for i, (_, eid) in best.items()}
