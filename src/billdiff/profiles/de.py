"""Germany: federal statutes as published by gesetze-im-internet.de (and its Markdown copies)."""

from __future__ import annotations

import re

from billdiff.profiles.base import LOWER, Level, Profile
from billdiff.profiles.registry import register

_I = re.IGNORECASE

# German ordinal words used in headings ("Zweiter Abschnitt", "Fünftes Kapitel"), stem -> number.
_ORDINALS: dict[str, int] = {
    "erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7,
    "siebent": 7, "acht": 8, "neunt": 9, "zehnt": 10, "elft": 11, "zwölft": 12,
    "dreizehnt": 13, "vierzehnt": 14, "fünfzehnt": 15, "sechzehnt": 16, "siebzehnt": 17,
    "achtzehnt": 18, "neunzehnt": 19, "zwanzigst": 20,
}  # fmt: skip
_ORDINAL = (
    "(?:(?:" + "|".join(sorted(_ORDINALS, key=len, reverse=True)).title() + ")(?:es|er|e|en))"
)
_NUMBER = rf"(?:\d+[a-z]?|[IVXLC]+|{_ORDINAL})"
_JOINERS = re.compile(r"\s*(?:bis|und|,)\s*")
_ORDINAL_WORD = re.compile(r"^([A-Za-zÄÖÜäöüß]+?)(?:es|er|e|en)$")


def _division(word: str, kind: str, rank: int) -> Level:
    """ "Zweiter Abschnitt - Heading", "Abschnitt 2 - Heading", "Abschnitt 2" alone."""
    return Level(
        kind,
        rank,
        re.compile(
            rf"^(?P<num>(?:(?P<label>{_NUMBER})\s+{word}|{word}\s+(?P<label2>{_NUMBER}))\b"
            r"\s*[-–—:.]?)\s*(?P<heading>.*)$"
        ),
    )


@register
class Germany(Profile):
    """Germany: Buch, Teil, Kapitel, Abschnitt, Unterabschnitt, Titel, Untertitel (numbered
    "Zweiter Abschnitt" or "Abschnitt 2"), "§ 1 Heading" and inserted "§ 47a", stub headings
    "§§ 4 bis 18 (weggefallen)", paragraphs "(1)", numbers "1.", letters "a)" and "aa)", and
    "Anlage" after the §§.

    The Markdown of gesetze-im-internet wraps paragraphs over several lines, so a number only
    counts at the start of a paragraph of the source.
    """

    name = "de"
    aliases = ("germany", "deutsch", "german", "gesetz")
    language = "de"
    description = "Germany: Buch/Teil/Kapitel/Abschnitt/Titel, § 1, (1), 1., a), aa)"
    levels = (
        _division("Buch", "part", 0),
        _division("Teil", "part", 1),
        _division("Kapitel", "chapter", 2),
        _division("Abschnitt", "section", 3),
        _division("Unterabschnitt", "section", 4),
        _division("Titel", "title", 5),
        _division("Untertitel", "title", 6),
        # "I. - Verfahren": roman subdivisions of an Abschnitt (GWB).
        Level(
            "section",
            5,
            re.compile(r"^(?P<num>(?P<label>[IVX]+)\.\s*[-–—])\s*(?P<heading>\S.*)$"),
        ),
        Level(
            "article",
            10,
            re.compile(
                r"^(?P<num>(?:\(XXXX\)\s*)?§§\s*(?P<label>\d+[a-z]?\s*(?:bis|und|,)\s*\d+[a-z]?))"
                r"\s*(?P<heading>.*)$"
            ),
        ),
        # "§ 1 Errichtung", "§ 23" alone; not a paragraph that opens with a reference
        # ("§ 28a Abs. 5 sowie ... gelten", "§ 6c des Gesetzes findet Anwendung.").
        Level(
            "article",
            10,
            re.compile(
                r"^(?P<num>§\s*(?P<label>\d+[a-z]{0,2}))"
                r"(?:\s+(?P<heading>(?!(?:Abs|Absatz|Satz|Nr|Nummer|gilt|gelten)\b)[^a-zäöü\s].*))?$"
            ),
        ),
        Level(
            "part",
            -1,
            re.compile(r"^(?P<num>Anlage(?:\s+(?P<label>\d+[a-z]?|[IVX]+))?)\b\s*(?P<heading>.*)$"),
            annex=True,
        ),
        Level(
            "paragraph",
            11,
            re.compile(r"^(?P<num>\((?P<label>\d+[a-z]?)\))\s*(?P<rest>.*)$"),
            inside_article=True,
        ),
        Level(
            "point",
            12,
            re.compile(r"^(?P<num>(?P<label>\d+[a-z]?)\.)\s+(?P<rest>\S.*)$"),
            inside_article=True,
        ),
        Level(
            "point",
            14,
            re.compile(
                r"^(?P<num>(?P<label>(?:aa|bb|cc|dd|ee|ff|gg|hh|ii|jj|kk|ll|mm|nn|oo|pp|qq|rr|ss|tt|uu|vv|ww|xx|yy|zz))\))\s+(?P<rest>\S.*)$"
            ),
            inside_article=True,
        ),
        Level(
            "point",
            13,
            re.compile(r"^(?P<num>(?P<label>[a-z])\))\s+(?P<rest>\S.*)$"),
            inside_article=True,
            numbering=LOWER,
        ),
    )
    toc_marker = re.compile(r"^(Inhaltsverzeichnis|Inhaltsübersicht)\s*:?$", _I)
    stub_marker = re.compile(r"\(?\bweggefallen\b\)?|\baufgehoben\b", _I)
    words = re.compile(r"\b(?:der|die|das|und|nach|wird|werden|oder|nicht)\b", re.I)
    wrapped = True
    # German quotes open low and close high: „§ 5 ...“ (and »...« in some texts).
    quote_pairs = (("„", "“"), ("»", "«"))

    def label(self, raw: str) -> str:
        """``"Zweiter"`` -> ``"2"``, ``"4 bis 18"`` -> ``"4-18"``, ``"47a"`` -> ``"47a"``."""
        text = raw.strip()
        word = _ORDINAL_WORD.match(text)
        if word and not text.isdigit():
            stem = word.group(1).lower()
            for candidate in (stem, stem + "e", stem.rstrip("e")):
                if candidate in _ORDINALS:
                    return str(_ORDINALS[candidate])
        text = _JOINERS.sub("-", text)
        return super().label(text)
