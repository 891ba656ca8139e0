"""France: codes, ordonnances and bills as published by Légifrance and the Assemblée."""

from __future__ import annotations

import re

from billdiff.profiles.base import LOWER, Level, Profile
from billdiff.profiles.registry import register

_I = re.IGNORECASE
_LATIN = r"(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies|[A-Z])"
# "1er", "9-2", "76-1-1", "L4111-1-1", "L. 123-4", "LO 19-11-5", "R*12-3", "25 bis", "4 A".
# "Article unique" (Catalan "Article únic"): the sole article of a law, often one that
# approves a text whose own articles follow.
_ARTICLE = rf"(?:(?:(?:LO|L|R|D|A)\.?\s?\*?)?\d+(?:er)?(?:-\d+)*(?:\s+{_LATIN})?|unique|únic)"
_DIVISION = r"(?:[IVXLC]+(?:er)?|\d+(?:er)?|premier|première|préliminaire|unique)(?:\s+{_LATIN})?"


def _division(word: str, kind: str, rank: int) -> Level:
    return Level(
        kind,
        rank,
        re.compile(
            rf"^(?P<num>{word}\s+(?P<label>{_DIVISION.format(_LATIN=_LATIN)})\s*[-–—:.]?)"
            r"(?:\s+(?P<heading>\S.*))?$",
            _I,
        ),
        heading_on_next_line=True,
    )


@register
class France(Profile):
    """France: Livre / Titre / Chapitre / Section / Sous-section / Paragraphe, "Article 1er"
    (label "1"), "Article L4111-1-1", "Article 9-2", "Article 25 bis", parts "I. –", items
    "1°" and "1° bis", letters "a)", and "(abrogé)" stubs.

    An article number stands alone on its line (or before a dash and a heading), so that
    "Article 10 à 18 de la loi du 30 août 1883" in a list of repealed texts is not an article.
    """

    name = "fr"
    aliases = ("france", "french", "francais", "français")
    language = "fr"
    description = "France: Livre/Titre/Chapitre/Section, Article 1er / L4111-1, I. –, 1°, a)"
    levels = (
        _division("Livre", "part", 0),
        _division("Partie", "part", 0),
        _division("Titre", "title", 1),
        _division("Chapitre", "chapter", 2),
        _division("Section", "section", 3),
        _division("Sous-section", "section", 4),
        _division("Paragraphe", "section", 5),
        Level(
            "article",
            10,
            re.compile(
                rf"^(?P<num>Article\s+(?P<label>{_ARTICLE})\s*(?:[-–—:.]\s*)?)"
                r"(?:$|(?<=[-–—:.]\s)(?P<heading>\S.*)$|(?<=[-–—:.])(?P<rest>\S.*)$)",
                _I,
            ),
        ),
        Level(
            "paragraph",
            11,
            re.compile(r"^(?P<num>(?P<label>[IVX]+)\.\s*[-–—])\s*(?P<rest>.*)$"),
            inside_article=True,
        ),
        Level(
            "point",
            12,
            re.compile(rf"^(?P<num>(?P<label>\d+°(?:\s+{_LATIN}\b)?))\s*(?P<rest>.*)$"),
            inside_article=True,
        ),
        Level(
            "point",
            13,
            re.compile(r"^(?P<num>(?P<label>[a-z])\))\s*(?P<rest>.*)$"),
            inside_article=True,
            numbering=LOWER,
        ),
        Level(
            "part",
            -1,
            re.compile(r"^(?P<num>ANNEXE(?:\s+(?P<label>[IVX]+|\d+))?)\s*$", _I),
            heading_on_next_line=True,
            annex=True,
        ),
    )
    stub_marker = re.compile(r"\((?:abrogé|abrogée|abrogés|supprimé|supprimée)\)|^abrogé", _I)
    words = re.compile(r"\b(?:le|la|les|des|du|est|aux|une|sont|dans)\b", re.I)

    def label(self, raw: str) -> str:
        """``"1er"`` -> ``"1"``, ``"L. 4111-1"`` -> ``"L4111-1"``, ``"25 bis"`` -> ``"25bis"``,
        ``"premier"`` -> ``"1"``, ``"1° bis"`` -> ``"1bis"``."""
        text = raw.strip()
        if text.lower() in ("premier", "première", "1er", "ier"):
            return "1"
        text = re.sub(r"^(\d+|[IVXLC]+)er\b", r"\1", text)
        text = re.sub(r"^((?:LO|L|R|D|A))\.?\s?\*?", r"\1", text)
        text = re.sub(r"[\s°]+", "", text)
        return super().label(text)
