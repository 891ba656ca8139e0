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
from billdiff.readers import Document

# Presentation around a heading's words: Markdown headings of any depth, wiki/AsciiDoc "="
# headings, bold/italic markers, list bullets, block quotes' ">" and leading tabs. Quotation
# marks are not decoration: a quoted heading belongs to an amendment, not to the bill.
# Spaces but never a line break: a heading is one line.
_SPACE = r"[ \t\u00a0\u2000-\u200b\u202f\u3000]"
_DECORATION = rf"(?:{_SPACE}|[#=>*_•·▪–-])*"
_TRAILING = " \t=#*_"

# A heading word of some legislative tradition, then a number (digits, letter suffixes, dashes:
# 5, 52ca, 3-1-1, L1142-1, 1er); or, in Kazakh, the number first ("5-бап.", "3-1-бап").
# Case-insensitive, so upper-case forms match too. One pattern, matched once per line: the
# scan reads every line of the document (SGB V has 34,000).
_WORDS = (
    "article", "art.", "artikel", "artículo", "articulo", "articolo", "artigo", "artykuł",
    "статья", "ст.", "стаття", "бап", "§", "section", "sec.", "clause", "ibara", "kifungu",
)  # fmt: skip
_HEADING_WORDS = "|".join(map(re.escape, _WORDS))
# The first letter of some heading word, or a digit, must follow the decoration: one test
# that rules most lines out before the words are tried one by one.
_FIRST = "".join(sorted({word[0] for word in _WORDS}))
_CANDIDATE = re.compile(
    rf"^{_DECORATION}(?=[{_FIRST}\d])"
    rf"(?:(?:{_HEADING_WORDS}){_SPACE}*([A-ZА-Я]{{0,2}}\d+(?:[-.]?\w)*)"
    r"|(\d+(?:-\d+)*)-бап\b)",
    re.IGNORECASE | re.MULTILINE,
)
# After the number a heading ends, or goes on with punctuation or a capitalised title; a
# lower-case word makes it a sentence citing an article ("Section 409C of the Act is
# amended", "§ 47a wird wie folgt geändert").
_PUNCTUATION = ".:)—–-"
# German capitalises nouns, so a cross-reference wrapped onto the start of a line ("§ 195
# Absatz 2 des …", "Artikel 8 Absatz 2 der Verordnung") looks like a heading with a title:
# the words that continue a citation say otherwise.
_CITATION = re.compile(r"(?:Absatz|Abs\.|Satz|Nummer|Nr\.|Buchstabe|Unterabsatz)\b")
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
#: An article whose own text holds this many candidate headings swallowed its followers; in a
#: document, this many headings whose number is no article's (and more than MISSED_SHARE of
#: the articles: SGB V's 665 §§ have 3 such lines, cross-references in lists).
SWALLOWED_MIN = 4
MISSED_SHARE = 0.01
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
#: A text of this many lines with no articles and no profile recognised is a collapse.
UNRECOGNISED_LINES = 20


def heading_number(line: str) -> str | None:
    """The number of a line that looks like an article heading in some language, else None."""
    found = _CANDIDATE.match(line)
    return _number(found, line, len(line)) if found else None


def _number(found: re.Match[str], text: str, end: int) -> str | None:
    """The number of a candidate match whose line ends at ``end``, if it is a heading."""
    if end - found.start() > _MAX_HEADING:
        return None
    if found.group(2):  # Kazakh: the heading word after the number closes the heading
        return found.group(2)
    rest = text[found.end() : end].rstrip(_TRAILING).lstrip()
    if not rest or rest[0] in _PUNCTUATION or (rest[0].isupper() and not _CITATION.match(rest)):
        return found.group(1)
    return None


def candidates(text: str) -> list[str]:
    """The numbers of the lines of ``text`` that look like article headings."""
    return _line_candidates(text.split("\n"))


def _line_candidates(lines: list[str]) -> list[str]:
    """The numbers of the lines that look like article headings. The pattern runs over the
    lines in C (map): this reads every line of every document."""
    numbers = []
    for line, found in zip(lines, map(_CANDIDATE.match, lines), strict=True):
        if found is not None:
            number = _number(found, line, len(line))
            if number is not None:
                numbers.append(number)
    return numbers


def count_candidates(text: str) -> int:
    return len(candidates(text))


