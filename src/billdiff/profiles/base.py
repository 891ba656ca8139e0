"""What a numbering profile is: the line patterns of one drafting tradition."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import ClassVar

from billdiff.normalize import lookalikes
from billdiff.readers.base import Block
from billdiff.sequences import longest_increasing_keys

ROMAN = r"[IVXLCDMІХ]+"  # Cyrillic І and Х stand in for Latin I and X in real texts

#: How a level numbers its units, for the "(i) is a letter or a roman numeral" question.
LOWER, UPPER, LOWER_ROMAN, UPPER_ROMAN = "lower", "upper", "lower-roman", "upper-roman"

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_LABEL = re.compile(r"^(?:[ivxlcdm]+|[IVXLCDM]+)$")
_NEVER = re.compile(r"(?!x)x")
_HYPHEN = re.compile(r"\s*-\s*")
_ROMAN_WHOLE = re.compile(ROMAN)


def roman_value(label: str) -> int | None:
    """The value of a roman numeral, or None: ``"iv"`` -> 4, ``"XII"`` -> 12, ``"ab"`` -> None."""
    if not _ROMAN_LABEL.match(label):
        return None
    total, previous = 0, 0
    for char in reversed(label.lower()):
        value = _ROMAN_VALUES[char]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


_NUMBERING = re.compile(r"^[a-z]*\.?\s*(\d+)((?:-\d+)*)[-\s]?([a-z]*)")
#: Latin ordinals after a number (Italian "3-bis", French "5 ter") and their places.
LATIN_ORDINALS = {
    "bis": 2,
    "ter": 3,
    "quater": 4,
    "quinquies": 5,
    "sexies": 6,
    "septies": 7,
    "octies": 8,
    "novies": 9,
    "nonies": 9,
    "decies": 10,
    "undecies": 11,
    "duodecies": 12,
    "terdecies": 13,
    "quaterdecies": 14,
    "quinquiesdecies": 15,
    "sexiesdecies": 16,
}


NumberKey = tuple[int, tuple[int, ...], str]


def label_key(label: str) -> NumberKey:
    """The place of a label in a numbering, a roman numeral by its value: ``"IV"`` -> 4."""
    value = None if any(c.isdigit() for c in label) else roman_value(label)
    return (value, (), "") if value is not None else numbering_key(label)


def numbering_key(label: str) -> tuple[int, tuple[int, ...], str]:
    """The place of a label in a numbering, for ordering: ``"3-1"`` -> ``(3, (1,), "")``,
    ``"52ca"`` -> ``(52, (), "ca")``, ``"L4111-1"`` -> ``(4111, (1,), "")``; a label with no
    number sorts first.

    >>> numbering_key("3") < numbering_key("3-1") < numbering_key("3-2") < numbering_key("4")
    True
    >>> numbering_key("52a") < numbering_key("52b") < numbering_key("52ca") < numbering_key("53")
    True
    >>> numbering_key("3") < numbering_key("3-bis") < numbering_key("3-ter") < numbering_key("3-quater")
    True
    """
    found = _NUMBERING.match(label.lower())
    if found is None:
        return (0, (), label)
    # Nine digits order any real numbering; int() refuses thousands of digits (hostile input).
    parts = tuple(int(p[:9]) for p in found.group(2).split("-") if p)
    suffix = found.group(3)
    if suffix in LATIN_ORDINALS:  # "bis" < "ter" < "quater", whatever the alphabet says
        suffix = f"#{LATIN_ORDINALS[suffix]:02d}"
    return (int(found.group(1)[:9]), parts, suffix)


def nested_in(inner: list[tuple[int, NumberKey]], outer: list[tuple[int, NumberKey]]) -> bool:
    """Is ``inner`` a numbering of units inside ``outer``'s: it starts afresh under most of
    ``outer``'s headings (at least two) and starts again nowhere else, or it lies wholly inside
    one of three or more units of ``outer``, not the last (an amending act's "Čl. I" holding
    points 1 to 14, "Čl. II" and "Čl. III" none)?"""
    if len(outer) < 2 or not inner:
        return False
    # the outer numbering must be one: mostly in order (a contents and a body repeating
    # "Глава 1" is no numbering of two)
    if len(longest_increasing_keys([key for _, key in outer])) < max(2, 0.8 * len(outer)):
        return False
    places = [index for index, _ in outer]
    start = bisect.bisect_right(places, inner[0][0])
    if (
        len(outer) >= 3
        and start > 0
        and bisect.bisect_right(places, inner[-1][0]) == start < len(places)
        and all(after > before for (_, before), (_, after) in pairwise(inner))
    ):
        return True
    for (before, key), (after, next_key) in pairwise(inner):
        if next_key <= key:
            between = bisect.bisect_right(places, before)
            if between == len(places) or places[between] >= after:
                return False  # starts again where no heading of outer stands
    first = min(key for _, key in inner)
    inner_places = [index for index, _ in inner]
    fresh = 0
    for place in places:
        # the first inner heading after this outer heading (and before the next one)
        at = bisect.bisect_right(inner_places, place)
        # it starts afresh: at the first number, or lower than the one before it ("2." under
        # "Čl. II" after "14." under "Čl. I", where its "1." is written in the text)
        if at < len(inner) and (inner[at][1] == first or (at and inner[at][1] <= inner[at - 1][1])):
            following = bisect.bisect_right(places, place)
            if following == len(places) or places[following] > inner_places[at]:
                fresh += 1
    return fresh >= max(2, len(outer) // 2)


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_COMBINED: dict[tuple[type[Profile], bool], re.Pattern[str]] = {}


def _combine(levels: tuple[Level, ...], in_article: bool) -> re.Pattern[str]:
    """The alternation of the levels' patterns, each with its own flags. Each alternative is
    the group ``L<i>``, ``i`` the level's index in ``levels``: a match's ``lastgroup`` names
    the first level that matches (the alternatives are tried in order, as a loop would)."""
    parts: list[str] = []
    for index, level in enumerate(levels):
        if level.inside_article and not in_article:
            continue
        source = _NAMED_GROUP.sub("(?:", level.pattern.pattern)
        flags = "i" if level.pattern.flags & re.IGNORECASE else ""
        parts.append(f"(?P<L{index}>(?{flags}:{source}))" if flags else f"(?P<L{index}>{source})")
    return re.compile("|".join(parts)) if parts else _NEVER


@dataclass(frozen=True)
class Level:
    """One kind of numbered line.

    ``pattern`` must define the groups ``num`` (the number as written) and ``label`` (the bare
    number), and may define ``heading`` (text on the same line that is the unit's heading) or
    ``rest`` (text on the same line that is the start of its content). ``rank`` orders levels:
    a unit nests inside the nearest open unit of a lower rank. ``heading_on_next_line`` lets the
    next plain line become the heading ("Article 5" / "Subject matter").

    ``numbering`` says whether the labels are letters or roman numerals (see the constants
    above): a letter level and a roman level of the same case make "(i)" ambiguous, and the
    parser resolves it from the neighbouring points. ``sequential`` accepts a unit only when its
    number follows the previous one of the same level (for bare "1 Heading" clauses, which
    quoted amendments and stray lines would otherwise imitate). ``annex`` opens an annex or
    schedule: after it only other annex lines are structural, so that a schedule's paragraphs
    are never taken for articles of the bill.
    """

    kind: str
    rank: int
    pattern: re.Pattern[str]
    heading_on_next_line: bool = False
    inside_article: bool = False  # only recognised inside an article (paragraphs, points)
    numbering: str = ""
    sequential: bool = False
    annex: bool = False


class Profile:
    """A numbering grammar. Subclasses set the class attributes and register themselves."""

    name: ClassVar[str] = ""
    aliases: ClassVar[tuple[str, ...]] = ()
    language: ClassVar[str] = ""
    description: ClassVar[str] = ""
    levels: tuple[Level, ...] = ()  # an instance may learn its own (see generic)
    #: The profile learns its heading words from the document (see :meth:`prepare`).
    learns: ClassVar[bool] = False
    #: A line that opens a table of contents.
    toc_marker: ClassVar[re.Pattern[str]] = re.compile(
        r"^(Оглавление|Содержание|Мазмұны|Contents?|Table of contents|Inhaltsverzeichnis"
        r"|Inhaltsübersicht|Sommaire|Table des matières|Yaliyomo"
        # Commonwealth bills and acts (Barbados, Kenya, Nigeria, Tanzania ...)
        r"|Arrangement of (?:Sections|Clauses|Provisions|Regulations|Rules))\s*:?$",
        re.IGNORECASE,
    )
    #: A line that is an editorial note of its unit, not law text.
    note_marker: ClassVar[re.Pattern[str] | None] = None
    #: A line that opens the back matter (attestation, signatures, back cover): once the body
    #: has begun, it and every line after it are the bill's conclusions, not the last article.
    end_marker: ClassVar[re.Pattern[str] | None] = None
    #: Text that marks an article as excluded or repealed (a stub).
    stub_marker: ClassVar[re.Pattern[str]] = _NEVER
    #: Common words of the profile's language: they tell "Article 5" in French from English.
    words: ClassVar[re.Pattern[str] | None] = None
    #: Lines typical of the tradition that are not numbered units ("Resolved by the Senate"):
    #: they count for detection, so that a one-section resolution is still recognised.
    signature: ClassVar[re.Pattern[str] | None] = None
    #: Lines are wrapped inside paragraphs (Markdown from gesetze-im-internet): only a line
    #: that starts a paragraph of the source (after a blank line) can start a unit, so that a
    #: wrapped "1. Mai" or "§ 5 gilt" in running text is never taken for a number.
    wrapped: ClassVar[bool] = False
    #: A line that ends by introducing quoted text without quote marks (UK prints rendered as
    #: text: "After section 96 insert—"), and the line that closes such a quotation (".", ";").
    quote_intro: ClassVar[re.Pattern[str] | None] = None
    quote_close: ClassVar[re.Pattern[str]] = re.compile(r"^[”\"’»]?\s*[.;,:](?:\s*(?:and|or))?$")
    #: How an amending instruction begins ("In section 5 ...", "After subsection (2) ..."):
    #: after a whole quoted section, a number followed by these words is the bill's again.
    amending_words: ClassVar[re.Pattern[str] | None] = None
    #: Opening and closing quote marks that delimit quoted structure ("«Статья 5. ...»").
    quote_pairs: ClassVar[tuple[tuple[str, str], ...]] = (("«", "»"), ("“", "”"))

    def classify(self, text: str, *, in_article: bool) -> tuple[Level, re.Match[str]] | None:
        # One combined match rules out the ordinary line, and names the level that matches:
        # parsing stays one regex per line, and one more for a structural line's groups.
        combined = self.any_level(in_article=in_article).match(text)
        if combined is None:
            return None
        first = combined.lastgroup
        if first is not None:
            level = self.levels[int(first[1:])]
            match = level.pattern.match(text)
            if match:
                return level, match
        for level in self.levels:  # not expected: the level's own flags differ, say
            if level.inside_article and not in_article:
                continue
            match = level.pattern.match(text)
            if match:
                return level, match
        return None

    def any_level(self, *, in_article: bool) -> re.Pattern[str]:
        """One pattern that matches wherever some level (structural only, unless
        ``in_article``) matches: the alternation of the levels' patterns, groups unnamed."""
        key = (type(self), in_article)
        combined = _COMBINED.get(key)
        if combined is None:
            combined = _COMBINED[key] = _combine(self.levels, in_article)
        return combined

    def matches(self, text: str, *, in_article: bool) -> list[tuple[Level, re.Match[str]]]:
        """Every level that this line fits, in order: "(i)" fits a letter and a roman level."""
        found: list[tuple[Level, re.Match[str]]] = []
        for level in self.levels:
            if level.inside_article and not in_article:
                continue
            match = level.pattern.match(text)
            if match:
                found.append((level, match))
        return found

    def prepare(self, lines: list[str]) -> Profile:
        """This profile made ready for a document's lines (a profile that learns from the
        document, such as ``generic``, returns a new instance; others return themselves)."""
        return self

    def label(self, raw: str) -> str:
        """The normalised number: ``"VІI"`` -> ``"VII"``, ``"3 - 1"`` -> ``"3-1"``."""
        label = _HYPHEN.sub("-", raw.strip())
        if _ROMAN_WHOLE.fullmatch(label):
            label = lookalikes(label)
        return label

    def language_of(self, blocks: Sequence[Block]) -> str:
        """The language of a document this profile parsed (a profile may serve several)."""
        return self.language

    def is_stub(self, text: str) -> bool:
        """Does this article text only say that the article was excluded or repealed?"""
        return len(text) < 400 and bool(self.stub_marker.search(text))

    def is_heading_line(self, text: str) -> bool:
        """Can this plain line be the heading of a unit whose number stood alone on its line?"""
        return len(text) <= 200 and not text.rstrip().endswith((".", ";", ",", ":"))

    def article_lines(self, lines: list[str]) -> list[tuple[int, NumberKey]]:
        """Where the lines' article headings stand, with the place of each one's number in a
        numbering (:func:`label_key`). Detection compares the longest increasing run of these
        (a table of contents or quoted articles repeat or break the order and add little)."""
        levels = tuple(level for level in self.levels if level.kind == "article")
        if not levels:
            return []
        # One combined match per line, in C; the levels' own patterns only on the hits.
        any_article = _combine(levels, in_article=False).match
        hits = [i for i, hit in enumerate(map(any_article, lines)) if hit and len(lines[i]) <= 300]
        # After an annex heading the parser reads only annexes: a schedule's numbered rows are
        # no articles unless they go on with the numbering of those before it. An annex named
        # before any article, and named again later, is an entry of the contents.
        annexes = tuple(level for level in self.levels if level.annex)
        first_annex = len(lines)
        if annexes and hits:
            any_annex = _combine(annexes, in_article=False).match
            named = [i for i, hit in enumerate(map(any_annex, lines)) if hit]
            remaining = Counter(lines[i] for i in named)  # how often each is named from here
            for i in named:
                remaining[lines[i]] -= 1
                if i > hits[0] or not remaining[lines[i]]:
                    first_annex = i
                    break
        found_lines: list[tuple[int, NumberKey]] = []
        last_before: NumberKey | None = None
        for index in hits:
            for level in levels:
                found = level.pattern.match(lines[index])
                if found is not None:
                    key = label_key(found["label"])
                    if index < first_annex:
                        last_before = key
                    elif last_before is None or key <= last_before:
                        break
                    found_lines.append((index, key))
                    break
        return found_lines

    def score(self, lines: list[str]) -> int:
        """How many lines look like articles or chapters of this profile, weighed down when
        the text is not in the profile's language (French "Article 5" is not EU English)."""
        structural = self.any_level(in_article=False)
        short = [line for line in lines if len(line) <= 300]
        # map() keeps the loop over the lines in C: detection runs every profile on every line
        found = list(map(structural.match, short))
        count = len(found) - found.count(None)
        if self.signature is not None:
            signature = self.signature.match
            count += sum(
                1 for line, hit in zip(short, found, strict=True) if hit is None and signature(line)
            )
        if self.words is None or not count:
            return count
        # A sample is enough to tell the language, and keeps detection linear and fast.
        step = max(1, len(lines) // 500)
        sample = lines[::step]
        share = sum(1 for line in sample if self.words.search(line)) / len(sample)
        return int(count * min(1.0, 0.05 + 2 * share) + 0.5)
