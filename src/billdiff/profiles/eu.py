"""English "Article N" drafting in the EU style."""

from __future__ import annotations

import re

from billdiff.profiles.base import LOWER, LOWER_ROMAN, ROMAN, Level, Profile
from billdiff.profiles.registry import register

_I = re.IGNORECASE


@register
class EuropeanUnion(Profile):
    """EU style, in English: TITLE / CHAPTER / SECTION, "Article 5" with its heading on the next
    line, paragraphs "1.", points "(a)", sub-points "(i)", and ANNEX I, II ... after the
    articles (an annex's numbered lines are never articles of the act)."""

    name = "eu"
    aliases = ("en", "english", "article")
    language = "en"
    description = 'EU style, English: "Article N" + heading line, 1., (a), (i)'
    levels = (
        Level(
            "part",
            0,
            re.compile(rf"^(?P<num>PART\s+(?P<label>\d+|{ROMAN}|[A-Z]+))\s*$"),
            heading_on_next_line=True,
        ),
        Level(
            "title",
            1,
            re.compile(rf"^(?P<num>TITLE\s+(?P<label>\d+|{ROMAN}))\s*$"),
            heading_on_next_line=True,
        ),
        Level(
            "chapter",
            2,
            re.compile(rf"^(?P<num>CHAPTER\s+(?P<label>\d+|{ROMAN}))\s*$", _I),
            heading_on_next_line=True,
        ),
        Level(
            "section",
            3,
            re.compile(rf"^(?P<num>SECTION\s+(?P<label>\d+|{ROMAN}))\s*$"),
            heading_on_next_line=True,
        ),
        Level(
            "article",
            4,
            re.compile(
                # A heading on the same line only after a separator: "Article 5 – Scope", never
                # "Article 4 of Regulation (EU) 2020/5 is replaced by the following:".
                # Upper case ("ARTICLE 5") and "Art. 5" too; suffixes of up to three letters
                # ("52ca"); the separator may follow the number directly ("Article 5: Scope").
                r"^(?P<num>(?i:Article|Art\.)\s*(?P<label>\d+[a-z]{0,3})"
                r"(?:(?:\s*[.:]|\s+[-–—])(?=\s+\S)|[.:]?))"
                r"(?:\s+(?P<heading>(?<=[.\-–—:]\s)\S.*))?\s*$"
            ),
            heading_on_next_line=True,
        ),
        Level(
            "paragraph",
            5,
            re.compile(r"^(?P<num>(?P<label>\d+[a-z]?)\.)\s+(?P<rest>\S.*)$"),
            inside_article=True,
        ),
        Level(
            "point",
            6,
            re.compile(r"^(?P<num>\((?P<label>[a-z]{1,2})\))\s*(?P<rest>.*)$"),
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
        Level(
            "part",
            -1,
            re.compile(rf"^(?P<num>ANNEX(?:\s+(?P<label>{ROMAN}|\d+))?)\s*$"),
            heading_on_next_line=True,
            annex=True,
        ),
    )
    words = re.compile(r"\b(?:the|of|and|shall|to|in|or|by)\b", re.I)
    # Searched in the article's whole text, number and heading included ("Article 4 Deleted").
    stub_marker = re.compile(
        r"^(?:Article\s+\d+[a-z]?\.?\s*)?\W*(?:deleted|repealed)\W*$|\[repealed\]", _I | re.M
    )
