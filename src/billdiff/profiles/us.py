"""United States Congress: bills and resolutions as printed (and as USLM rendered to text)."""

from __future__ import annotations

import re

from billdiff.profiles.base import LOWER, LOWER_ROMAN, UPPER, UPPER_ROMAN, Level, Profile
from billdiff.profiles.registry import register

_ROMAN = r"[IVXLC]+"


def _division(word: str, kind: str, rank: int, label: str) -> Level:
    """ "TITLE I—GENERAL PROVISIONS", "Subtitle A—Heading", "TITLE II DEPARTMENT OF ..."."""
    return Level(
        kind,
        rank,
        re.compile(rf"^(?P<num>{word}\s+(?P<label>{label})\b\s*[—–-]?)\s*(?P<heading>.*)$"),
        heading_on_next_line=True,
    )


@register
class UnitedStates(Profile):
    """US Congress: DIVISION A—, TITLE I—, Subtitle A—, CHAPTER 1—, PART A—, sections
    "SEC. 101. SHORT TITLE." (also "Sec. 101." and "SECTION 1."), subsections "(a)",
    paragraphs "(1)", subparagraphs "(A)", clauses "(i)" and subclauses "(I)".

    "(i)" and "(I)" are letters after "(h)"/"(H)" and roman numerals otherwise; the parser
    settles each from its neighbours. A line opening with a quote mark (“SEC. 5. ...) is
    quoted text of an amendment and stays in the section that quotes it.
    """

    end_marker = re.compile(
        r"^(Passed the (House of Representatives|Senate)\b|Attest:|Speaker of the House of "
        r"Representatives\.?$|Vice President of the United States and President of the Senate"
        r"|(Union )?Calendar No\. ?\d+)"
    )
    name = "us"
    aliases = ("usa", "congress", "uslm", "united-states")
    language = "en"
    description = "US Congress: TITLE I—, Subtitle A—, SEC. 101., (a)(1)(A)(i)(I)"
    levels = (
        _division("DIVISION", "part", 0, r"[A-Z]"),
        _division("TITLE", "title", 1, _ROMAN + r"|\d+"),
        _division("Subtitle", "chapter", 2, r"[A-Z]"),
        _division("CHAPTER", "chapter", 3, r"\d+"),
        _division("PART", "section", 4, r"[A-Z]|\d+"),
        Level(
            "article",
            10,
            re.compile(
                r"^(?P<num>(?:SECTION|SEC\.|Sec\.|Section)\s+(?P<label>\d+[A-Za-z]?(?:-\d+)?)\.)"
                r"\s*(?P<heading>.*)$"
            ),
        ),
        Level(
            "paragraph",
            11,
            re.compile(r"^(?P<num>\((?P<label>[a-z]{1,3})\))\s*(?P<rest>.*)$"),
            inside_article=True,
            numbering=LOWER,
        ),
        Level(
            "point",
            12,
            re.compile(r"^(?P<num>\((?P<label>\d+[A-Z]?)\))\s*(?P<rest>.*)$"),
            inside_article=True,
        ),
        Level(
            "point",
            13,
            re.compile(r"^(?P<num>\((?P<label>[A-Z]{1,3})\))\s*(?P<rest>.*)$"),
            inside_article=True,
            numbering=UPPER,
        ),
        Level(
            "point",
            14,
            re.compile(r"^(?P<num>\((?P<label>[ivxl]+)\))\s*(?P<rest>.*)$"),
            inside_article=True,
            numbering=LOWER_ROMAN,
        ),
        Level(
            "point",
            15,
            re.compile(r"^(?P<num>\((?P<label>[IVXL]+)\))\s*(?P<rest>.*)$"),
            inside_article=True,
            numbering=UPPER_ROMAN,
        ),
    )
    stub_marker = re.compile(
        r"\[(?:repealed|reserved)\]|^(?:(?:SEC\.|SECTION)\s+\d+\w*\.\s*)?\W*(?:repealed|reserved)\W*$",
        re.I | re.M,
    )
    words = re.compile(r"\b(?:the|of|and|shall|to|in|or|by)\b", re.I)
    quote_pairs = (("“", "”"),)
    signature = re.compile(
        r"^(?:Resolved by the (?:Senate|House of Representatives)|Resolved, [Tt]hat\b"
        r"|Be it enacted by the Senate"
        r"|(?:JOINT |CONCURRENT )?RESOLUTION$|A BILL$|IN THE (?:SENATE OF THE UNITED STATES"
        r"|HOUSE OF REPRESENTATIVES)$|\d+(?:st|nd|rd|th) CONGRESS\b)"
    )
