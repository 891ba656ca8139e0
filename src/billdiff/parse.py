"""Text blocks + a numbering profile -> :class:`~billdiff.model.Bill`. Never drops a character.

Each line is either structural (it starts a unit: a chapter, an article, a point...) or plain
(it continues the innermost open unit). A table of contents is recognised before parsing so that
its entries are not taken for articles.

Quoted structure of an amending bill ("изложить в следующей редакции: «Статья 5. ...»",
'is amended to read as follows: "SEC. 5. ...', a UK print's "After section 96 insert—" followed
by the new section) is plain content of the unit that quotes it: quotations delimited by quote
marks are found before parsing (:func:`find_quotes`); unmarked ones (UK/US XML rendered as
text) run from an introducing line to a closing "." or ";" line, or to the next clause of the
bill itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from billdiff.drafts import Draft, freeze
from billdiff.lines import is_heading_dress, undecorate_all
from billdiff.model import Bill, PrefaceLine
from billdiff.profiles import Level, Profile, detect_profile, get_profile
from billdiff.profiles.base import (
    LOWER,
    LOWER_ROMAN,
    UPPER,
    UPPER_ROMAN,
    label_key,
    roman_value,
)
from billdiff.readers.base import Block, Document


@dataclass
class _Node(Draft):
    rank: int = 0  # nests inside the nearest open unit of a lower rank
    wants_heading: bool = False


_NOTE_RANK = 100
_LETTER_OF_ROMAN = {LOWER_ROMAN: LOWER, UPPER_ROMAN: UPPER}
_SEQUENCE = re.compile(r"^(\d{1,9})([A-Za-z]*)$")  # int() refuses thousands of digits
#: How far a "sequential" number may jump: gaps of repealed clauses, not quoted "96A".
_MAX_GAP = 3
#: How far to look ahead to settle whether "(i)" is a letter or a roman numeral.
_LOOKAHEAD = 60


def parse(document: Document, profile: str | Profile | None = None) -> Bill:
    """Build a Bill from a read document with the named profile, or the detected one."""
    return parse_detected(document, profile)[0]


def parse_detected(
    document: Document, profile: str | Profile | None = None
) -> tuple[Bill, float | None]:
    """:func:`parse`, and the confidence of the detected profile (None when one was named)."""
    bare = detection_lines(document)
    confidence = None
    if profile is None:
        chosen, confidence = detect_profile(bare)
    else:
        chosen = get_profile(profile) if isinstance(profile, str) else profile
        chosen = chosen.prepare(bare)
    return _Parser(chosen).run(undress(document, chosen, bare)), confidence


def detection_lines(document: Document) -> list[str]:
    """The lines a profile is detected from: every line without its dress, since before the
    profile is known nothing says which dressed lines are structural."""
    return undecorate_all([block.text for block in document.blocks])


def undress(
    document: Document, profile: Profile | None = None, bare: list[str] | None = None
) -> Document:
    """The document with the presentation taken off its heading lines (:mod:`billdiff.lines`).

    Lines dressed as headings as a whole (``== Scope ==``, ``#### Article 5``, ``**Article
    5**``) lose their dress. With a profile, so do other dressed lines (a bullet, a tab, HTML
    left in the text) whose words open a structural unit of that profile, such as ``- Article
    5``; paragraphs and points are left alone, since a bullet before "1." may be the
    document's own list. Letters and digits are never touched. ``bare`` is every line
    undecorated already (:func:`detection_lines`).
    """
    if bare is None:
        bare = detection_lines(document)
    blocks = list(document.blocks)
    changed = False
    # The Markdown reader has taken its markup off already: marks left in its lines are the
    # text's own (an escaped "\*\*important\*\*"), or markup inside a heading line that a
    # profile then recognises ("Art. 2** Title").
    plain_dress = document.format != "markdown"
    for index, block in enumerate(blocks):
        words = bare[index]
        if words == block.text or not words:
            continue
        if (plain_dress and is_heading_dress(block.text)) or (
            profile is not None and profile.classify(words, in_article=False) is not None
        ):
            blocks[index] = block._replace(text=words)
            changed = True
    return replace(document, blocks=tuple(blocks)) if changed else document


class _Parser:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.preface: list[PrefaceLine] = []
        self.roots: list[_Node] = []
        self.stack: list[_Node] = []
        self.blocks: tuple[Block, ...] = ()
        self.index = 0
        self.in_annex = False
        self.quoting = False  # inside an unmarked quotation (after "insert—")
        # (rank, label) of the units open where the quotation began: the next sibling of one
        # of them ("(4)" after the "(3)" that quotes) is the bill's own text again.
        self.quote_anchor: list[tuple[int, str]] = []
        # rank -> label of the last numbered line inside the quotation: "(c)" after a quoted
        # "(b)" continues the quotation even where the quoting unit is a "(b)" too.
        self.quoted_seen: dict[int, str] = {}
        self.quote_started = -1
        self.quote_is_section = False  # the quotation inserts a whole section ("96A Heading")
        self.last_number: dict[int, str] = {}  # rank -> label of the last sequential unit
        self.numbered: dict[int, set[str]] = {}  # rank -> the labels of its sequential units
        self.continues = False  # the current line continues a wrapped paragraph of the source
        self.conclusions: list[PrefaceLine] = []  # back matter, from the profile's end marker on
        self.toc: set[int] = set()  # indexes of the blocks of a table of contents
        self.quoted: set[int] = set()  # indexes of the blocks inside a marked quotation

    def run(self, document: Document) -> Bill:
        blocks = self.blocks = document.blocks
        wrapped = self.profile.wrapped and document.format in ("text", "markdown")
        toc = self.toc = find_toc(self.profile, blocks, wrapped=wrapped)
        quoted = self.quoted = find_quotes(self.profile, blocks, toc)
        previous_line = -1
        ending = self.profile.end_marker
        for index, block in enumerate(blocks):
            self.index = index
            if self.conclusions or (
                ending is not None
                and self.roots
                and index not in quoted
                and index not in toc
                and ending.match(block.text)
            ):
                self.conclusions.append(PrefaceLine(block.text))
                continue
            # A line right after the previous one continues a wrapped paragraph of the source
            # (only in text: a DOCX, PDF or HTML reader gives one block per paragraph already).
            starts_paragraph = not wrapped or block.line != previous_line + 1
            previous_line = block.line
            self.continues = not starts_paragraph
            if not starts_paragraph and self.continues_plainly(block.text):
                self.plain(block.text)  # most lines of wrapped text: line() would do just this
                continue
            if index in toc:
                # Contents after the body has begun stay where they are, as plain text: the
                # preface is written before the body, and text must keep its order.
                if self.roots:
                    self.take_heading_or_plain(block.text)
                else:
                    self.preface.append(PrefaceLine(block.text, "toc"))
            elif index in quoted:
                self.take_heading_or_plain(block.text)
            else:
                self.line(block, starts_paragraph=starts_paragraph)
        return Bill(
            body=freeze(self.roots),
            preface=tuple(self.preface),
            conclusions=tuple(self.conclusions),
            profile=self.profile.name,
            language=self.profile.language_of(blocks),
            source=document.source,
        )

    def continues_plainly(self, text: str) -> bool:
        """Is this wrapped line only more text of the open paragraph, with nothing for
        :meth:`line` to decide (no heading awaited, no quotation, note or table of contents)?"""
        if self.quoting or not self.stack or self.stack[-1].wants_heading:
            return False
        if self.index in self.toc or self.index in self.quoted:
            return False
        profile = self.profile
        if profile.note_marker is not None and profile.note_marker.match(text):
            return False
        return profile.quote_intro is None or not profile.quote_intro.search(text)

    def in_article(self) -> bool:
        return any(node.kind == "article" for node in self.stack)

    def take_heading_or_plain(self, text: str) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and top.wants_heading:
            top.wants_heading = False
        self.plain(text)

    def line(self, block: Block, *, starts_paragraph: bool = True) -> None:
        text = block.text
        profile = self.profile
        top = self.stack[-1] if self.stack else None
        if top is not None and top.wants_heading:
            top.wants_heading = False
            if profile.classify(text, in_article=True) is None and profile.is_heading_line(text):
                top.heading = text
                return
        found = None if profile.wrapped and not starts_paragraph else self.structural(text)
        if self.quoting:
            # An unmarked quotation ends at its closing line, or where the bill's own next
            # clause begins (some prints have no closing line).
            if found is not None and (found[0].sequential or self.after_quote(found[0], text)):
                self.quoting = False
            else:
                if profile.quote_close.match(text):
                    self.quoting = False
                elif found is not None:
                    self.quoted_seen[found[0].rank] = _label_of(profile, found[1])
                elif self.index - self.quote_started <= 2 and self.quotes_a_section(text):
                    self.quote_is_section = True
                self.plain(text)
                return
        note = profile.note_marker
        if note is not None and self.stack and note.match(text):
            self.open_note(text, block.line)
        elif found is None:
            self.plain(text)
        else:
            self.open(found[0], found[1], block.line)
        if profile.quote_intro is not None and profile.quote_intro.search(text):
            self.quoting = True
            self.quote_anchor = [(node.rank, node.label) for node in self.stack if node.label]
            self.quoted_seen = {}
            self.quote_started = self.index
            self.quote_is_section = False

    def quotes_a_section(self, text: str) -> bool:
        """Is this line the heading of a whole section that the bill quotes ("96A Heading")?"""
        return any(level.sequential and level.pattern.match(text) for level in self.profile.levels)

    def after_quote(self, level: Level, text: str) -> bool:
        """Is this numbered line the next sibling of a unit open where the quotation began?"""
        found = level.pattern.match(text)
        if found is None:
            return False
        if not self.quoted_seen and self.index and self.quote_started == self.index - 1:
            return False  # "after paragraph (b) insert— (c) ...": the first line is quoted
        label = _label_of(self.profile, found)
        if not any(
            rank == level.rank and label in _successors(before)
            for rank, before in self.quote_anchor
        ):
            return False
        inside = self.quoted_seen.get(level.rank)
        if inside is None or label not in _successors(inside):
            return True
        # The quoted text could go on with this number too. After a whole quoted section
        # ("145 Moratorium" and its subsections), amending words ("(3) In section 146 ...")
        # say that the bill has taken over again; otherwise it is still the quotation.
        words = self.profile.amending_words
        if not self.quote_is_section or words is None:
            return False
        rest = (found.groupdict().get("rest") or "").strip()
        if not rest and self.index + 1 < len(self.blocks):
            rest = self.blocks[self.index + 1].text
        return bool(words.match(rest))

    def structural(self, text: str) -> tuple[Level, re.Match[str]] | None:
        """The level that this line opens, or None when it is plain text here."""
        found = self.profile.classify(text, in_article=self.in_article())
        if found is None:
            return None
        level, match = found
        if level.numbering in (LOWER, UPPER):
            level, match = self.letter_or_roman(text, level, match)
        if self.in_annex and not level.annex:
            return None
        if not _conserves(text, match):
            return None  # a pattern that would drop characters is not trusted
        if level.sequential and not self.follows(level, _label_of(self.profile, match)):
            return None
        return level, match

    def follows(self, level: Level, label: str) -> bool:
        """Does this number come next after the previous unit of its level?"""
        key = _sequence_key(label)
        if key is None:
            return False
        n, suffix = key
        previous = self.last_number.get(level.rank)
        if previous is None:
            return n <= 2
        before = _sequence_key(previous)
        assert before is not None  # only labels that matched are remembered
        pn = before[0]
        if n == pn:
            # A number inserted after 3 is 3A, 3AA, 3B … in the UK; in Australia one inserted
            # between 33 and 33A is 33AA. Any letters not yet used with 3 go on.
            return bool(suffix) and f"{n}{suffix}" not in self.numbered.get(level.rank, set())
        if n <= pn:
            return False
        if n > pn + _MAX_GAP:
            # Sections repealed in bulk leave a wider gap (Australian 29, then 33): a plain
            # number is believed when the next number of the level goes on from it, as a
            # numbering does, and no quotation is open ("insert— 169B … 169CA" is quoted).
            return (
                not suffix
                and not self.quoting
                and self._continues_after(level, (n, suffix), within=_MAX_GAP)
            )
        # "3A" is inserted after 3: it comes straight after 1 or 2 only where 3 was repealed
        # (Australian "16C", "17A", "18A"). A lettered number that jumps ahead and is followed
        # by a lower one is a quoted section ("after section 3 insert— 3A …" then clause 3).
        return not suffix or self._continues_after(level, (n, suffix))

    def _continues_after(
        self, level: Level, key: tuple[int, str], within: int | None = None
    ) -> bool:
        """Does the next line of this level after the current one carry a higher number (and
        at most ``within`` higher)?"""
        for block in self.blocks[self.index + 1 : self.index + 1 + _LOOK_PAST]:
            found = level.pattern.match(block.text)
            if found is None:
                continue
            after = _sequence_key(_label_of(self.profile, found))
            if after is None:
                continue
            return after > key and (within is None or after[0] <= key[0] + within)
        return within is None  # the last unit of its level; a wide jump needs a successor

    def letter_or_roman(
        self, text: str, level: Level, match: re.Match[str]
    ) -> tuple[Level, re.Match[str]]:
        """Settle "(i)" (or "(v)", "(x)", "(I)"...): a letter after "(h)" that is followed by
        "(j)", a roman numeral when it continues or starts a roman list."""
        roman = next(
            (
                (lv, m)
                for lv, m in self.profile.matches(text, in_article=self.in_article())
                if _LETTER_OF_ROMAN.get(lv.numbering) == level.numbering
            ),
            None,
        )
        if roman is None:
            return level, match
        label = _label_of(self.profile, match)
        value = roman_value(label)
        if value is None:
            return level, match
        letter_open = next((n for n in reversed(self.stack) if n.rank == level.rank), None)
        roman_open = next((n for n in reversed(self.stack) if n.rank == roman[0].rank), None)
        if roman_open is not None and roman_value(roman_open.label) == value - 1:
            return roman
        if letter_open is not None and len(label) == 1 and len(letter_open.label) == 1:
            if ord(label) == ord(letter_open.label) + 1:
                # "(h)" then "(i)": the next item of either list tells which this is.
                return roman if self.next_is_roman(level, roman[0], value) else (level, match)
        if value == 1:
            return roman
        if letter_open is None:
            return roman
        return roman if roman_open is not None or len(label) > 1 else (level, match)

    def next_is_roman(self, letter: Level, roman: Level, value: int) -> bool:
        end = min(len(self.blocks), self.index + 1 + _LOOKAHEAD)
        for block in self.blocks[self.index + 1 : end]:
            found = roman.pattern.match(block.text)
            if found is not None:
                return roman_value(_label_of(self.profile, found)) == value + 1
            if letter.pattern.match(block.text) or self.profile.classify(
                block.text, in_article=False
            ):
                return False
        return False

    def plain(self, text: str) -> None:
        # A wrapped line of the source continues the paragraph before it: one line of content
        # per paragraph keeps re-wrapping out of the diffs (and makes them much cheaper).
        join = self.continues
        if self.stack:
            content = self.stack[-1].content
            if join and content:
                content[-1] = f"{content[-1]} {text}"
            else:
                content.append(text)
        elif join and self.preface and self.preface[-1].role == "p":
            last = self.preface[-1]
            self.preface[-1] = PrefaceLine(f"{last.text} {text}", last.role)
        else:
            self.preface.append(PrefaceLine(text))

    def open_note(self, text: str, line: int) -> None:
        self.pop_notes()
        # A note belongs to the article that carries it (or to the innermost unit outside one).
        while len(self.stack) > 1 and self.stack[-1].kind != "article":
            self.stack.pop()
        node = _Node("note", content=[text], line=line, rank=_NOTE_RANK)
        self.attach(node)

    def pop_notes(self) -> None:
        while self.stack and self.stack[-1].kind == "note":
            self.stack.pop()

    def open(self, level: Level, match: re.Match[str], line: int) -> None:
        self.pop_notes()
        groups = match.groupdict()
        label = _label_of(self.profile, match)
        rank = level.rank
        if level.sequential:
            self.last_number[rank] = label
            self.numbered.setdefault(rank, set()).add(label.upper())
        if level.annex:
            self.in_annex = True
        node = _Node(
            kind=level.kind,
            rank=rank,
            num=(groups.get("num") or "").strip(),
            label=label,
            heading=(groups.get("heading") or "").strip(),
            line=line,
        )
        rest = (groups.get("rest") or "").strip()
        while self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()
        self.attach(node)
        # "4. (1) The Minister …", "Art. 2. 1. Ilekroć …": the rest of an article's heading line
        # may open its first paragraph, which is then a unit of its own like those that follow.
        inner = self.structural(rest) if rest and level.kind == "article" else None
        if inner is not None and not (inner[0].inside_article and inner[0].rank > rank):
            inner = None
        # a line that already holds the unit's text ("Чл. 1. Етичните правила …") has no
        # heading on the next line: that line is the next unit or more text
        node.wants_heading = level.heading_on_next_line and not node.heading and not rest
        if inner is not None:
            self.open(*inner, line)
        elif rest:
            node.content.append(rest)

    def attach(self, node: _Node) -> None:
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.roots.append(node)
        self.stack.append(node)


_ROMAN_DIGITS = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _roman(value: int) -> str:
    """``4`` -> ``"iv"``."""
    out = []
    for amount, digits in _ROMAN_DIGITS:
        count, value = divmod(value, amount)
        out.append(digits * count)
    return "".join(out)


def _successors(label: str) -> set[str]:
    """The labels that can follow this one: ``"3"`` -> {"4"}, ``"c"`` -> {"d"},
    ``"iv"`` -> {"v"}; a letter that is also a roman numeral gets both."""
    number = _SEQUENCE.match(label)
    if number is not None:
        return {str(int(number.group(1)) + 1)}
    found: set[str] = set()
    if len(label) == 1 and label.isalpha():
        found.add(chr(ord(label) + 1))
    value = roman_value(label)
    if value is not None:
        roman = _roman(value + 1)
        found.add(roman.upper() if label.isupper() else roman)
    return found


def _label_of(profile: Profile, match: re.Match[str]) -> str:
    groups = match.groupdict()
    return profile.label(groups.get("label") or groups.get("label2") or "")


def _conserves(text: str, match: re.Match[str]) -> bool:
    """Do the number, heading and rest of a matched line hold every character of the line?
    Only white space may lie outside them."""
    names = match.re.groupindex
    spans = []
    for key in ("num", "heading", "rest"):
        if key in names:
            start, stop = match.span(key)
            if stop > start:  # (-1, -1) when the group took no part
                spans.append((start, stop))
    spans.sort()
    end = 0
    for start, stop in spans:
        if start < end:  # nested groups: count the characters they hold
            groups = match.groupdict()
            kept = "".join(groups.get(key) or "" for key in ("num", "heading", "rest"))
            return _letters(kept) == _letters(text)
        if start > end and not text[end:start].isspace():
            return False
        end = stop
    return end == len(text) or text[end:].isspace()


def _letters(text: str) -> int:
    """How many characters of the text are not whitespace (str.split is the fast way)."""
    return len("".join(text.split()))


#: A quotation that has not closed after this many lines was a stray quote mark, not a quotation.
_MAX_QUOTE_LINES = 400
_QUOTE_START = re.compile(r"^[«“„»\"]")


def find_quotes(profile: Profile, blocks: tuple[Block, ...], toc: set[int]) -> set[int]:
    """Indexes of the blocks inside a quotation that spans lines.

    A quotation starts at a line that opens with a quote mark and leaves it open («Статья 5.
    ... with no », or "SEC. 5. with an odd number of ASCII quotes), and ends at the line that
    closes it. A quotation that does not close within ``_MAX_QUOTE_LINES`` lines is ignored,
    so a stray « cannot swallow the rest of the bill.
    """
    quoted: set[int] = set()
    index, count = 0, len(blocks)
    # Lines looked at while following quotations that then never close: bounded, so that a
    # text full of stray quote marks stays linear.
    budget = 4 * count + _MAX_QUOTE_LINES
    while index < count and budget > 0:
        text = blocks[index].text
        if index in toc or not _QUOTE_START.match(text):
            index += 1
            continue
        depth = _quote_depth(profile, text)
        if depth <= 0:
            index += 1
            continue
        end = index + 1
        limit = min(count, index + _MAX_QUOTE_LINES)
        while end < limit and depth > 0:
            line = blocks[end].text
            # French and US drafting open every quoted paragraph again («, “, ") and close
            # only the last one: a mark at the start of a line inside a quotation continues it.
            if _QUOTE_START.match(line):
                line = line[1:]
            depth += _quote_depth(profile, line, opening=False)
            end += 1
        if depth > 0:
            budget -= end - index
            index += 1  # never closed: not a quotation
            continue
        last_article = _last_article_before(profile, blocks, index, (quoted, toc))
        cut = _bill_resumes_inside(profile, blocks, index, end, last_article)
        if cut is not None:
            end = cut  # a stray quote mark: the bill's own articles go on inside
        quoted.update(range(index, end))
        index = end
    return quoted


def _sequence_key(label: str) -> tuple[int, str] | None:
    """A sequential label as (number, letters): ``"33AA"`` -> ``(33, "AA")``; None if not one."""
    number = _SEQUENCE.match(label)
    return None if number is None else (int(number.group(1)), number.group(2).upper())


def _article_key(profile: Profile, text: str) -> tuple[int, tuple[int, ...], str] | None:
    """The numbering key of an article heading outside quote marks, or None."""
    if _QUOTE_START.match(text):
        return None
    found = profile.classify(text, in_article=False)
    if found is None or found[0].kind != "article":
        return None
    return label_key(_label_of(profile, found[1]))


#: How far past a quotation to look for the bill's next article heading.
_LOOK_PAST = 400
#: How far before a quotation to look for the bill's last article heading.
_LOOK_BACK = 2000


def _last_article_before(
    profile: Profile, blocks: tuple[Block, ...], index: int, skip: tuple[set[int], ...]
) -> tuple[int, tuple[int, ...], str] | None:
    """The numbering key of the bill's last article heading before this line (looked for
    only where a quotation starts, so that most lines are never classified twice)."""
    for before in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1):
        if any(before in lines for lines in skip):
            continue
        key = _article_key(profile, blocks[before].text)
        if key is not None:
            return key
    return None


def _bill_resumes_inside(
    profile: Profile,
    blocks: tuple[Block, ...],
    start: int,
    end: int,
    last_article: tuple[int, tuple[int, ...], str] | None,
) -> int | None:
    """Where the bill's own numbering resumes inside the quotation ``start:end``, or None.

    A quote mark that is never closed (“ When adopting … with no ”) is closed by some later
    quotation's closing mark, and everything between looks quoted. The numbering tells: when
    the article headings inside (outside quote marks of their own) continue the sequence of the
    bill's articles before the quotation, and the bill's next article after it continues them
    in turn, they are the bill's own. A real quotation of new articles ("insert the following
    articles: «Статья 2-1. … Статья 2-2. …»") is followed by the bill's next article, which
    continues the numbering from before the quotation, not from inside it.
    """
    inside = [
        (i, key)
        for i in range(start + 1, end)
        if (key := _article_key(profile, blocks[i].text)) is not None
    ]
    if not inside:
        return None
    first, first_key = inside[0]
    if last_article is not None and not (
        last_article < first_key and first_key[0] <= last_article[0] + _MAX_GAP
    ):
        return None
    if any(a[1] >= b[1] for a, b in pairwise(inside)):
        return None  # not one increasing numbering: quoted text of its own
    after = next(
        (
            key
            for i in range(end, min(len(blocks), end + _LOOK_PAST))
            if (key := _article_key(profile, blocks[i].text)) is not None
        ),
        None,
    )
    if after is not None and after <= inside[-1][1]:
        return None
    return first


def _quote_depth(profile: Profile, text: str, *, opening: bool = True) -> int:
    """How many quotations this line leaves open (negative when it closes more)."""
    depth = 0
    for start, close in profile.quote_pairs:
        depth += text.count(start) - text.count(close)
    if text.count('"') % 2:
        # ASCII quotes do not say which way they point: an odd one opens on the line that
        # starts the quotation and closes anywhere else.
        depth += 1 if opening else -1
    return depth


_Head = tuple[str, str] | None  # (kind, label) of a line outside any article, or None


def find_toc(
    profile: Profile, blocks: tuple[Block, ...], *, wrapped: bool | None = None
) -> set[int]:
    """Indexes of the blocks that form a table of contents.

    A table of contents is a run of at least three structural headings with nothing else
    between them, whose articles are found again later in the document; a marker line
    ("Оглавление", "Мазмұны", "CONTENTS") directly before such a run belongs to it. A marker
    followed by entries with unnumbered group headings between them is one too (see
    :func:`_toc_after_marker`).
    """
    if wrapped is None:
        wrapped = profile.wrapped
    heads: list[_Head] = []
    last_seen: dict[str, int] = {}  # article label -> the last line where it stands
    previous_line = -1
    for index, block in enumerate(blocks):
        continues = wrapped and block.line == previous_line + 1
        previous_line = block.line
        found = None if continues else profile.classify(block.text, in_article=False)
        if found is None:
            heads.append(None)
            continue
        head = (found[0].kind, _label_of(profile, found[1]))
        heads.append(head)
        if head[0] == "article":
            last_seen[head[1]] = index
    toc: set[int] = set()
    runs: list[list[int]] = []
    current: list[int] = []
    for index, maybe in enumerate(heads):
        if maybe is not None:
            current.append(index)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    for run in (part for whole in runs for part in _split_at_repeat(heads, whole)):
        mine = {h[1] for h in (heads[i] for i in run) if h is not None and h[0] == "article"}
        if len(mine) < 3:
            continue
        again = sum(1 for label in mine if last_seen[label] > run[-1])
        if again < 0.5 * len(mine):
            continue
        toc.update(run)
        first = run[0]
        if first > 0 and profile.toc_marker.match(blocks[first - 1].text):
            toc.add(first - 1)
    toc.update(_toc_after_marker(profile, blocks, heads))
    return toc


def _toc_after_marker(profile: Profile, blocks: tuple[Block, ...], heads: list[_Head]) -> set[int]:
    """A table of contents introduced by a marker ("CONTENTS") whose first article entry is
    found again, word for word, where the body begins. Group headings between the entries
    (unnumbered in UK bills, so no run of headings) are part of it; the headings just before
    the body's first article, and the title lines between the two, are not."""
    toc: set[int] = set()
    for marker, block in enumerate(blocks[:5000]):
        if not profile.toc_marker.match(block.text):
            continue
        window = range(marker + 1, min(len(blocks), marker + 200))
        groups = _group_contents(blocks, heads, window)
        if groups is not None:
            toc.update(range(marker, groups + 1))
            continue
        first = next((i for i in window if _is_article(heads[i])), None)
        if first is None:
            continue
        again = next(
            (i for i in range(first + 1, len(blocks)) if blocks[i].text == blocks[first].text),
            None,
        )
        if again is None:
            continue
        # The contents end with their last article entry, or with a later heading that the
        # body repeats ("Part 2 Other Acts" of a Schedule); the headings that open the body
        # and the title lines between the two are not repeated, so they stay out.
        later = {b.text for b in blocks[again:]}
        end = first
        for i in range(first + 1, again):
            if _is_article(heads[i]) or (heads[i] is not None and blocks[i].text in later):
                end = i
        toc.update(range(marker, end + 1))
    return toc


