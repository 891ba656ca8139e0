"""The text layer of a PDF -> text blocks, without running headers, footers and page numbers.

Library: pypdf. It is pure Python (nothing to compile, installs anywhere billdiff does),
actively maintained by the py-pdf organisation, has an explicit encryption API
(``is_encrypted``/``decrypt``) so an encrypted file gets a clear answer, and guards against
decompression bombs in streams itself. pypdf's ``extract_text`` gives text in content-stream
order, which is not always the reading order; lines are rebuilt from the positions its
visitor reports (see :func:`_reading_order`). Measured on the generalisation suite's PDFs
(10 Barbados bills with margin section numbers, 2 Kenyan scans with an OCR layer), exact
article counts: this reader 10/10 and 1/2 (the count only, see the suite); pypdf's
``extraction_mode="layout"`` 4/10 and 0/2 (it spaces an OCR layer's glyphs by geometry:
"C l au se", "am ended"); pdfminer.six 9/10 and 0/2, reading and parsing in 2.5 times the
time: not worth a new dependency.

What is done with the lines, and why:

- A line is what sits on one baseline in one stretch of the content stream; margin labels
  written apart join the line on their baseline (see :func:`_reading_order`).
- Running headers and footers (the bill's title on every page, "ПРОЕКТ") are lines at the top
  or bottom of a page that repeat at the same place on most pages (60%): they are
  dropped, as are page numbers ("3",
  "- 3 -", "Page 3 of 9", "стр. 3"), recognised as edge lines whose number follows the page
  index. A line such as "Статья 5." at the top of two pages is not a page number: its number
  does not move with the page. A running title whose page number changes sides from page
  to page is known by its text less that number (see :func:`remove_furniture`).
- A word hyphenated at a line end ("зако-" / "на") is joined ("закона").
- Lines wrapped inside a paragraph are joined into one block (see :func:`paragraphs` for the
  rules), so that the parser sees one line per paragraph. Where a line end is ambiguous (a
  full line ending with ";" before a capitalised word), the lines are joined: a paragraph
  wrongly split would leave a fragment that a parser might take for a point.

A PDF without a text layer (a scan) is refused with a message saying it needs OCR; an
encrypted PDF that does not open with the empty password is refused as such.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from billdiff.errors import InputError
from billdiff.readers.base import Block, Document

#: More pages than any bill has; guards the time spent on hostile files.
MAX_PAGES = 10000
_EDGE = 3  # lines at the top and at the bottom of a page that may be headers or footers


@dataclass(frozen=True)
class _Line:
    text: str
    page: int  # 1-based
    index: int  # 1-based line on its page
    margin: bool = False  # a section number from the margin, alone on its line


def read_pdf(data: bytes, *, source: str = "") -> Document:
    """A PDF file's bytes -> a :class:`Document` of paragraphs (``Block.page`` says where)."""
    pages, margins = _extract(data, source)
    if not any(line.strip() for page in pages for line in page):
        raise InputError(
            "the PDF has no text layer (a scan or images only): it needs OCR first",
            source=source,
        )
    lines = remove_furniture(pages, margins)
    blocks = paragraphs(lines)
    if not blocks:
        raise InputError("the PDF has no text besides headers and footers", source=source)
    return Document(tuple(blocks), source=source, encoding="utf-8", format="pdf")


