"""Immutable change records: what the comparison engine produces and every renderer reads.

Renderers only render: the word spans are computed once, here in the model, and never again.
"""

from __future__ import annotations

import enum
import functools
import warnings
from collections import Counter
from dataclasses import dataclass, field

from billdiff.model import Bill, StructureWarning, Unit
from billdiff.textdiff import Noise, Span, count_words


class ChangeKind(enum.StrEnum):
    """How an article changed, in the order used for counts and legends. Members are strings
    ("modified"): the JSON is unchanged and ``change.kind == "modified"`` holds."""

    UNCHANGED = "unchanged"
    RENUMBERED = "renumbered"
    MODIFIED = "modified"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    EXCLUDED = "excluded"
    ADDED = "added"
    DELETED = "deleted"


#: Every kind of change, in the order used for counts and legends.
CHANGE_KINDS: tuple[ChangeKind, ...] = tuple(ChangeKind)

#: Classes of noise (see :class:`~billdiff.textdiff.Span`), which options can ignore.
NOISE_CLASSES: tuple[Noise, ...] = tuple(Noise)


@dataclass(frozen=True)
class Side:
    """One article as it stands in one reading."""

    eid: str
    num: str
    label: str
    heading: str
    text: str  # heading and body, without the article's own number

    @classmethod
    def of(cls, unit: Unit) -> Side:
        return cls(unit.eid, unit.num, unit.label, unit.heading, unit.body_text())


@dataclass(frozen=True)
class Change:
    """One pair of articles (or an article on one side only) and how it changed."""

    kind: ChangeKind
    old: Side | None
    new: Side | None
    similarity: float = 1.0
    spans: tuple[Span, ...] = ()
    #: Changes of the paragraphs, points and notes inside a changed article, in reading order
    #: (nested units follow their parent).
    parts: tuple[Change, ...] = ()

    @property
    def noise_only(self) -> bool:
        """True when every edit in the spans is classified noise (or there is none)."""
        return all(s.noise for s in self.spans if s.op != "equal")

    # cached: a change never changes, and reports ask for its counts more than once
    @functools.cached_property
    def words_inserted(self) -> int:
        """Words inserted: in the insert spans, or the whole text of an added article."""
        if self.old is None and self.new is not None:
            return count_words(self.new.text)
        return sum(count_words(s.text) for s in self.spans if s.op == "insert")

    @functools.cached_property
    def words_deleted(self) -> int:
        """Words deleted: in the delete spans, or the whole text of a deleted article."""
        if self.new is None and self.old is not None:
            return count_words(self.old.text)
        return sum(count_words(s.text) for s in self.spans if s.op == "delete")

    @property
    def eid(self) -> str:
        """An id for this change, unique in its comparison: the new eId, else the old one."""
        side = self.new or self.old
        assert side is not None
        return side.eid if self.new else f"deleted-{side.eid}"


@dataclass(frozen=True)
class Reading:
    """What identifies one reading in a comparison: where it came from and what it is."""

    source: str = ""
    title: str = ""
    label: str = ""
    date: str = ""
    profile: str = ""
    language: str = ""
    #: Doubts about the structure found in this reading: every report repeats them, so that
    #: a comparison of collapsed structure is never taken for a real one.
    warnings: tuple[StructureWarning, ...] = ()

    @classmethod
    def of(cls, bill: Bill, *, label: str = "", date: str = "") -> Reading:
        return cls(bill.source, bill.title, label, date, bill.profile, bill.language, bill.warnings)


class _Counts(dict[str, int]):
    """``Comparison.counts`` was a method: ``counts()`` still answers, with a warning, so that
    a program written for it keeps running while it is updated."""

    def __call__(self) -> dict[str, int]:
        warnings.warn(
            "Comparison.counts is a property: write comparison.counts, not counts()",
            DeprecationWarning,
            stacklevel=2,
        )
        return dict(self)


@dataclass(frozen=True)
class Comparison:
    """The changes between two readings, one entry per article pair, in reading order."""

    old: Reading
    new: Reading
    changes: tuple[Change, ...] = field(default_factory=tuple)
    #: The text around the articles, each compared whole, when either reading has any: the
    #: preface (title, preamble, table of contents; eId "preface"), the body text in no
    #: article (headings and introductions of parts and chapters, schedules and annexes
    #: without articles; eId "outside") and the back matter (eId "conclusions").
    frame: tuple[Change, ...] = field(default_factory=tuple)
    #: The eIds of the old reading's units compared, in the old reading's order: ``changes``
    #: follow the new reading, where a moved article stands at its new place only (the Word
    #: report writes it at both, as a move).
    old_order: tuple[str, ...] = field(default_factory=tuple)
    #: The classes of noise the comparison was asked to ignore (``Options.ignore``): the Word
    #: report leaves such edits untracked.
    ignored: frozenset[Noise] = field(default_factory=frozenset)

    @property
    def changed(self) -> bool:
        """Did anything change, in the articles or in the text around them?"""
        return any(change.kind != ChangeKind.UNCHANGED for change in (*self.changes, *self.frame))

    @property
    def counts(self) -> dict[str, int]:
        """The number of articles of each kind of change, every kind in :data:`CHANGE_KINDS`
        order (0 included)."""
        counter = Counter(change.kind for change in self.changes)
        # plain strings as keys: printed, the counts read as the JSON writes them
        return _Counts({kind.value: counter.get(kind, 0) for kind in CHANGE_KINDS})

    @property
    def words_inserted(self) -> int:
        return sum(change.words_inserted for change in self.changes)

    @property
    def words_deleted(self) -> int:
        return sum(change.words_deleted for change in self.changes)
