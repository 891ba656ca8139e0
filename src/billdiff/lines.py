"""A line's presentation, separated from its words (issue 13).

The same heading reaches billdiff dressed in many ways: ``## Article 5`` (Markdown, of any
depth), ``== Article 5: Scope ==`` (AsciiDoc or wiki text, as common PDF-to-text tools write
it), ``**Статья 5.**`` (bold), ``- Article 5`` or ``• Article 5`` (a list), ``<b>§ 5</b>`` (HTML
left in a text export), a tab before it. Numbering profiles describe the words only; this
module takes the dress off so that every profile sees ``Article 5``.

Nothing here changes a letter or a digit: only marks of presentation are removed, and the
reader's text of the line stays in the :class:`~billdiff.readers.base.Document`.
"""

from __future__ import annotations

import re

# HTML left in a text export ("<b>", "</strong>", "<a id=x>", "<br/>"): the Markdown reader's
# own rule, known elements only, so that "<Agency Name>" or "<b and c>" stays text.
from billdiff.readers.text import HTML_TAG as _TAG

# Heading marks: Markdown "#" of any depth, AsciiDoc/wiki "=" (closing marks too: "== A ==").
_HEADING = re.compile(r"^(?:#+|=+)[ \t]+(?P<words>.*?)(?:[ \t]+(?:#+|=+))?[ \t]*$")
# A whole line (or its start) in bold or italic: "**Article 5**", "__§ 5__ Title", "*Art. 5*".
_EMPHASIS = re.compile(r"^(?P<mark>\*{1,3}|_{1,3})(?P<inner>[^*_\s](?:.*?[^*_\s])?)(?P=mark)")
# A closing mark after the first words with no opening one: what is left of "**Art. 2** Title"
# when a reader has taken the opening mark for the edge of an emphasised line.
_ORPHAN_CLOSE = re.compile(r"^(?P<words>[^*_\s][^*_]{0,40}?[^*_\s])\*{1,3}(?=[\s.,:;–—-]|$)")
_EMPTY_EMPHASIS = re.compile(r"\*{4,}")
# A list bullet before the words: "- ", "* ", "• ", "· ", "‣ ", "▪ ".
_BULLET = re.compile(r"^[-*•·‣▪◦][ \t]+(?=\S)")
# Characters that can start a decorated line: the cheap test that most lines fail.
_DRESSED = frozenset("#=*_-•·‣▪◦<\t\u00a0")


def undecorate(text: str) -> str:
    """The words of a line without its presentation.

    >>> undecorate("####### Article L1142-1")
    'Article L1142-1'
    >>> undecorate("== Article 5: Prohibited practices ==")
    'Article 5: Prohibited practices'
    >>> undecorate("**Статья 5.** Название")
    'Статья 5. Название'
    >>> undecorate("- Art. 5 Subject matter")
    'Art. 5 Subject matter'
    >>> undecorate("<b>§ 5</b> Begriffe")
    '§ 5 Begriffe'
    >>> undecorate("Art. 2** Personalförderung")
    'Art. 2 Personalförderung'
    >>> undecorate("**Art.**** ****2** Zuständigkeit")
    'Art. 2 Zuständigkeit'
    >>> undecorate("Article **R13-1")
    'Article R13-1'
    >>> undecorate("**")
    ''
    >>> undecorate("a line of law")
    'a line of law'
    """
    if not text:
        return text
    starred = "*" in text
    if not starred and text[0] not in _DRESSED and not text.endswith(("_", "=", ">")):
        return text  # most lines: no mark anywhere
    if starred and text.count("**") == 1 and "***" not in text:
        # a bold mark opened and never closed ("Article **R13-1"): a converter's slip
        text = text.replace("**", "")
        if not text:
            return text  # "**" alone: nothing but the mark (kept in the document)
    if starred and "****" in text:
        # an empty bold pair is no mark at all ("**Art.**** ****2**", from a converter that
        # closed and reopened the bold around a space)
        text = _EMPTY_EMPHASIS.sub("", text)
        if not text:
            return text
    if text[0] not in _DRESSED and not text.endswith(("*", "_", "=", ">")):
        # stars only: an underscore in a line is more often the text's own ("0_ 0", "____")
        orphan = _ORPHAN_CLOSE.match(text) if starred else None
        if orphan is None:
            return text
        text = orphan["words"] + text[orphan.end() :]
    previous = None
    while previous != text:
        previous = text
        text = text.replace("\u00a0", " ").strip()
        if "<" in text:
            text = _TAG.sub("", text).strip()
        found = _HEADING.match(text)
        if found:
            text = found["words"]
        found = _EMPHASIS.match(text)
        if found:
            text = found["inner"] + text[found.end() :]
        text = _BULLET.sub("", text)
    return text


def is_heading_dress(text: str) -> bool:
    """Is the whole line dressed as a heading (``== Scope ==``, ``### Scope``, ``**Scope**``)?
    Such a line is a heading whatever its words, so its dress can go. A single open "="
    ("= 0", a wrapped equation's end) is not dress unless closed ("= Scope =")."""
    if _HEADING.match(text):
        return not (text.startswith("= ") and not text.rstrip().endswith("="))
    found = _EMPHASIS.match(text)
    return found is not None and found.end() == len(text.rstrip())


def undecorate_all(texts: list[str]) -> list[str]:
    """:func:`undecorate` of every line. Most lines wear no dress: undecorate's first test is
    made here, without a call for each line (half the time on a long document)."""
    dressed = _DRESSED
    return [
        undecorate(text)
        if "*" in text or (text and (text[0] in dressed or text[-1] in "_=>"))
        else text
        for text in texts
    ]
