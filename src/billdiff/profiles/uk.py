"""United Kingdom: Public Bills of the UK Parliament (prints and their text renderings)."""

from __future__ import annotations

import re

from billdiff.profiles.base import LOWER, LOWER_ROMAN, Level, Profile
from billdiff.profiles.registry import register


@register
class UnitedKingdom(Profile):
    """UK Parliament bills: Part 1, Chapter 1, clauses "1 Heading" (the number and heading on
    one line), subsections "(1)", paragraphs "(a)", sub-paragraphs "(i)", and Schedules.

    A bare "12 Heading" line is a clause only when 12 follows the previous clause, so that the
    sections that an amendment inserts into another Act ("96A Advisory panel", quoted without
    quote marks after "insert—") stay text of the clause. After "Schedule 1" nothing is a clause
    of the bill: a Schedule's numbered paragraphs belong to the Schedule.
    """

    name = "uk"
    aliases = ("gb", "united-kingdom", "westminster", "ukpga")
    language = "en"
    description = 'UK bills: Part, Chapter, clauses "1 Heading", (1), (a), (i), Schedules'
    levels = (
        Level(
            "part",
            0,
            re.compile(r"^(?P<num>(?:PART|Part)\s+(?P<label>\d+[A-Z]?))(?:\s+(?P<heading>\S.*))?$"),
            heading_on_next_line=True,
        ),
        Level(
            "chapter",
            2,
            re.compile(
                r"^(?P<num>(?:CHAPTER|Chapter)\s+(?P<label>\d+[A-Z]?))(?:\s+(?P<heading>\S.*))?$"
            ),
            heading_on_next_line=True,
        ),
        Level(
            "article",
            4,
            # "11 Acts may be altered etc. in same session", Australian "34AAA Exercise …":
            # a heading has no full stop but an abbreviation's (a sentence has one), "… etc."
            # at its end too.
            re.compile(
                r"^(?P<num>(?P<label>\d{1,3}[A-Z]{0,3}))\s+(?P<heading>[A-Z“‘\"(](?:[^.;]|\.(?=\s[a-z]))*(?:(?<=\betc)\.)?)$"
            ),
            sequential=True,
        ),
        Level(
            "part",
            -1,
            re.compile(r"^(?P<num>(?:SCHEDULE|Schedule)\s+(?P<label>\d+[A-Z]?))\s*$"),
            annex=True,
        ),
        Level(
            "paragraph",
            5,
            re.compile(r"^(?P<num>\((?P<label>\d+[A-Z]{0,2})\))\s*(?P<rest>.*)$"),
            inside_article=True,
        ),
        Level(
            "point",
            6,
            re.compile(r"^(?P<num>\((?P<label>[a-z]{1,3})\))\s*(?P<rest>.*)$"),
            inside_article=True,
            numbering=LOWER,
        ),
        Level(
            "point",
            7,
            re.compile(r"^(?P<num>\((?P<label>[ivxl]+)\))\s*(?P<rest>.*)$"),
            inside_article=True,
            numbering=LOWER_ROMAN,
        ),
    )
    toc_marker = re.compile(r"^(CONTENTS|Contents)\s*$")
    stub_marker = re.compile(
        r"^(?:\d+[A-Z]*\s+)?\W*(?:repealed|omitted)\W*$|\[repealed\]", re.I | re.M
    )
    words = re.compile(r"\b(?:the|of|and|must|to|in|or|by)\b", re.I)
    amending_words = re.compile(
        # not "In this section" or "For the purposes of ...": quoted law says that too
        r"^(?:In (?!this\b)|After |Before |For (?!the purposes\b)|Omit |Leave out "
        r"|At the end |Section \S+ "
        r"|Schedule \S+ |The \S+ .*\bis amended)"
    )
    # "After section 96 insert—", or "after paragraph (c) insert “and" whose quotation goes
    # on over the next lines.
    quote_intro = re.compile(
        r"\b(?:insert|substitute|read|following|add|inserted|substituted)"
        r"(?:\s*[—–:]|\s+[“‘][^”’]*)$"
    )
