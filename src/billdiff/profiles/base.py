"""What a numbering profile is: the line patterns of one drafting tradition."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from billdiff.normalize import lookalikes

ROMAN = r"[IVXLCDMІХ]+"  # Cyrillic І and Х stand in for Latin I and X in real texts


@dataclass(frozen=True)
class Level:
    """One kind of numbered line.

    ``pattern`` must define the groups ``num`` (the number as written) and ``label`` (the bare
    number), and may define ``heading`` (text on the same line that is the unit's heading) or
    ``rest`` (text on the same line that is the start of its content). ``rank`` orders levels:
    a unit nests inside the nearest open unit of a lower rank. ``heading_on_next_line`` lets the
    next plain line become the heading ("Article 5" / "Subject matter").
    """

    kind: str
    rank: int
    pattern: re.Pattern[str]
    heading_on_next_line: bool = False
    inside_article: bool = False  # only recognised inside an article (paragraphs, points)


class Profile:
    """A numbering grammar. Subclasses set the class attributes and register themselves."""

    name: ClassVar[str] = ""
    aliases: ClassVar[tuple[str, ...]] = ()
    language: ClassVar[str] = ""
    description: ClassVar[str] = ""
    levels: ClassVar[tuple[Level, ...]] = ()
    #: A line that opens a table of contents.
    toc_marker: ClassVar[re.Pattern[str]] = re.compile(
        r"^(Оглавление|Содержание|Мазмұны|Contents|Table of contents)\s*:?$", re.IGNORECASE
    )
    #: A line that is an editorial note of its unit, not law text.
    note_marker: ClassVar[re.Pattern[str] | None] = None
    #: Text that marks an article as excluded or repealed (a stub).
    stub_marker: ClassVar[re.Pattern[str]] = re.compile(r"(?!x)x")

    def classify(self, text: str, *, in_article: bool) -> tuple[Level, re.Match[str]] | None:
        for level in self.levels:
            if level.inside_article and not in_article:
                continue
            match = level.pattern.match(text)
            if match:
                return level, match
        return None

    def label(self, raw: str) -> str:
        """The normalised number: ``"VІI"`` -> ``"VII"``, ``"3 - 1"`` -> ``"3-1"``."""
        label = re.sub(r"\s*-\s*", "-", raw.strip())
        if re.fullmatch(ROMAN, label):
            label = lookalikes(label)
        return label

    def is_stub(self, text: str) -> bool:
        """Does this article text only say that the article was excluded or repealed?"""
        return len(text) < 400 and bool(self.stub_marker.search(text))

    def is_heading_line(self, text: str) -> bool:
        """Can this plain line be the heading of a unit whose number stood alone on its line?"""
        return len(text) <= 200 and not text.rstrip().endswith((".", ";", ",", ":"))

    def score(self, lines: list[str]) -> int:
        """How many lines look like articles or chapters of this profile."""
        structural = [lv for lv in self.levels if not lv.inside_article]
        return sum(1 for line in lines for lv in structural if lv.pattern.match(line))