@contextmanager
def _quiet() -> Iterator[None]:
    """pypdf logs and warns about damage it recovers from ("EOF marker not found"); billdiff's
    CLI promises one line on stderr, so those are muted and a fatal problem is reported once,
    as an InputError."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


# Each page's lines, and where (page, 1-based line) a margin number stands alone.
_Pages = tuple[list[list[str]], set[tuple[int, int]]]


def _extract(data: bytes, source: str) -> _Pages:
    with _quiet():
        return _extract_quietly(data, source)


def _extract_quietly(data: bytes, source: str) -> _Pages:
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    if not data.lstrip().startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise InputError("not a PDF document (no %PDF header)", source=source)
    # pypdf raises many kinds of exception on damaged files (its own, but also ValueError,
    # KeyError, TypeError from deep inside); every one of them means "cannot read this PDF".
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError):
                opened = PasswordType.NOT_DECRYPTED
            if opened == PasswordType.NOT_DECRYPTED:
                raise InputError(
                    "the PDF is encrypted (password-protected); decrypt it first",
                    source=source,
                )
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise InputError(f"the PDF has {count:,} pages, over {MAX_PAGES:,}", source=source)
        laid_out = [_page_lines(page) for page in reader.pages]
    except InputError:
        raise
    except FileNotDecryptedError:
        raise InputError(
            "the PDF is encrypted (password-protected); decrypt it first", source=source
        ) from None
    except RecursionError:
        raise InputError("the PDF is nested too deeply to read", source=source) from None
    except Exception as exc:
        raise InputError(f"the PDF is corrupt or truncated ({exc})", source=source) from None
    pages = [[_clean(line) for line in lines] for lines, _ in laid_out]
    margins = {
        (number, index + 1)
        for number, (_, indexes) in enumerate(laid_out, start=1)
        for index in indexes
    }
    return pages, margins


@dataclass(frozen=True)
class _Run:
    """A piece of text as pypdf's extraction hands it to a visitor, with where it starts."""

    text: str  # without the line break pypdf put after it
    x: float
    y: float  # baseline, upwards
    size: float  # font size in page units
    order: int  # place among the page's runs in the content stream
    broken: bool  # pypdf ended its line after this run


# Right-to-left scripts are put in display order by pypdf itself; rejoining their runs by
# position could undo that.
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def _page_lines(page: Any) -> tuple[list[str], set[int]]:
    """The lines of a page in reading order, and which of them (0-based) are margin numbers
    put on a line of their own.

    pypdf gives text in content-stream order and breaks a line wherever a text object ends,
    which is not always how the page reads: an OCR text layer puts every glyph or word in a
    text object of its own (pypdf gives one per line), and a bill whose section numbers are
    set in the left margin ("1.") may write them after all the page's words. So lines are
    rebuilt from the runs' positions (see :func:`_reading_order`); where that cannot be
    trusted, pypdf's own lines stay.
    """
    runs: list[_Run] = []
    trusted = [True]

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        body = text[:-1] if text.endswith("\n") else text
        if not body:
            if text and runs:  # pypdf ended the line after the previous run
                runs[-1] = dataclasses.replace(runs[-1], broken=True)
            return
        a, b, c, d = (
            tm[0] * cm[0] + tm[1] * cm[2],
            tm[0] * cm[1] + tm[1] * cm[3],
            tm[2] * cm[0] + tm[3] * cm[2],
            tm[2] * cm[1] + tm[3] * cm[3],
        )
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        # Only upright text has lines that run along x; a run that still holds a line break
        # cannot be placed line by line.
        if a <= 0 or d <= 0 or abs(b) > 0.1 * a or abs(c) > 0.1 * d or "\n" in body:
            trusted[0] = False
        runs.append(_Run(body, x, y, abs(size * d), len(runs), text.endswith("\n")))

    stream = page.extract_text(visitor_text=visit) or ""
    try:
        lines = _reading_order(runs) if trusted[0] else None
    except (ArithmeticError, TypeError, ValueError):
        # odd numbers in a damaged page's matrices: its text is still readable in pypdf's order
        lines = None
    if lines is None or _glyphs("".join(text for text, _ in lines)) != _glyphs(stream):
        return stream.splitlines(), set()  # never lose or invent a character by laying out
    return [text for text, _ in lines], {index for index, (_, margin) in enumerate(lines) if margin}


