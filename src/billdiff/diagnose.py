"""Plausibility checks on a parsed bill: say when the structure found is doubtful.

A parser that misses the heading convention of a document does not fail: it finds fewer
articles, each holding more text, and every later step compares the wrong units. These checks
look at the result from outside the parser, with a loose scan of the document's lines that
knows nothing of profiles beyond their confidence, so that a collapse the parser cannot see is
still announced. Each check serves a named class of collapse (issue 13):

- ``few-articles``: far fewer articles than lines that look like an article heading in some
  language (headings written in a markup the profile does not know: ``== Article 5``, seven
  ``#``, bold);
- ``dominant-article``: one article holding most of the text, or article headings of its own
  (an unclosed quotation or a quoted section that swallowed the articles after it);
- ``numbering``: article numbers that go backwards within one chapter many times, or jump
  more often than they continue (articles found in a table of contents or in quoted text
  instead of the bill's own);
- ``no-articles``: no article in a document of more than a few lines;
- ``profile-unsure``: the numbering profile was guessed with low confidence.

Thresholds are set so that no document of the shared corpus is warned about while the
synthetic collapses of ``tests/test_diagnose.py`` are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from billdiff.model import Bill, StructureWarning, Unit, WarningCode
from billdiff.profiles import detect_profile
from billdiff.readers import Document

# Presentation around a heading's words: Markdown headings of any depth, wiki/AsciiDoc "="
# headings, bold/italic markers, list bullets, block quotes' ">" and leading tabs. Quotation
# marks are not decoration: a quoted heading belongs to an amendment, not to the bill.
_DECORATION = re.compile(r"^(?:[\s#=>*_•·▪–-]+)")
_TRAILING = re.compile(r"[\s=#*_]+$")

# A heading word of some legislative tradition, then a number (digits, letter suffixes, dashes:
# 5, 52ca, 3-1-1, L1142-1, 1er). Case-insensitive, so upper-case forms match too.
_HEADING_WORDS = (
    r"article|art\.|artikel|artículo|articulo|articolo|artigo|artykuł|статья|ст\.|стаття"
    r"|бап|§|section|sec\.|clause|ibara|kifungu"
)
_CANDIDATE = re.compile(rf"^(?:{_HEADING_WORDS})\s*([A-ZА-Я]{{0,2}}\d+(?:[-.]?\w)*)", re.IGNORECASE)
# After the number a heading ends, or goes on with punctuation or a capitalised title; a
# lower-case word makes it a sentence citing an article ("Section 409C of the Act is
# amended", "§ 47a wird wie folgt geändert").
_PUNCTUATION = ".:)—–-"
# Kazakh puts the number first: "5-бап." and "3-1-бап".
_KZ_CANDIDATE = re.compile(r"^(\d+(?:-\d+)*)-бап\b", re.IGNORECASE)
# A heading is a short line: a sentence that starts with "Section 5 of the Act ..." is longer.
_MAX_HEADING = 160

#: Fewer articles than this share of candidate heading lines is a collapse (a table of
#: contents doubles the candidates of a well-parsed bill: the share leaves room for it)
FEW_RATIO = 1 / 3
#: ... when there are at least this many candidates.
FEW_MIN_CANDIDATES = 8
#: One article holding more than this share of the articles' text, with at least DOMINANT_MIN
#: articles, holds most of the document (a US resolution's findings fill its section 1 of 6:
#: a short bill may well have one long article).
DOMINANT_SHARE = 0.5
DOMINANT_MIN = 8
#: An article whose own text holds this many candidate headings swallowed its followers.
SWALLOWED_MIN = 3
#: Backwards steps within one container: at least this many and this share of all steps.
BACKWARDS_MIN = 3
BACKWARDS_SHARE = 0.1
#: Jumps (a number skipped): at least this many, and more than this share of all steps.
JUMPS_MIN = 10
JUMPS_SHARE = 0.5
#: A document with no article is doubtful when some lines look like article headings (at
#: least NO_ARTICLES_CANDIDATES), or when it is long: a resolution of 60 lines ("Resolved,
#: That ...") has no articles by nature.
NO_ARTICLES_CANDIDATES = 2
NO_ARTICLES_LINES = 200
#: A detected profile below this confidence is a guess (as ``parse --explain`` says).
UNSURE_CONFIDENCE = 0.5


def strip_decoration(line: str) -> str:
    """A line's words without Markdown/wiki heading marks, bold markers or bullets."""
    return _TRAILING.sub("", _DECORATION.sub("", line))


def heading_number(line: str) -> str | None:
    """The number of a line that looks like an article heading in some language, else None."""
    if len(line) > _MAX_HEADING:
        return None
    text = strip_decoration(line)
    found = _KZ_CANDIDATE.match(text)
    if found:
        return found.group(1)
    found = _CANDIDATE.match(text)
    if not found:
        return None
    rest = text[found.end() :].lstrip()
    if not rest or rest[0] in _PUNCTUATION or rest[0].isupper():
        return found.group(1)
    return None


