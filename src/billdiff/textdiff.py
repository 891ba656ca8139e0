"""Word-level differences. The only module that imports diff-match-patch.

Texts are cut into tokens (words of any script, numbers, single punctuation marks, runs of
whitespace); each distinct token is mapped to one character, as diff-match-patch's own line
mode does with lines, so the diff runs over tokens and a span never splits a word.
"""

from __future__ import annotations

import enum
import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from diff_match_patch import diff_match_patch

try:  # the C++ port of the same algorithm: the same diffs, an order of magnitude faster
    import fast_diff_match_patch as _fast
except ImportError:  # pragma: no cover - a platform without its wheel
    _fast = None

from billdiff.sequences import longest_increasing

Op = Literal["equal", "insert", "delete"]

# \w covers Cyrillic (with Kazakh ә ғ қ ң ө ұ ү һ і), Latin with diacritics and digits;
# combining marks are kept inside their word.
TOKEN = re.compile(r"[\w\u0300-\u036f]+|\s+|[^\w\s]")

_OPS: dict[int, Op] = {0: "equal", 1: "insert", -1: "delete"}


class Noise(enum.StrEnum):
    """A class of edit that a reader need not read (see :class:`Span`), which options can
    ignore. Members are strings ("quotes"), so JSON and comparisons with text are unchanged;
    a misspelt member is an error for the type checker, a misspelt string one at run time."""

    WHITESPACE = "whitespace"
    QUOTES = "quotes"
    DASHES = "dashes"
    NUMBERING = "numbering"  # a unit's own number
    REFERENCE = "reference"  # a cross-reference to a renumbered unit


@dataclass(frozen=True)
class Span:
    """A run of text that is equal in both versions, inserted in the new or deleted from the old."""

    op: Op
    text: str
    #: For an edit that a reader need not read, its classes, in :class:`Noise` order; two
    #: (quotes, dashes) when one replacement needs both. Empty for a real edit.
    classes: tuple[Noise, ...] = ()

    def __post_init__(self) -> None:
        # Spans built with the old joined string ("quotes,dashes") are read into members, so
        # that a misspelt class is refused here rather than compared as text later.
        if not self.classes:  # a real edit or an equal run: most spans, nothing to check
            return
        given: object = self.classes
        names = given.split(",") if isinstance(given, str) else self.classes
        members = {Noise(name) for name in names}
        object.__setattr__(self, "classes", tuple(n for n in Noise if n in members))

    @property
    def noise(self) -> str:
        """The classes as one string, "" for a real edit: "quotes", "quotes,dashes" (as
        written in the JSON change list)."""
        return ",".join(self.classes)


def tokenize(text: str) -> list[str]:
    """``"Статья 5-1, «а»"`` -> ``["Статья", " ", "5", "-", "1", ",", " ", "«", "а", "»"]``."""
    return TOKEN.findall(text)


def _char(index: int) -> str:
    # Skip the surrogate block, which cannot stand alone in a Python str sent to dmp.
    return chr(index + 1 if index < 0xD7FF else index + 1 + 0x800)


def _encode(tokens: Sequence[str], table: dict[str, str]) -> str:
    # dict.fromkeys keeps first appearances in order, so characters are given out in the order
    # the tokens first appear, and the Python loop runs once per distinct token, not per token.
    for token in dict.fromkeys(tokens):
        if token not in table:
            table[token] = _char(len(table))
    return "".join(map(table.__getitem__, tokens))


#: Inputs longer than this (in tokens, both sides together) are cut at anchors before
#: diff-match-patch sees them: its Myers diff costs O(N·D), and a long article rewritten in many
#: places makes both N and D large (seconds for one § of the SGB V).
ANCHOR_ABOVE = 120


def _anchors(a: str, b: str) -> list[tuple[int, int]]:
    """Positions of the tokens found exactly once in each text, kept where they appear in the
    same order (a patience diff's anchors): equal in any sensible alignment of the two."""
    count_b = Counter(b)
    once = [c for c, n in Counter(a).items() if n == 1 and count_b[c] == 1]
    if not once:
        return []
    # the last position of a character is its only one for the characters kept
    where_a = {c: i for i, c in enumerate(a)}
    where_b = {c: j for j, c in enumerate(b)}
    return longest_increasing(sorted((where_a[c], where_b[c]) for c in once))


