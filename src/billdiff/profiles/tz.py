"""Tanzania (and East African Commonwealth drafting), in Swahili or English."""

from __future__ import annotations

import re

from billdiff.profiles.base import LOWER, LOWER_ROMAN, Level, Profile
from billdiff.profiles.registry import register


@register
class Tanzania(Profile):
    """Tanzania, Swahili or English: articles ("ibara") and sections "1. Heading" with the
    number and heading on one line, inserted "46A.", subsections "(1)", paragraphs "(a)",
    sub-paragraphs "(i)", and "Nyongeza" / "Schedule" after the articles.

    Articles carry no keyword, so a "12. Heading" line is an article only when 12 follows the
    previous article.
    """

    name = "tz"
    aliases = ("tanzania", "sw", "swahili", "kiswahili")
    language = "sw"
    description = 'Tanzania (Swahili/English): articles "1. Heading", (1), (a), (i)'
    levels = (
        Level(
            "part",
            0,
            re.compile(
                r"^(?P<num>(?:SEHEMU|Sehemu|PART|Part)\s+(?P<label>[IVXL]+|\d+|[A-Z][a-z]+))$"
            ),
            heading_on_next_line=True,
        ),
        Level(
            "article",
            4,
            # "37. Utekelezaji wa kazi ... n.k.3" (a footnote mark), or "10." alone when repealed;
            # "15. Accountability of manager: sub-council" (a colon inside, never at the end);
            # "10. ..." or "10. [Repealed by By-law 5 of 2001]" (a section whose text is left out);
            # "4. (1) The Minister may ..." opens the section with its first subsection.
            re.compile(
                r"^(?P<num>(?P<label>\d{1,3}[A-Z]?)\.)(?:\s+(?P<heading>[A-Z][^;]{0,150}(?<![.:])|\.{3}|…|\[[^\]]{1,150}\]\.?)"
                r"|\s*(?P<rest>\(1\)(?:\s*\S.*)?))?$"
            ),
            sequential=True,
        ),
        Level(
            "paragraph",
            5,
            re.compile(r"^(?P<num>\((?P<label>\d+[A-Z]?)\))\s*(?P<rest>.*)$"),
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
            re.compile(
                r"^(?P<num>(?:NYONGEZA|Nyongeza)\s+ya\s+(?P<label>\w+)"
                r"|(?:SCHEDULE|Schedule)(?:\s+(?P<label2>\w+))?)$"
            ),
            heading_on_next_line=True,
            annex=True,
        ),
    )
    stub_marker = re.compile(r"\[Imefutwa\b|\[Repealed\b", re.I)
    words = re.compile(r"\b(?:ya|na|wa|kwa|katika|za|la|hii)\b")
