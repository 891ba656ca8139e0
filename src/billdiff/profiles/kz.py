"""Kazakhstan, in Russian and in Kazakh (the same grammar serves both languages)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from billdiff.profiles.base import LOWER, ROMAN, Level, Profile
from billdiff.profiles.registry import register
from billdiff.readers.base import Block

_NUM = r"\d+(?:\s*-\s*\d+)*"
_I = re.IGNORECASE

# Keywords as real texts spell them, with Latin look-alikes typed for Cyrillic letters
# ("Cтатья" with a Latin C, "тараy", "Паpагpаф" with Latin p).
_STATYA = "[СC]т[аa]ть[яЯ]"
_BAP = "б[аa]п"
_GLAVA = "Гл[аa]в[аa]"
_TARAU = "т[аa][рp][аa][уyү]"
_RAZDEL = "[РP][аa]зд[еe]л"
_BOLIM = "бөлім"
_PARAGRAF = "П[аa][рp][аa]г[рp][аa]ф"


@register
class Kazakhstan(Profile):
    """Kazakhstan (and Russia): Раздел/бөлім, Глава/тарау, Параграф, "Статья 5." / "5-бап.",
    paragraphs "1.", subparagraphs "1)", letter points "а)", inserted numbers "3-1", "5-1)".

    Footnotes «Сноска», «Ескерту» and «Ескертпе» are notes of their article.
    """

    name = "kz"
    aliases = ("kazakhstan", "ru", "kk", "russian", "kazakh", "cis")
    language = "ru"
    description = "Kazakhstan/Russia, Russian and Kazakh: Статья N. / N-бап., 1., 1), а)"
    levels = (
        Level(
            "part",
            0,
            re.compile(
                rf"^(?P<num>{_RAZDEL}\s+(?P<label>\d+|{ROMAN})\s*\.?)(?:\s+(?P<heading>.*))?$", _I
            ),
        ),
        Level(
            "part",
            0,
            re.compile(
                rf"^(?P<num>(?P<label>\d+|{ROMAN})\s*(?:-\s*)?{_BOLIM}\s*\.?)(?:\s+(?P<heading>.*))?$",
                _I,
            ),
        ),
        Level(
            "chapter",
            2,
            re.compile(
                rf"^(?P<num>{_GLAVA}\s+(?P<label>(?:\d+|{ROMAN})(?:-\d+)?)\s*\.?)(?:\s+(?P<heading>.*))?$",
                _I,
            ),
        ),
        Level(
            "chapter",
            2,
            re.compile(
                rf"^(?P<num>(?P<label>(?:\d+|{ROMAN})(?:-\d+)?)\s*(?:-\s*)?{_TARAU}\s*\.?)(?:\s+(?P<heading>.*))?$",
                _I,
            ),
        ),
        Level(
            "section",
            3,
            re.compile(
                rf"^(?P<num>{_PARAGRAF}\s+(?P<label>{_NUM})\s*\.?)(?:\s+(?P<heading>.*))?$", _I
            ),
        ),
        Level(
            "section",
            3,
            re.compile(
                rf"^(?P<num>(?P<label>{_NUM})\s*-\s*{_PARAGRAF.lower()}\s*\.?)(?:\s+(?P<heading>.*))?$",
                _I,
            ),
        ),
        # "Статья 5." with its heading on the same line; the dot (or the end of the line) keeps
        # "Статья 5 настоящего Закона ..." in running text from being taken for an article.
        Level(
            "article",
            4,
            re.compile(
                # Upper case ("СТАТЬЯ 5") and "Ст. 5." too; a heading after a dash or a colon
                # ("Статья 5 - Название") as well as after the dot.
                rf"^(?P<num>(?i:{_STATYA}|Ст\.)\s*(?P<label>{_NUM})"
                r"(?:\s*[.:]|\s+[-–—](?=\s)|\s*$))\s*(?P<heading>.*)$"
            ),
        ),
        Level(
            "article",
            4,
            re.compile(
                rf"^(?P<num>(?P<label>{_NUM})\s*-\s*(?i:{_BAP})(?:\s*[.:]|\s+[-–—](?=\s)|\s*$))"
                r"\s*(?P<heading>.*)$"
            ),
        ),
        Level(
            "paragraph",
            5,
            re.compile(rf"^(?P<num>(?P<label>{_NUM})\.)\s+(?P<rest>\S.*)$"),
            inside_article=True,
        ),
        Level(
            "point",
            6,
            re.compile(rf"^(?P<num>(?P<label>{_NUM})\))\s*(?P<rest>.*)$"),
            inside_article=True,
        ),
        Level(
            "point",
            7,
            re.compile(r"^(?P<num>(?P<label>[а-яёәғқңөұүһіi](?:-\d+)?)\))\s+(?P<rest>\S.*)$"),
            inside_article=True,
            numbering=LOWER,
        ),
    )

    def language_of(self, blocks: Sequence[Block]) -> str:
        """Kazakh ("kk") when the letters only Kazakh has (ә ғ қ ң ө ұ ү һ) are frequent,
        Russian ("ru") otherwise. "і" is left out: Russian texts of Kazakhstan quote it too."""
        sample = "".join(block.text for block in blocks[:400]).lower()
        kazakh = sum(sample.count(letter) for letter in "әғқңөұүһ")
        cyrillic = sum(1 for char in sample if "а" <= char <= "я")
        return "kk" if cyrillic and kazakh / cyrillic > 0.01 else "ru"

    note_marker = re.compile(r"^(Сноска|Ескерту|Ескертпе)\b\s*\.?", _I)
    stub_marker = re.compile(r"исключен|утратил[аио]?\s+силу|алып\s+тасталды|күші\s+жойыл", _I)