def _group_contents(blocks: tuple[Block, ...], heads: list[_Head], window: range) -> int | None:
    """The last line of contents that list only groups (chapters, annexes: EUR-Lex
    consolidated texts), when the first entry after the marker is a group found again, word
    for word, before any article: the body begins there."""
    first = next((i for i in window if heads[i] is not None), None)
    if first is None or _is_article(heads[first]):
        return None
    for i in range(first + 1, len(blocks)):
        if _is_article(heads[i]):
            return None
        if blocks[i].text == blocks[first].text:
            return max(j for j in range(first, i) if heads[j] is not None)
    return None


def _is_article(head: _Head) -> bool:
    return head is not None and head[0] == "article"


def _split_at_repeat(heads: list[_Head], run: list[int]) -> list[list[int]]:
    """Cut a run of headings where an article number comes round again: the table of contents
    ends there and the body begins (with the chapter headings just before that article).

    A loop, not a recursion: a flat run of a thousand alike headings ("Статья 1." repeated)
    is a thousand cuts, and each cut once recursed a level deeper (issue 21)."""
    pieces: list[list[int]] = []
    start = 0
    while True:
        seen: set[str] = set()
        for position in range(start, len(run)):
            head = heads[run[position]]
            if head is None or head[0] != "article":
                continue
            if head[1] in seen:
                cut = position
                while cut > start and not _is_article(heads[run[cut - 1]]):
                    cut -= 1
                break
            seen.add(head[1])
        else:
            pieces.append(run[start:])
            return pieces
        # a repeat comes after an earlier article of the piece, so the cut moves forward
        pieces.append(run[start:cut])
        start = cut
