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


#: Above this many tokens a text is first compared line by line, and only the lines that
#: differ word by word (as diff-match-patch's own line mode does for long texts): Myers' diff
#: costs O(N·D), and a long article rewritten in many places makes both large.
LINE_MODE_TOKENS = 400


def _diff_tokens(
    old_tokens: Sequence[str], new_tokens: Sequence[str]
) -> list[tuple[int, list[str]]]:
    """diff-match-patch over token sequences: (op, tokens) runs, semantically cleaned."""
    table: dict[str, str] = {}
    a, b = _encode(old_tokens, table), _encode(new_tokens, table)
    decode = {char: token for token, char in table.items()}
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # deterministic output; line mode keeps the inputs small
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    return [(op, [decode[c] for c in chars]) for op, chars in diffs]


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def diff_words(old: str, new: str) -> tuple[Span, ...]:
    """The word-level differences from ``old`` to ``new``.

    Joining the ``equal`` and ``delete`` spans gives ``old``; the ``equal`` and ``insert`` spans
    give ``new``.
    """
    if old == new:
        return (Span("equal", old),) if old else ()
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    runs: list[tuple[int, list[str]]] = []
    if len(old_tokens) + len(new_tokens) > 2 * LINE_MODE_TOKENS and "\n" in old + new:
        pending: dict[int, list[str]] = {-1: [], 1: []}

        def flush() -> None:
            if pending[-1] or pending[1]:
                old_part, new_part = "".join(pending[-1]), "".join(pending[1])
                runs.extend(_diff_tokens(tokenize(old_part), tokenize(new_part)))
                pending[-1], pending[1] = [], []

        for op, lines in _diff_tokens(_lines(old), _lines(new)):
            if op == 0:
                flush()
                runs.append((0, lines))
            else:
                pending[op].extend(lines)
        flush()
    else:
        runs = _diff_tokens(old_tokens, new_tokens)
    spans: list[Span] = []
    for op, tokens in runs:
        text = "".join(tokens)
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