def diagnose(
    bill: Bill, document: Document | None = None, *, confidence: float | None = None
) -> tuple[StructureWarning, ...]:
    """Warnings about the structure of ``bill``, parsed from ``document``.

    Without a document (XML input, whose structure is marked up) only the checks on the
    bill's own articles run. ``confidence`` is the detected profile's (None when the profile was
    named, not guessed).
    """
    articles = bill.articles()
    warnings: list[StructureWarning] = []
    if document is None:
        warnings.extend(_dominant(articles) or _swallowing(articles))
    else:
        lines = [block.text for block in document.blocks]
        numbers = _line_candidates(lines)
        # one warning per collapse: headings missed by the thousand are not also "swallowed"
        found = _few_or_none(articles, lines, len(numbers))
        warnings.extend(found or _dominant(articles) or _missed(articles, numbers))
        if confidence is not None and articles:
            warnings.extend(_unsure(bill, confidence))
        elif confidence is not None and not found and confidence < UNSURE_CONFIDENCE:
            # No articles, and no tradition recognised in the text either: a shorter text
            # than the no-articles check looks at (an OCR layer, a scanned bill) that
            # collapsed without a heading the loose scan knows.
            filled = sum(1 for line in lines if line.strip())
            if filled >= UNRECOGNISED_LINES:
                warnings.append(
                    StructureWarning(
                        WarningCode.NO_ARTICLES,
                        f"no articles found in {filled} lines of text, and no numbering "
                        f"profile recognised it (confidence {confidence:.2f}); "
                        "name one with --profile",
                    )
                )
    warnings.extend(_numbering(bill))
    return tuple(warnings)


def _few_or_none(
    articles: tuple[Unit, ...], lines: list[str], candidates: int
) -> list[StructureWarning]:
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


# French ordinals: "Article 1er" is article 1.
_ORDINAL = re.compile(r"^(\d+)(?:er|re)$")


def _missed(articles: tuple[Unit, ...], numbers: list[str]) -> list[StructureWarning]:
    """Headings whose number is no article's: what a swallowing article (an unclosed
    quotation, a quoted section taken for the bill's own) leaves behind. A table of contents
    repeats the numbers of found articles, so it does not count."""
    labels = {unit.label.lower() for unit in articles}
    missed = list(
        dict.fromkeys(
            number
            for number in numbers
            if _ORDINAL.sub(r"\1", number.lower()) not in labels and number.lower() not in labels
        )
    )
    if len(missed) < SWALLOWED_MIN or len(missed) <= MISSED_SHARE * len(articles):
        return []
    shown = ", ".join(missed[:8]) + (", …" if len(missed) > 8 else "")
    return [
        StructureWarning(
            WarningCode.DOMINANT_ARTICLE,
            f"{len(missed)} lines look like headings of articles that were not found ({shown}): "
            "other articles may hold them",
        )
    ]


def _unsure(bill: Bill, confidence: float) -> list[StructureWarning]:
    if confidence >= UNSURE_CONFIDENCE:
        return []
    return [
        StructureWarning(
            WarningCode.PROFILE_UNSURE,
            f"the numbering profile {bill.profile} was guessed with confidence "
            f"{confidence:.2f}; name one with --profile",
        )
    ]


def _dominant(articles: tuple[Unit, ...]) -> list[StructureWarning]:
    if not articles:
        return []
    # The text of a leaf-most article: a nested article (an article inside an article) is
    # counted once, in its own right, so that the outer one is not said to hold it.
    sizes = [len(_own_article_text(unit)) for unit in articles]
    total = sum(sizes)
    biggest = max(range(len(articles)), key=sizes.__getitem__)
    if len(articles) < DOMINANT_MIN or not total or sizes[biggest] <= DOMINANT_SHARE * total:
        return []
    return [
        StructureWarning(
            WarningCode.DOMINANT_ARTICLE,
            f"article {_name(articles[biggest])} holds {sizes[biggest] * 100 // total}% "
            f"of the text of {len(articles)} articles",
        )
    ]


def _swallowing(articles: tuple[Unit, ...]) -> list[StructureWarning]:
    """Articles holding heading-like lines of their own; for XML input, where there is no
    document text to compare the articles' numbers with."""
    warnings: list[StructureWarning] = []
    for unit in articles:
        text = _own_article_text(unit)
        first = text.find("\n")  # the article's own heading is no sign of collapse
        inner = count_candidates(text[first + 1 :]) if first >= 0 else 0
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


def _own_article_text(article: Unit) -> str:
    """The article's text without the articles nested in it (rare: then they count in their
    own right, so that the outer one is not said to hold them)."""
    if not _holds_articles(article):
        return article.text()  # kept by the unit: compare reads it again
    return "\n".join(_own_article_lines(article))


def _holds_articles(article: Unit) -> bool:
    """Is there an article below this one? (A loop, not Unit.iter's nested generators: this
    looks at every unit of every article of the document.)"""
    pending = list(article.children)
    while pending:
        unit = pending.pop()
        if unit.kind == "article":
            return True
        pending.extend(unit.children)
    return False


def _own_article_lines(article: Unit) -> Iterable[str]:
    yield from article.own_lines()
    for child in article.children:
        if child.kind != "article":
            yield from _own_article_lines(child)


def _name(unit: Unit) -> str:
    return unit.label or unit.num or unit.eid or "?"


# The leading digits of a label, at most nine: a hostile label of 5,000 digits is no number
# int() will take, and no real article is numbered past a billion.
_INTEGER = re.compile(r"\d{1,9}")


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