_FAST_OPS = {"=": 0, "-": -1, "+": 1}


def _diff_main(dmp: diff_match_patch, a: str, b: str) -> list[tuple[int, str]]:
    """diff-match-patch's own diff (no clean-up, no time limit), by its C++ port if present."""
    if _fast is not None and FAST:
        ops = _FAST_OPS
        return [
            (ops[op], text)
            for op, text in _fast.diff(a, b, timelimit=0, cleanup="No", counts_only=False)
        ]
    return list(dmp.diff_main(a, b, False))


#: Use the C++ port when it is installed (tests switch it off to check both give the same).
FAST = True


def _diff_chars(dmp: diff_match_patch, a: str, b: str) -> list[tuple[int, str]]:
    """Diff two encoded strings, cutting long ones at anchors first."""
    if not a or not b:
        return [(-1, a)] if a else [(1, b)] if b else []
    if len(a) + len(b) <= ANCHOR_ABOVE:
        return _diff_main(dmp, a, b)
    chain = _anchors(a, b)
    if not chain:
        # Not one word in common that occurs once on each side: the two passages are
        # rewritten, and a word diff would only find scattered "der", "и", "the".
        return [(-1, a), (1, b)]
    out: list[tuple[int, str]] = []
    i0 = j0 = 0
    run = 0  # start of the current run of consecutive anchors
    for i, j in chain:
        if i > i0 or j > j0:
            if i0 > run:
                out.append((0, a[run:i0]))
            # tokens repeated in the whole text may be unique between two anchors: recurse
            out.extend(_diff_chars(dmp, a[i0:i], b[j0:j]))
            run = i
        i0, j0 = i + 1, j + 1
    if i0 > run:
        out.append((0, a[run:i0]))
    out.extend(_diff_chars(dmp, a[i0:], b[j0:]))
    return out


# A leaf unit's own text is its whole text: the comparison asks for the same diff twice in a
# row. Spans are immutable, so a small cache of the last results is safe (on the SGB V, 4
# entries get all but one of the 861 hits of 64; a few keep little text alive after a call).
@functools.lru_cache(maxsize=8)
def diff_words(old: str, new: str) -> tuple[Span, ...]:
    """The word-level differences from ``old`` to ``new``.

    Joining the ``equal`` and ``delete`` spans gives ``old``; the ``equal`` and ``insert`` spans
    give ``new``.
    """
    if old == new:
        return (Span("equal", old),) if old else ()
    table: dict[str, str] = {}
    a, b = _encode(tokenize(old), table), _encode(tokenize(new), table)
    decode = {char: token for token, char in table.items()}
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # deterministic output; anchors keep the inputs small
    diffs = _diff_chars(dmp, a, b)
    dmp.diff_cleanupMerge(diffs)
    dmp.diff_cleanupSemantic(diffs)
    spans: list[Span] = []
    for op, chars in diffs:
        text = "".join(map(decode.__getitem__, chars))
        if not text:
            continue
        kind = _OPS[op]
        if spans and spans[-1].op == kind:
            spans[-1] = Span(kind, spans[-1].text + text)
        else:
            spans.append(Span(kind, text))
    return tuple(spans)


def old_text(spans: Iterable[Span]) -> str:
    return "".join(s.text for s in spans if s.op != "insert")


def new_text(spans: Iterable[Span]) -> str:
    return "".join(s.text for s in spans if s.op != "delete")


# The start of a word token of TOKEN: a word character not preceded by another word character
# or a combining mark (a run of marks alone is no word).
_WORD_START = re.compile(r"(?<![\w\u0300-\u036f])\w")


def count_words(text: str) -> int:
    """The number of word tokens in ``text`` (see :func:`tokenize`)."""
    return len(_WORD_START.findall(text))
