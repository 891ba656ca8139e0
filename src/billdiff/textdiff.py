"""Word-level differences. The only module that imports diff-match-patch.

Texts are cut into tokens (words of any script, numbers, single punctuation marks, runs of
whitespace); each distinct token is mapped to one character, as diff-match-patch's own line
mode does with lines, so the diff runs over tokens and a span never splits a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from diff_match_patch import diff_match_patch

from billdiff.sequences import longest_increasing

Op = Literal["equal", "insert", "delete"]

# \w covers Cyrillic (with Kazakh ә ғ қ ң ө ұ ү һ і), Latin with diacritics and digits;
# combining marks are kept inside their word.
TOKEN = re.compile(r"[\w\u0300-\u036f]+|\s+|[^\w\s]")
_WORD = re.compile(r"\w")

_OPS: dict[int, Op] = {0: "equal", 1: "insert", -1: "delete"}


@dataclass(frozen=True)
class Span:
    """A run of text that is equal in both versions, inserted in the new or deleted from the old."""

    op: Op
    text: str
    #: For an edit that a reader need not read, its class: "whitespace", "quotes", "dashes",
    #: "numbering" (a unit's own number) or "reference" (a cross-reference to a renumbered unit);
    #: "quotes,dashes" when one replacement needs both.
    noise: str = ""


def tokenize(text: str) -> list[str]:
    """``"Статья 5-1, «а»"`` -> ``["Статья", " ", "5", "-", "1", ",", " ", "«", "а", "»"]``."""
    return TOKEN.findall(text)


def _char(index: int) -> str:
    # Skip the surrogate block, which cannot stand alone in a Python str sent to dmp.
    return chr(index + 1 if index < 0xD7FF else index + 1 + 0x800)


def _encode(tokens: Sequence[str], table: dict[str, str]) -> str:
    out = []
    for token in tokens:
        char = table.get(token)
        if char is None:
            char = table[token] = _char(len(table))
        out.append(char)
    return "".join(out)


#: Inputs longer than this (in tokens, both sides together) are cut at anchors before
#: diff-match-patch sees them: its Myers diff costs O(N·D), and a long article rewritten in many
#: places makes both N and D large (seconds for one § of the SGB V).
ANCHOR_ABOVE = 120


def _anchors(a: str, b: str) -> list[tuple[int, int]]:
    """Positions of the tokens found exactly once in each text, kept where they appear in the
    same order (a patience diff's anchors): equal in any sensible alignment of the two."""
    once_a: dict[str, int] = {}
    seen: set[str] = set()
    for i, char in enumerate(a):
        if char in seen:
            once_a.pop(char, None)
        else:
            seen.add(char)
            once_a[char] = i
    once_b: dict[str, int] = {}
    seen = set()
    for j, char in enumerate(b):
        if char in seen:
            once_b.pop(char, None)
        else:
            seen.add(char)
            once_b[char] = j
    pairs = sorted((i, once_b[c]) for c, i in once_a.items() if c in once_b)
    return longest_increasing(pairs)


def _diff_chars(dmp: diff_match_patch, a: str, b: str) -> list[tuple[int, str]]:
    """Diff two encoded strings, cutting long ones at anchors first."""
    if len(a) + len(b) <= ANCHOR_ABOVE or not a or not b:
        return list(dmp.diff_main(a, b, False)) if a or b else []
    chain = _anchors(a, b)
    if not chain:
        # Not one word in common that occurs once on each side: the two passages are
        # rewritten, and a word diff would only find scattered "der", "и", "the".
        return [(-1, a), (1, b)]
    out: list[tuple[int, str]] = []
    i0 = j0 = 0
    for i, j in chain:
        # tokens repeated in the whole text may be unique between two anchors: recurse
        out.extend(_diff_chars(dmp, a[i0:i], b[j0:j]))
        out.append((0, a[i]))
        i0, j0 = i + 1, j + 1
    out.extend(_diff_chars(dmp, a[i0:], b[j0:]))
    return out


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
        text = "".join(decode[c] for c in chars)
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


def count_words(text: str) -> int:
    return sum(1 for token in TOKEN.findall(text) if _WORD.match(token))