def _glyphs(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def _reading_order(runs: list[_Run]) -> list[tuple[str, bool]] | None:
    """The page's lines: runs joined into lines by baseline, in content-stream order, with
    margin labels put back beside their text.

    1. A line is a sequence of runs that follow each other in the content stream, left to
       right, on one baseline (a move of less than 0.8 of the font size, pypdf's own measure:
       a superscript or an OCR layer's jitter stays on the line), whether or not pypdf ended
       its line between them (as it does at every ' operator, which OCR layers use to show
       each glyph or word). Runs pypdf already joined keep its spacing; others are joined by
       a space unless one of them carries its own, or the page is an OCR layer that writes
       its spaces as glyphs (blank runs) and the next glyph is not far off.
    2. Lines stay in stream order: that is pypdf's order, right for columns, and for the
       marginal notes an OCR layer writes after the text (beside a sentence, they would
       cut it in two).
    3. A margin label ("1.", "12A.", "(a)", "8.(1)") written apart from its text, on the
       baseline of a line that starts to its right, goes to that line: a section number as a
       line of its own just before it ("1." / "This Act may be cited ..."), as text exports
       of such bills give it, a list mark at its start ("(a) in the definition ...").

    None for right-to-left text: pypdf's order is better there.
    """
    if not runs or any(_RTL.search(run.text) for run in runs):
        return None
    blanks = sum(1 for run in runs if run.text.isspace())
    spaced = blanks >= 0.05 * len(runs)  # the layer carries its own word spaces
    lines: list[list[_Run]] = [[runs[0]]]
    for run in runs[1:]:
        # back to the left on the same baseline: another column, or a note in the margin
        last = lines[-1][-1]
        if _goes_on(last, run) and run.x >= last.x - 0.5 * run.size:
            lines[-1].append(run)
        else:
            lines.append([run])
    texts = [_join(line, spaced=spaced) for line in lines]
    # Margin labels to their lines: the nearest line to the right on the same baseline.
    before: dict[int, list[int]] = {}
    for index, (line, text) in enumerate(zip(lines, texts, strict=True)):
        if not _LABEL.match(text.strip()):
            continue
        targets = [
            other
            for other, candidate in enumerate(lines)
            if other != index
            and candidate[0].x > line[0].x
            and _same_baseline(line[0], candidate[0])
            and not _LABEL.match(texts[other].strip())
        ]
        if targets:
            target = min(targets, key=lambda other: lines[other][0].x)
            before.setdefault(target, []).append(index)
    moved = {label for labels in before.values() for label in labels}
    result: list[tuple[str, bool]] = []  # (text, a margin number alone?)
    for index, text in enumerate(texts):
        if index in moved:
            continue
        prefix = ""
        for label in sorted(before.get(index, []), key=lambda other: lines[other][0].x):
            mark = texts[label].strip()
            if _MARGIN_NUMBER.match(mark) and not prefix:
                result.append((mark, True))
            else:
                prefix += mark + " "
        result.append((prefix + text, False))
    return result


# "1.", "12.", "12A.": a section's number alone (not a list mark: "(a)" keeps its text).
_MARGIN_NUMBER = re.compile(r"^\d{1,4}[A-Z]{0,2}\.$")
# A number or list mark with no text, as set in a margin: "1.", "12A.", "(a)", "(iv)", "(2)",
# "8.(1)", "3)", and with the quotation mark that opens a quoted provision: "“(3A)".
_LABEL = re.compile(
    r"^[“\"‘«„]?(?:"
    r"(?:\d{1,4}[A-Z]{0,2}\.\s?)?\((?:\d{1,3}[A-Za-z]{0,2}|[a-z]{1,2}|[ivxlc]{1,6})\)"
    r"|\d{1,4}[A-Z]{0,2}[.)])$"
)


def _goes_on(before: _Run, run: _Run) -> bool:
    """``run`` is on the line of ``before``, the run before it in the stream, by pypdf's own
    measure (a move of less than 0.8 of the smaller font size): a superscript stays."""
    return abs(before.y - run.y) < 0.8 * min(before.size, run.size)


def _same_baseline(first: _Run, run: _Run) -> bool:
    return abs(first.y - run.y) <= 0.5 * max(first.size, run.size)


def _join(line: list[_Run], *, spaced: bool) -> str:
    """The text of a line's runs (stream order)."""
    text = line[0].text
    for before, run in pairwise(line):
        if not before.broken:
            gap = ""  # pypdf's own join (a change of font inside a line)
        elif before.text[-1:].isspace() or run.text[:1].isspace():
            gap = ""
        elif spaced and not _jumps(before, run):
            gap = ""
        else:
            gap = " "
        text += gap + run.text
    return text


def _jumps(before: _Run, run: _Run) -> bool:
    """``run`` starts clearly beyond the end of ``before`` (a tab to a page number), or behind
    it: no glyph is wider than its font size, so a run cannot reach that far."""
    distance = run.x - before.x
    return distance < 0 or distance > (len(before.text) + 1) * max(before.size, run.size)


_SPACES = re.compile(r"[ \t\u00a0]+")


def _clean(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


_DIGITS = re.compile(r"\d+")
_PAGE_ONLY = re.compile(
    r"^[\s\-–—.]*(?:(?:page|p\.|стр\.?|страница|бет|seite|s\.)\s*)?(\d+)"
    r"(?:\s*(?:of|из|/|von)\s*\d+)?[\s\-–—.]*$",
    re.IGNORECASE,
)


def remove_furniture(
    pages: list[list[str]], margins: set[tuple[int, int]] | None = None
) -> list[_Line]:
    """All lines in reading order, less running headers, footers and page numbers.

    A header or footer sits at the same place on the pages that carry it (the first line, the
    last line...): a line counts as one when the same text, at the same place among the first
    or last three lines, is on at least 60% of the pages (two at least). A line of the bill
    that happens to recur ("Исключена.") is kept unless it stands at the same place on most
    pages. A running title whose page number changes sides or lines from page to page ("282
    The Bill, 2024", "The Bill, 2024 283", "The Bill, 2024" over "284") is recognised by its
    text less that number, which must move with the page (see :func:`_running_titles`); the
    page number alone beside it goes too. Other headers that alternate between even and odd
    pages fall short and are kept: a header left in is noise, a line of law taken out would
    be a loss. Pages without text do not count.
    """
    numbered = [
        [
            _Line(text, page_no, index, (page_no, index) in (margins or set()))
            for index, text in enumerate(page, start=1)
            if text
        ]
        for page_no, page in enumerate(pages, start=1)
    ]
    edges = [_edge(page) for page in numbered]
    total = sum(1 for page in numbered if page)
    needed = max(2, -(-6 * total // 10))
    exact: Counter[tuple[int, str]] = Counter()
    # Lines whose numbers move with the page ("- 3 -", "Page 3 of 9", "Проект, стр. 3"): the
    # same text with digits masked, at the same place, the number minus the page index
    # constant.
    moving: Counter[tuple[int, str, int]] = Counter()
    for page in edges:
        exact.update({(place, line.text) for place, line in page})
        for place, line in page:
            numbers = _DIGITS.findall(line.text)
            if numbers and _may_be_page_number(line.text):
                masked = _DIGITS.sub("#", line.text)
                moving[(place, masked, int(numbers[-1]) - line.page)] += 1
    titles = _running_titles(edges, needed) if total >= 2 else {}
    furniture: set[tuple[int, int]] = set()
    for page in edges:
        for place, line in page:
            numbers = _DIGITS.findall(line.text)
            masked = _DIGITS.sub("#", line.text)
            if line.margin:
                continue  # a section's number set beside its text: "6." atop page 6 stays
            if total >= 2 and exact[(place, line.text)] >= needed:
                furniture.add((line.page, line.index))
            elif _is_running_title(line, place >= 0, titles):
                furniture.add((line.page, line.index))
            elif (
                total >= 2
                and numbers
                and _may_be_page_number(line.text)
                and moving[(place, masked, int(numbers[-1]) - line.page)] >= needed
            ):
                furniture.add((line.page, line.index))
            elif (
                place in (0, -1)
                and (match := _PAGE_ONLY.match(line.text))
                and int(match.group(1)) == line.page
            ):
                # A lone page number, even on one page; only the first or last line of its
                # page: "6." two lines above the foot of page 6 is section 6's number.
                furniture.add((line.page, line.index))
    return [line for page in numbered for line in page if (line.page, line.index) not in furniture]


# A page number at either end of a running title: "282 The Bill, 2024", "The Bill, 2024 283".
_END_NUMBER = re.compile(r"^(\d{1,5})\s+(?=\S)|(?<=\S)\s+(\d{1,5})$|^(\d{1,5})$")


def _title_variants(line: _Line) -> list[tuple[str, int | None]]:
    """A top or bottom line as a running title could be: its text as it stands, and, when a
    number stands at one end, its text without it with that number's offset from the page
    index ("" for a number alone). "Section 12." has no variant: its number ends with a dot;
    nor has "Article 12" (it opens a unit), though its number may follow the page's."""
    variants: list[tuple[str, int | None]] = [(line.text, None)]
    if not _may_be_page_number(line.text):
        return variants
    for match in _END_NUMBER.finditer(line.text):
        number = next(group for group in match.groups() if group is not None)
        rest = (line.text[: match.start()] + line.text[match.end() :]).strip()
        variants.append((rest, int(number) - line.page))
    return variants


def _running_titles(
    edges: list[list[tuple[int, _Line]]], needed: int
) -> dict[tuple[bool, str], int | None]:
    """Running titles: (top?, text) -> the offset of their page numbers from the page index
    (None when they carry none), for each text with letters that opens or closes at least
    ``needed`` pages, as it stands or beside a page number that moves with the page."""
    plain: dict[tuple[bool, str], set[int]] = {}
    numbered: dict[tuple[bool, str], dict[int, set[int]]] = {}
    for page in edges:
        for place, line in page:
            for text, offset in _title_variants(line):
                if not any(ch.isalpha() for ch in text):
                    continue
                key = (place >= 0, text)
                if offset is None:
                    plain.setdefault(key, set()).add(line.page)
                else:
                    numbered.setdefault(key, {}).setdefault(offset, set()).add(line.page)
    titles: dict[tuple[bool, str], int | None] = {}
    for key in plain.keys() | numbered.keys():
        offsets = numbered.get(key, {})
        best = max(offsets, key=lambda offset: len(offsets[offset]), default=None)
        pages = plain.get(key, set()) | (offsets[best] if best is not None else set())
        # the page number must move with the page on two pages at least to count
        if best is not None and len(offsets[best]) < 2:
            best = None
            pages = plain.get(key, set())
        if len(pages) >= needed:
            titles[key] = best
    return titles


def _is_running_title(line: _Line, top: bool, titles: dict[tuple[bool, str], int | None]) -> bool:
    """``line`` is a running title, with or without its page number, or that number alone."""
    for text, offset in _title_variants(line):
        if text == "":
            if any(side == top and offset == number for (side, _), number in titles.items()):
                return True
        elif (top, text) in titles and offset in (None, titles[(top, text)]):
            return True
    return False


def _may_be_page_number(text: str) -> bool:
    """Short, and not the start of an article or a point: "Статья 11." at the top of page 1
    and "Статья 12." at the top of page 2 move with the page too, but they are the law."""
    return len(text) <= 60 and not _OPENS_UNIT.match(text) and not _LIST_MARK.match(text)


def _edge(page: list[_Line]) -> list[tuple[int, _Line]]:
    """The first and last lines of a page with their place: 0, 1, 2 from the top, -1, -2, -3
    from the bottom (a line of a short page can have both)."""
    top = [(place, line) for place, line in enumerate(page[:_EDGE])]
    bottom = [(-1 - place, line) for place, line in enumerate(reversed(page[-_EDGE:]))]
    return top + bottom


_HYPHENS = ("-", "\u00ad", "\u2010")
_ENDS_SENTENCE = tuple('.!?»”"')
_ENDS_CLAUSE = tuple(";:")
_OPENS_UNIT = re.compile(
    r"^(?:Статья|Глава|Раздел|Параграф|Приложение|СТАТЬЯ|ГЛАВА|РАЗДЕЛ|"
    r"\d+(?:-\d+)*-бап|[IVXLCІ]+\s+(?:ТАРАУ|БӨЛІМ|тарау|бөлім)|"
    r"Article|ARTICLE|Chapter|CHAPTER|Part|PART|TITLE|Title|Subtitle|SECTION|"
    r"Section|Schedule|SCHEDULE|ANNEX|Annex|Artikel|Abschnitt|Teil|Chapitre|Titre|"
    r"Livre)\b|^(?:§|Art\.|SEC\.|Sec\.)|"
    # German headings put the ordinal first: "Vierter Abschnitt", "Erster Teil"
    r"^[A-ZÄÖÜ][a-zäöüß]+ (?:Buch|Teil|Kapitel|Abschnitt|Unterabschnitt|Titel)\b"
)
# Editorial notes open a block of their own, but are no headings.
_NOTE = re.compile(r"^(?:Сноска|Ескерту|Ескертпе|Примечание)\b")
# "1.", "5-1)", "а)", "(a)", "(iv)", "1°": the start of a point when a paragraph has ended.
_LIST_MARK = re.compile(r"^(?:\d+(?:[.-]\d+)*[.)°]|[^\W\d_]{1,2}\)|\([\w.-]{1,6}\))(?:\s|$)")


def paragraphs(lines: list[_Line]) -> list[Block]:
    """Join lines wrapped inside a paragraph, and words hyphenated at a line end.

    A text layer says nothing about paragraphs, so line ends are judged from the text. When
    in doubt the lines stay apart: a wrongly split paragraph leaves a plain line that the
    parser keeps as content of its unit, while a wrongly joined heading and sentence can
    hide an article from the parser. Concretely, a line is joined to the one before when

    - the word before was hyphenated at the line end ("зако-" / "на"; see :func:`_dehyphen`);
    - it goes on in lower case, or with a digit, quote or bracket, after a full line that
      ended no sentence; or in upper case after a comma, bracket or dash; or in upper case
      after a full line that ended no sentence when it is itself short (the last line of the
      paragraph or heading: "... Президента" / "Республики");

    and it starts a new block when the line before stopped short of the usual width, or when
    it is a section number that the layout found in the margin ("12.", see
    :func:`_reading_order`); when it opens a unit (Статья, Article, SEC., § ...) after a line
    that ended a sentence or clause, a heading, or a line not ending in a letter or digit, or
    when it is short itself, a heading (a full line ending in a word that runs on into a full
    line goes on in a reference: "... nach" / "§ 5 Absatz 2 ..."); when it is a list item
    ("1.", "а)", "(a)") after a sentence, clause (or a dash: "as follows—"), heading or item
    ("...; and"), and when it starts in upper case after a line that ended a sentence, or is
    full itself after a line that ended with a word (a heading and its first sentence).
    """
    if not lines:
        return []
    lengths = sorted(len(line.text) for line in lines if len(line.text) > 20)
    width = lengths[int(len(lengths) * 0.8)] if lengths else 0
    short = width * 0.75
    vocabulary = _vocabulary(lines)
    blocks: list[Block] = []
    text = lines[0].text
    first = lines[0]
    previous = lines[0].text
    for line in lines[1:]:
        following = line.text
        joined = _dehyphen(previous, following, vocabulary)
        if joined is not None:
            text = text[: len(text) - len(previous)] + joined
            previous = joined  # the next line end is judged on the whole joined line
            continue
        ends = previous.endswith(_ENDS_SENTENCE) or previous.endswith(_ENDS_CLAUSE)
        if len(previous) < short or line.margin:
            # a margin number is a block of its own, not the end of the marginal heading
            # above it (but "... nach Satz" / "1." is a sentence wrapped before its number)
            new_block = True
        elif _OPENS_UNIT.match(following) or _NOTE.match(following):
            # "Статья 5." after a finished line or a heading; but "... nach" / "§ 5 Absatz 2"
            # is running text that wrapped before a reference
            new_block = (
                ends
                or _OPENS_UNIT.match(previous) is not None
                or not previous[-1:].isalnum()
                or len(following) < short  # a heading line: "§ 12 Haushaltsplan"
            )
        elif _LIST_MARK.match(following):
            # "... as follows—" / "1. This Act ...": a dash introduces a list as a colon does;
            # "(a) ...; and" / "(b) ...": an item ends with its semicolon and conjunction
            new_block = (
                ends
                or previous.endswith(("—", "–"))
                or _ITEM_END.search(previous) is not None
                or _OPENS_UNIT.match(previous) is not None
            )
        elif following[:1].islower():
            new_block = False
        elif following[:1].isalpha():
            # A capital after a full, unfinished line: a short line is the end of the same
            # paragraph ("... Президента" / "Республики"); a full one may begin the next.
            new_block = ends or (not previous.endswith(_CONTINUES) and len(following) >= short)
        else:
            new_block = previous.endswith(_ENDS_SENTENCE)
        if new_block:
            blocks.append(Block(text, first.index, first.page))
            text, first = following, line
        else:
            text = f"{text} {following}"
        previous = following
    blocks.append(Block(text, first.index, first.page))
    return blocks


_CONTINUES = tuple(",(—–-/&")
# The end of an enumeration's item: "; and", "; or", "; and/or", "; и", "; или", "; et", "; ou"
_ITEM_END = re.compile(r";\s*(?:and|or|and/or|и|или|либо|et|ou|und|oder|y|o)$", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SUSPENDED = frozenset(
    {"und", "oder", "bzw", "sowie", "and", "or", "et", "ou", "и", "или", "либо", "және", "немесе"}
)


def _vocabulary(lines: list[_Line]) -> set[str]:
    """Every word of the document (hyphenated compounds as one word), case folded."""
    words: set[str] = set()
    for line in lines:
        words.update(word.casefold() for word in _WORDS.findall(line.text))
    return words


def _dehyphen(previous: str, following: str, vocabulary: set[str]) -> str | None:
    """``previous`` and ``following`` as one line when ``previous`` ends with a word broken by
    a hyphen, else None.

    The hyphen goes ("зако-" + "на" -> "закона") unless the document shows it belongs to the
    word: the compound is written elsewhere with its hyphen ("öffentlich-rechtlichen",
    "социально-экономический") and never without. A hyphen before a conjunction is a
    suspended one ("In-" + "und Ausland" -> "In- und Ausland") and keeps its space.
    """
    if not previous.endswith(_HYPHENS) or len(previous) < 2 or not previous[-2].isalpha():
        return None
    if not following[:1].isalpha():
        return None
    head_match = re.search(r"([^\W\d_]+(?:-[^\W\d_]+)*)[-\u00ad\u2010]$", previous)
    tail_match = _WORDS.match(following)
    if head_match is None or tail_match is None:
        return None
    head, tail = head_match.group(1), tail_match.group(0)
    if tail.casefold() in _SUSPENDED:
        return f"{previous} {following}"
    if not following[:1].islower():
        return previous + following  # "Nord-" / "Rhein-Westfalen": the hyphen is the word's
    whole = (head + tail).casefold()
    compound = f"{head}-{tail}".casefold()
    if compound in vocabulary and whole not in vocabulary:
        return previous[:-1] + "-" + following
    return previous[:-1] + following