def count_candidates(lines: Iterable[str]) -> int:
    return sum(1 for line in lines if heading_number(line) is not None)


def diagnose(
    bill: Bill, document: Document | None = None, *, detected: bool = True
) -> tuple[StructureWarning, ...]:
    """Warnings about the structure of ``bill``, parsed from ``document``.

    Without a document (XML input, whose structure is marked up) only the checks on the
    bill's own articles run. ``detected`` says the profile was guessed rather than named.
    """
    articles = bill.articles()
    warnings: list[StructureWarning] = []
    if document is not None:
        lines = [block.text for block in document.blocks]
        warnings.extend(_few_or_none(articles, lines))
        if detected and articles:
            warnings.extend(_unsure(bill, lines))
    warnings.extend(_dominant(articles))
    warnings.extend(_numbering(bill))
    return tuple(warnings)


def _few_or_none(articles: tuple[Unit, ...], lines: list[str]) -> list[StructureWarning]:
    candidates = count_candidates(lines)
    if not articles:
        filled = sum(1 for line in lines if line.strip())
        if candidates >= NO_ARTICLES_CANDIDATES or filled > NO_ARTICLES_LINES:
            hint = f", although {candidates} look like article headings" if candidates else ""
            return [
                StructureWarning(
                    WarningCode.NO_ARTICLES,
                    f"no articles found in {filled} lines of text{hint}",
                )
            ]
        return []
    if candidates >= FEW_MIN_CANDIDATES and len(articles) < FEW_RATIO * candidates:
        return [
            StructureWarning(
                WarningCode.FEW_ARTICLES,
                f"only {len(articles)} articles found, but {candidates} lines look like "
                "article headings",
            )
        ]
    return []


def _unsure(bill: Bill, lines: list[str]) -> list[StructureWarning]:
    chosen, confidence = detect_profile(lines)
    if confidence >= UNSURE_CONFIDENCE:
        return []
    return [
        StructureWarning(
            WarningCode.PROFILE_UNSURE,
            f"the numbering profile {chosen.name} was guessed with confidence "
            f"{confidence:.2f}; name one with --profile",
        )
    ]


def _dominant(articles: tuple[Unit, ...]) -> list[StructureWarning]:
    if not articles:
        return []
    # The text of a leaf-most article: a nested article (an article inside an article) is
    # counted once, in its own right, so that the outer one is not said to hold it.
    sizes = [sum(len(line) for line in _own_article_lines(unit)) for unit in articles]
    total = sum(sizes)
    warnings: list[StructureWarning] = []
    biggest = max(range(len(articles)), key=sizes.__getitem__)
    if len(articles) >= DOMINANT_MIN and total and sizes[biggest] > DOMINANT_SHARE * total:
        warnings.append(
            StructureWarning(
                WarningCode.DOMINANT_ARTICLE,
                f"article {_name(articles[biggest])} holds {sizes[biggest] * 100 // total}% "
                f"of the text of {len(articles)} articles",
            )
        )
        return warnings
    for unit in articles:
        inner = count_candidates(list(_own_article_lines(unit))[1:])
        if inner >= SWALLOWED_MIN:
            warnings.append(
                StructureWarning(
                    WarningCode.DOMINANT_ARTICLE,
                    f"article {_name(unit)} holds {inner} lines that look like article "
                    "headings of their own",
                )
            )
            break  # one is enough to say the structure is doubtful
    return warnings


def _own_article_lines(article: Unit) -> Iterable[str]:
    yield from article.own_lines()
    for child in article.children:
        if child.kind != "article":
            yield from _own_article_lines(child)


def _name(unit: Unit) -> str:
    return unit.label or unit.num or unit.eid or "?"


_INTEGER = re.compile(r"\d+")


def _numbering(bill: Bill) -> list[StructureWarning]:
    backwards = jumps = steps = 0
    # Articles are compared with their predecessor under the same parent: a new part or
    # division may restart its numbering (US appropriations, schedules), which is explained.
    for group in _article_groups(bill.body):
        numbers = [int(found.group()) for unit in group if (found := _INTEGER.search(unit.label))]
        for before, after in pairwise(numbers):
            steps += 1
            if after < before:
                backwards += 1
            elif after > before + 1:
                jumps += 1
    warnings: list[StructureWarning] = []
    if backwards >= BACKWARDS_MIN and backwards > BACKWARDS_SHARE * steps:
        warnings.append(
            StructureWarning(
                WarningCode.NUMBERING,
                f"article numbers go backwards {backwards} times in {steps + 1} articles",
            )
        )
    elif jumps >= JUMPS_MIN and jumps > JUMPS_SHARE * steps:
        warnings.append(
            StructureWarning(
                WarningCode.NUMBERING,
                f"article numbers skip {jumps} times in {steps + 1} articles",
            )
        )
    return warnings


def _article_groups(units: tuple[Unit, ...]) -> Iterable[list[Unit]]:
    group = [unit for unit in units if unit.kind == "article"]
    if group:
        yield group
    for unit in units:
        yield from _article_groups(unit.children)
