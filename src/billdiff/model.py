"""The document model: an immutable tree named in the Akoma Ntoso vocabulary.

A :class:`Bill` holds a preface (lines before the first structural unit, including a table of
contents) and a body of :class:`Unit` trees. Every character of the input text that is not
markup or whitespace lives in exactly one place of this tree, so :meth:`Bill.text` gives the
document back (see ``tests/test_conservation.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

#: Kinds of unit, in the order in which they nest. ``note`` is an editorial note («Сноска»)
#: attached to the unit that contains it; it is written as ``<hcontainer name="note">``.
KINDS: tuple[str, ...] = (
    "part",
    "title",
    "chapter",
    "section",
    "article",
    "paragraph",
    "point",
    "note",
)


@dataclass(frozen=True, init=False)
class Unit:
    """One structural unit: a part, chapter, article, paragraph, point or note.

    ``num`` is the number exactly as written ("Статья 5.", "5-бап.", "(a)"); ``label`` is the
    normalised number ("5", "5", "a") used for ids and matching. ``content`` holds the lines of
    text that belong to the unit itself: its whole text for a leaf, its introduction (the lines
    before the first child) otherwise.
    """

    kind: str
    num: str = ""
    label: str = ""
    heading: str = ""
    content: tuple[str, ...] = ()
    children: tuple[Unit, ...] = ()
    eid: str = ""
    line: int = field(default=0, compare=False)

    def __init__(
        self,
        kind: str,
        num: str = "",
        label: str = "",
        heading: str = "",
        content: tuple[str, ...] = (),
        children: tuple[Unit, ...] = (),
        eid: str = "",
        line: int = 0,
    ) -> None:
        # The fields set in the instance dict at once: a frozen dataclass's own __init__ sets
        # each through object.__setattr__, twice the time, and a long bill has tens of
        # thousands of units (tests/test_model.py checks that this stays the dataclass's).
        fields = self.__dict__
        fields["kind"] = kind
        fields["num"] = num
        fields["label"] = label
        fields["heading"] = heading
        fields["content"] = content
        fields["children"] = children
        fields["eid"] = eid
        fields["line"] = line

    def iter(self) -> Iterator[Unit]:
        """This unit and every unit below it, in document order."""
        yield self
        for child in self.children:
            yield from child.iter()

    def own_lines(self) -> list[str]:
        """The unit's own lines: number and heading, then content; no child's.

        A number without a heading shares its line with the first line of content, as in
        "1) text" or "5. text".
        """
        content = self.content
        head = " ".join(part for part in (self.num, self.heading) if part)
        if self.num and not self.heading and content:
            head, content = f"{self.num} {content[0]}", content[1:]
        return [head, *content] if head else list(content)

    def lines(self) -> Iterator[str]:
        """The unit's text as lines: its own lines, then each child's lines."""
        yield from self.own_lines()
        for child in self.children:
            yield from child.lines()

    # A unit never changes, and matching asks for the text of the same unit at every level:
    # both texts are kept once made (in the instance dict, outside the dataclass fields, so
    # equality, hashing and ``dataclasses.replace`` do not see them).

    def text(self) -> str:
        cached: str | None = self.__dict__.get("_text")
        if cached is None:
            cached = self.__dict__["_text"] = "\n".join(self.lines())
        return cached

    def body_text(self) -> str:
        """The text without the unit's own number: what a renumbering leaves unchanged."""
        cached: str | None = self.__dict__.get("_body_text")
        if cached is None:
            parts: list[str] = []
            if self.heading:
                parts.append(self.heading)
            parts.extend(self.content)
            for child in self.children:
                parts.extend(child.lines())
            cached = self.__dict__["_body_text"] = "\n".join(parts)
        return cached

    @property
    def title(self) -> str:
        """A short human label: "Статья 5. Heading" or the first words of the content."""
        head = " ".join(part for part in (self.num, self.heading) if part)
        return head or (self.content[0][:80] if self.content else self.kind)


@dataclass(frozen=True)
class PrefaceLine:
    """A line before the body: a title, a preamble, a note, or a table of contents entry."""

    text: str
    role: str = "p"  # "p" or "toc"


class WarningCode:
    """The closed set of :class:`StructureWarning` codes: each names a class of doubtful
    structure, so that a program reading the JSON can tell them apart without parsing text."""

    #: Far fewer articles than lines that look like article headings.
    FEW_ARTICLES = "few-articles"
    #: One article holds most of the document, or article headings of its own.
    DOMINANT_ARTICLE = "dominant-article"
    #: The article numbers jump or go backwards more than the document explains.
    NUMBERING = "numbering"
    #: No article at all in a document of more than a few lines.
    NO_ARTICLES = "no-articles"
    #: The numbering profile was chosen with low confidence.
    PROFILE_UNSURE = "profile-unsure"

    ALL: tuple[str, ...] = (FEW_ARTICLES, DOMINANT_ARTICLE, NUMBERING, NO_ARTICLES, PROFILE_UNSURE)


@dataclass(frozen=True)
class StructureWarning:
    """billdiff doubts the structure it found: ``code`` is one of :class:`WarningCode`,
    ``message`` one human line naming the numbers ("3 articles found, but 40 lines look like
    article headings")."""

    code: str
    message: str


@dataclass(frozen=True)
class Bill:
    """A parsed reading of a bill."""

    body: tuple[Unit, ...]
    preface: tuple[PrefaceLine, ...] = ()
    profile: str = ""
    language: str = ""
    source: str = field(default="", compare=False)
    #: Back matter after the body: attestations, signatures, a back cover ("Passed the House of
    #: Representatives ...", "Attest: ..."). Written as Akoma Ntoso ``<conclusions>``.
    conclusions: tuple[PrefaceLine, ...] = ()
    #: Doubts about the structure found (see :mod:`billdiff.diagnose`); not part of the
    #: reading's content, so two bills with the same text and structure are equal regardless.
    warnings: tuple[StructureWarning, ...] = field(default=(), compare=False)

    def with_warnings(self, warnings: tuple[StructureWarning, ...]) -> Bill:
        """This bill with more warnings (the parser's and the diagnosis' add up); a warning
        already present is not repeated."""
        extra = tuple(w for w in dict.fromkeys(warnings) if w not in self.warnings)
        return replace(self, warnings=self.warnings + extra) if extra else self

    def iter(self) -> Iterator[Unit]:
        for unit in self.body:
            yield from unit.iter()

    def articles(self) -> tuple[Unit, ...]:
        """The articles (sections, clauses, §§) in reading order, at whatever depth they sit."""
        return tuple(unit for unit in self.iter() if unit.kind == "article")

    def lines(self) -> Iterator[str]:
        for line in self.preface:
            yield line.text
        for unit in self.body:
            yield from unit.lines()
        for line in self.conclusions:
            yield line.text

    def text(self) -> str:
        """The whole text of the bill: the input's text, markup and whitespace aside."""
        return "\n".join(self.lines())

    @property
    def title(self) -> str:
        """The first line of the preface with a letter in it ("[]" or "---" is no title)."""
        for line in self.preface:
            if line.role == "p" and any(char.isalpha() for char in line.text):
                return line.text.strip()
        return ""

    def by_eid(self) -> dict[str, Unit]:
        return {unit.eid: unit for unit in self.iter()}
