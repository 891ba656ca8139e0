"""Akoma Ntoso XML from other drafting systems -> :class:`~billdiff.model.Bill`, directly.

billdiff's own Akoma Ntoso output is read back by :mod:`billdiff.akn`; this module reads what
other systems write: generic Akoma Ntoso 3.0 and its drafts (e.g. Laws.Africa's, AKN4EU), the
UK Parliament's LawMaker flavour (standard namespace plus ``ukl:`` attributes, ``level``
elements, cross-headings and schedules as ``hcontainer``), Akoma Ntoso 2.0, and Akoma Ntoso
1.0 of 2008 (root ``akomantoso``, body ``clauses``, headings as ``title``, subsections as
``clause``). The namespace is not checked: the vocabulary is.

Mapping onto billdiff's kinds (billdiff compares units of kind ``article``):

- ``section``, ``article``, ``clause`` (outside an article), ``rule`` -> ``article``
- ``subsection`` -> ``paragraph``; ``paragraph`` -> ``paragraph`` directly under an article
  or outside one (a schedule's paragraphs), ``point`` below a paragraph or point
- ``subparagraph``, ``point``, ``item``, ``indent``, ``alinea``, ``list``, ``level`` and
  unnumbered ``hcontainer`` definitions inside an article -> ``point``
- ``book``, ``tome``, ``part``, ``subpart``, ``division``, ``subdivision``, schedules and
  attachments -> ``part``; ``title``, ``subtitle`` -> ``title``; ``chapter``, ``subchapter``
  -> ``chapter``; a cross-heading, a ``level`` or a ``transitional`` outside an article ->
  ``section`` (a heading that groups articles). Every hierarchical element of the AKN 3.0
  schema (its ``ANhier`` group) has a kind here, so no unit is hidden inside one.
- In a schedule, annex or any attached document that is not an act or a bill, the provisions
  (``section``, ``article`` ...) are ``paragraph``: they are the schedule's, not articles of
  the bill, as the text profiles' annex rule has it.

A document may hold more than one document. The parts of a ``documentCollection`` (documents
in its ``collectionBody``, directly as in AKN 2.0 or in a ``component``, or referred to by a
``documentRef``/``componentRef`` whose ``#id`` names a ``component`` of the top-level
``<components>``) and the top-level ``<components>`` beside the main document are read in
order, each once (components nothing refers to, or whose reference is a URI, in their order
after the rest). When they hold one act or bill, its front matter, units and back matter are
the Bill's own, as if it stood alone; when they hold several, each becomes a ``part`` (so that
every "Section 1" has an eId of its own). Any other document (an explanatory memorandum, a
letter, a schedule) is an attachment: a ``part`` holding its text. Text between units (an
``interstitial``, the front matter of a document that follows another) becomes an unnumbered
``section`` where it stands.

``num`` is kept as written, ``heading`` (plus any ``subheading``) as one line, and the
document's eIds are kept when present and unique (generated the billdiff way otherwise).

Quoted structures (``quotedStructure``, ``quotedText``, ``embeddedStructure``) are never
units: an amendment's quoted section stays text of the unit that quotes it, one line per
block, so it cannot be counted as a clause of the bill.

Text outside the body keeps its place: cover page, preface and preamble become preface lines
(a table of contents with role "toc"); the back matter (``conclusions``, a back cover) and
``staticContent`` become the Bill's conclusions. ``wrapUp`` text joins its unit's content.
Nothing but ``<meta>`` is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree

from billdiff.drafts import Draft, freeze
from billdiff.errors import InputError
from billdiff.identity import LANG3
from billdiff.model import Bill, PrefaceLine, Unit
from billdiff.readers.xml import clean, iter_children, label_of, localname, sourceline, text_lines

UK_NS = "https://www.legislation.gov.uk/namespaces/UK-AKN"
#: Akoma Ntoso 1.0 (2008), whose vocabulary differs in places: see :class:`_Builder`.
AKN1_NS = "http://www.akomantoso.org/1.0"
#: The root element: ``akomaNtoso`` since 2.0, ``akomantoso`` in 1.0.
ROOTS = frozenset({"akomaNtoso", "akomantoso"})

# Elements that continue a line; everything else starts a new one.
INLINE = frozenset(
    {
        "a",
        "abbr",
        "affectedDocument",
        "b",
        "def",
        "date",
        "docDate",
        "docNumber",
        "docProponent",
        "docStage",
        "docStatus",
        "docTitle",
        "docType",
        "entity",
        "heading",
        "i",
        "inline",
        "location",
        "mod",
        "mref",
        "noteRef",
        "num",
        "organization",
        "person",
        "quantity",
        "quotedText",
        "ref",
        "remark",
        "role",
        "rref",
        "shortTitle",
        "span",
        "sub",
        "subheading",
        "sup",
        "term",
        "u",
        "del",
        "ins",
        # Akoma Ntoso 1.0 spells some inline elements its own way.
        "noteref",
        "ActDate",
        "ActNumber",
        "ActProponent",
        "ActPurpose",
        "ActTitle",
        "ActType",
    }
)
GLUE = frozenset({"num"})
_TOC_GLUE = frozenset({"num", "inline", "span"})
_NOTE = frozenset({"authorialNote"})
SKIP = frozenset({"meta"})

_FIXED_KINDS = {
    "book": "part",
    "tome": "part",
    "part": "part",
    "subpart": "part",
    "division": "part",
    "subdivision": "part",
    "title": "title",
    "subtitle": "title",
    "chapter": "chapter",
    "subchapter": "chapter",
    "article": "article",
    "section": "article",
    "rule": "article",
    "subsection": "paragraph",
    "subparagraph": "point",
    "subclause": "point",
    "subrule": "point",
    "proviso": "point",
    "point": "point",
    "item": "point",
    "indent": "point",
    "alinea": "point",
    "list": "point",
    "sublist": "point",
}
# Hierarchical elements whose kind depends on where they stand (see _Builder.kind_of).
_PLACED_KINDS = frozenset({"clause", "paragraph", "level", "transitional", "hcontainer"})
#: Every element name the reader makes a unit of (a contract test checks the AKN 3.0 schema's
#: hierarchical elements are all here).
HIERARCHY = frozenset(_FIXED_KINDS) | _PLACED_KINDS
_BODIES = ("body", "mainBody", "judgmentBody", "debateBody", "portionBody", "clauses")
_FRONT = frozenset({"coverPage", "preface", "preamble"})
_SCHEDULES = frozenset({"schedules", "schedule", "annex", "appendix"})
_IN_ARTICLE = ("article", "paragraph", "point")
#: The document types of Akoma Ntoso; an ``act`` or a ``bill`` is the law, the others
#: (``doc``: a memorandum, a letter, a schedule ...) are attached to it.
DOCUMENTS = frozenset(
    {
        "act",
        "bill",
        "doc",
        "documentCollection",
        "amendmentList",
        "officialGazette",
        "debateReport",
        "debate",
        "statement",
        "amendment",
        "judgment",
        "portion",
    }
)
NORMATIVE = frozenset({"act", "bill"})
_REFS = ("documentRef", "componentRef")

_LANG = {code3: code for code, code3 in LANG3.items()}  # "rus" -> "ru"


def is_akn(root: etree._Element) -> bool:
    return localname(root) in ROOTS


def read_akn(root: etree._Element, *, source: str = "") -> Bill:
    """An Akoma Ntoso tree from any drafting system -> a Bill."""
    if not is_akn(root):
        raise InputError("not an Akoma Ntoso document (no <akomaNtoso> root)", source=source)
    if next(iter_children(root), None) is None:
        raise InputError("the Akoma Ntoso document is empty", source=source)
    filled = _fill_placeholders(root)
    try:
        return _read(root, source)
    finally:  # the caller's tree is left as it was given
        for ref, text in filled:
            ref.text = text


def _read(root: etree._Element, source: str) -> Bill:
    builder = _Builder(root)
    out = _Sequence()
    back: list[PrefaceLine] = []
    for doc in iter_children(root):
        if localname(doc) != "components":
            builder.document(doc, out, back)
    for component in builder.store.unread():
        for item in iter_children(component):
            builder.part_of_bill(item, out)
    flavour = root.nsmap.values()
    profile = "uk" if UK_NS in flavour else ""
    language = _LANG.get(
        root.xpath(
            "string(.//*[local-name()='FRBRExpression']/*[local-name()='FRBRlanguage']/@language)"
        ),  # type: ignore[arg-type]
        "",
    )
    return Bill(
        body=builder.freeze(out.body),
        preface=tuple(out.preface),
        conclusions=(*out.between, *back),
        profile=profile,
        language=language,
        source=source,
    )


def _fill_placeholders(doc: etree._Element) -> list[tuple[etree._Element, str | None]]:
    """Put the value of each empty placeholder in, as the print shows it: UK bills give their
    title, stage and dates as ``<ref class="placeholder" href="#varBillTitle"/>``, whose value is
    the ``showAs`` of the TLC concept with that eId in the metadata (so the title is no longer
    "CONTENTS"). A placeholder without a value stays empty. Returns the placeholders filled,
    with the text each had, to be put back once the tree is read."""
    shown = {
        element.get("eId"): element.get("showAs")
        for element in doc.iter()
        if isinstance(element.tag, str)
        and localname(element).startswith("TLC")
        and element.get("eId")
        and element.get("showAs")
    }
    filled: list[tuple[etree._Element, str | None]] = []
    if not shown:
        return filled
    for ref in doc.iter("{*}ref"):
        if ref.get("class") == "placeholder" and not (ref.text or "").strip() and len(ref) == 0:
            value = shown.get((ref.get("href") or "").removeprefix("#"))
            if value:
                filled.append((ref, ref.text))
                ref.text = value
    return filled


def _front_lines(element: etree._Element) -> list[PrefaceLine]:
    lines: list[PrefaceLine] = []
    for child in iter_children(element):
        if localname(child) == "toc":
            # A UK tocItem is <inline name="tocNum">1</inline><inline ...>Heading</inline>:
            # its parts are separate words.
            lines.extend(
                PrefaceLine(line, "toc")
                for item in iter_children(child)
                for line in text_lines([item], inline=INLINE, glue=_TOC_GLUE)
            )
        else:
            lines.extend(
                PrefaceLine(line) for line in text_lines([child], inline=INLINE, glue=GLUE)
            )
    # Text directly in the container (rare) is kept too.
    if element.text and element.text.strip():
        lines.insert(0, PrefaceLine(clean(element.text)))
    return lines


_Node = Draft  # a unit as this reader builds it


class _Sequence:
    """The Bill as its documents are read in order: lines before the first unit are the
    preface; lines between units (an ``interstitial``, the front matter of a document that
    follows another) become an unnumbered ``section`` where they stand, so that no text moves
    across a unit; lines after the last unit are left in ``between`` for the conclusions."""

    def __init__(self) -> None:
        self.preface: list[PrefaceLine] = []
        self.body: list[_Node] = []
        self.between: list[PrefaceLine] = []

    def lines(self, lines: list[PrefaceLine]) -> None:
        (self.between if self.body else self.preface).extend(lines)

    def units(self, nodes: list[_Node]) -> None:
        for node in nodes:
            if self.between:
                self.body.append(_Node("section", content=[line.text for line in self.between]))
                self.between = []
            self.body.append(node)


class _Store:
    """The top-level ``<components>`` (beside the main document): each is read once, where a
    ``documentRef``/``componentRef`` of a collection names it by ``#id``, else after the rest."""

    def __init__(self, root: etree._Element) -> None:
        self.components = [
            component
            for group in iter_children(root)
            if localname(group) == "components"
            for component in iter_children(group)
        ]
        self.by_id: dict[str, etree._Element] = {}
        for component in self.components:
            for element in (component, *iter_children(component)):
                for attribute in ("eId", "id", "GUID", "wId"):
                    key = element.get(attribute)
                    if key:
                        self.by_id.setdefault(key, component)
        self.read: set[etree._Element] = set()

    def take(self, ref: etree._Element) -> etree._Element | None:
        """The component a reference names, unless it is read already or not local (a URI
        such as AKN4EU's ``/akn/eu/.../explanation``: then it is read in document order)."""
        target = ref.get("src") or ref.get("href") or ""
        if not target.startswith("#"):
            return None
        component = self.by_id.get(target[1:])
        if component is None or component in self.read:
            return None
        self.read.add(component)
        return component

    def unread(self) -> list[etree._Element]:
        rest = [component for component in self.components if component not in self.read]
        self.read.update(rest)
        return rest


def _documents(root: etree._Element) -> list[etree._Element]:
    """The documents that make up the Bill: the main one, those of its collection (nested
    collections included) and those of the top-level components; not attachments."""
    found: list[etree._Element] = []

    def visit(doc: etree._Element) -> None:
        found.append(doc)
        for body in iter_children(doc):
            if localname(body) == "collectionBody":
                for item in iter_children(body):
                    inner = iter_children(item) if localname(item) == "component" else [item]
                    for child in inner:
                        if localname(child) in DOCUMENTS:
                            visit(child)

    for child in iter_children(root):
        if localname(child) != "components":
            visit(child)
            continue
        for component in iter_children(child):
            for doc in iter_children(component):
                if localname(doc) in DOCUMENTS:
                    visit(doc)
    return found


def keepable_eids(doc: etree._Element) -> tuple[set[str], bool]:
    """The eIds of ``doc`` that billdiff keeps, and whether it keeps all of them.

    An eId is kept when it is unique in the whole document and is a valid one (non-empty,
    without white space, as the schema's pattern asks): the others are regenerated, since
    writing them back would give XML that ``validate`` rejects."""
    counts: dict[str, int] = {}
    for element in doc.iter():
        if isinstance(element.tag, str):
            eid = element.get("eId")
            if eid is not None:
                counts[eid] = counts.get(eid, 0) + 1
    kept = {eid for eid, n in counts.items() if n == 1 and eid and not _SPACE.search(eid)}
    return kept, len(kept) == len(counts) and all(n == 1 for n in counts.values())


_SPACE = re.compile(r"\s")


class _Builder:
    def __init__(self, root: etree._Element) -> None:
        self.unique, _ = keepable_eids(root)
        self.store = _Store(root)
        # One act or bill is the Bill itself; several are each a part of it.
        self.flat = sum(localname(doc) in NORMATIVE for doc in _documents(root)) <= 1
        # Akoma Ntoso 1.0 writes a heading as <title> and a subsection as <clause>.
        self.v1 = localname(root) == "akomantoso" or AKN1_NS in root.nsmap.values()
        self.headings = frozenset({"heading", "subheading", *(("title",) if self.v1 else ())})
        # Inside a schedule or an attached document: provisions are not articles of the bill.
        self.annex = False

    @contextmanager
    def annexed(self, on: bool = True) -> Iterator[None]:
        before = self.annex
        self.annex = before or on
        try:
            yield
        finally:
            self.annex = before

    def document(
        self, doc: etree._Element, out: _Sequence, back: list[PrefaceLine] | None = None
    ) -> None:
        """A document read as the Bill itself (the main one, or the one act of a collection):
        its back matter goes to ``back`` (the Bill's conclusions) when given, else in order."""
        seen_body = False
        for child in iter_children(doc):
            name = localname(child)
            if name == "meta":
                continue
            if name in _BODIES:
                seen_body = True
                out.units(self.children(child, None))
            elif name == "collectionBody":
                seen_body = True
                for item in self.items(child):
                    self.part_of_bill(item, out)
            elif name in ("attachments", "components"):
                out.units(self.attachments(child))
            elif (name in _FRONT and not seen_body) or back is None:
                out.lines(_front_lines(child))
            else:  # conclusions, staticContent, anything else: text kept after the body
                back.extend(_front_lines(child))

    def items(self, collection: etree._Element) -> Iterator[etree._Element]:
        """What a ``collectionBody`` holds, in order: documents (referred ones looked up in the
        top-level components) and other elements (an ``interstitial``)."""
        for child in iter_children(collection):
            name = localname(child)
            inner = list(iter_children(child)) if name == "component" else [child]
            for item in inner:
                if localname(item) in _REFS:
                    component = self.store.take(item)
                    if component is not None:
                        yield from iter_children(component)
                    elif item.text or len(item):
                        yield item  # a reference with text of its own (none in the schema)
                else:
                    yield item

    def part_of_bill(self, item: etree._Element, out: _Sequence) -> None:
        """One element of a collection or of the top-level components, read where it stands."""
        name = localname(item)
        if name == "documentCollection" or (name in NORMATIVE and self.flat):
            self.document(item, out)
        elif name in DOCUMENTS:
            out.units([self.attached(item, annex=name not in NORMATIVE)])
        else:  # an interstitial, or anything else: its text where it stands
            out.lines(
                [
                    PrefaceLine(line)
                    for line in text_lines([item], inline=INLINE, glue=GLUE, skip=SKIP)
                ]
            )

    def attached(self, doc: etree._Element, *, annex: bool) -> _Node:
        """A document attached to the bill (or one act of several) as a ``part``."""
        node = _Node("part", line=sourceline(doc))
        eid = doc.get("eId", "")
        node.eid = eid if eid in self.unique else ""
        with self.annexed(annex):
            self._attached_doc(doc, node)
        return node

    def kind_of(self, element: etree._Element, parent: str | None) -> str | None:
        """billdiff's kind for a hierarchical element, or None when it is not a unit."""
        kind = self._kind(element, parent)
        if kind == "article" and self.annex:
            return "paragraph" if parent not in _IN_ARTICLE else "point"
        return kind

    def _kind(self, element: etree._Element, parent: str | None) -> str | None:
        name = localname(element)
        in_article = parent in _IN_ARTICLE
        if name in _FIXED_KINDS:
            if name == "title" and self.v1:
                return None  # a heading in 1.0, read by unit()
            kind = _FIXED_KINDS[name]
            if kind == "article" and in_article:
                return "point"  # a clause inside an article (rare) is one of its points
            return kind
        if name == "clause":
            if self.v1 and parent == "article":
                return "paragraph"  # 1.0: <article><clause> is a subsection
            return "point" if in_article else "article"
        if name == "paragraph":
            return "point" if parent in ("paragraph", "point") else "paragraph"
        if name in ("level", "transitional"):
            return "point" if in_article else "section"
        if name == "hcontainer":
            if element.get("name", "") in _SCHEDULES:
                return "part"
            return "point" if in_article else "section"
        return None

    def children(self, container: etree._Element, parent: str | None) -> list[_Node]:
        """Units inside a body (text outside any unit becomes an unnumbered unit)."""
        nodes: list[_Node] = []
        loose: list[etree._Element] = []
        for child in iter_children(container):
            kind = self.kind_of(child, parent)
            if kind is None:
                loose.append(child)
                continue
            if loose:
                nodes.append(self.loose(loose, parent))
                loose = []
            nodes.append(self.unit(child, kind))
        if loose:
            nodes.append(self.loose(loose, parent))
        return nodes

    def loose(self, elements: list[etree._Element], parent: str | None) -> _Node:
        kind = "point" if parent in _IN_ARTICLE else "section"
        lines = text_lines(elements, inline=INLINE, glue=GLUE, skip=SKIP)
        return _Node(kind, content=lines, line=sourceline(elements[0]))

    def unit(self, element: etree._Element, kind: str) -> _Node:
        schedule = localname(element) == "hcontainer" and element.get("name", "") in _SCHEDULES
        with self.annexed(schedule):
            return self._unit(element, kind)

    def _unit(self, element: etree._Element, kind: str) -> _Node:
        node = _Node(kind, line=sourceline(element))
        eid = element.get("eId", "")
        node.eid = eid if eid in self.unique else ""
        headings: list[str] = []
        after_children: list[str] = []
        for child in iter_children(element):
            name = localname(child)
            if name == "num" and not node.num:
                self.num(node, child)
            elif name in self.headings:
                headings.extend(text_lines([child], inline=INLINE))
            else:
                child_kind = self.kind_of(child, kind)
                if child_kind is not None:
                    node.children.append(self.unit(child, child_kind))
                    continue
                lines = text_lines([child], inline=INLINE, glue=GLUE, skip=SKIP)
                if node.children and name not in ("wrapUp",):
                    # Text between units (rare outside wrapUp) would lose its place in the
                    # content; it becomes an unnumbered unit where it stands.
                    loose_kind = "point" if kind in _IN_ARTICLE else "section"
                    node.children.append(_Node(loose_kind, content=lines, line=sourceline(child)))
                elif node.children:
                    after_children.extend(lines)
                else:
                    node.content.extend(lines)
        node.heading = " ".join(headings)
        node.content.extend(after_children)
        node.label = label_of(node.num)
        return node

    def num(self, node: _Node, element: etree._Element) -> None:
        """The number as written; a note inside it (the UK's "Section 13" reference under
        "Schedule 1") is not part of the number and opens the unit's content instead."""
        node.num = " ".join(text_lines([element], inline=INLINE, skip=_NOTE))
        notes = [
            note
            for note in element.iter()
            if localname(note) in _NOTE
            and not any(localname(up) in _NOTE for up in note.iterancestors() if up is not element)
        ]
        node.content[:0] = text_lines(notes, inline=INLINE, glue=GLUE)

    def attachments(self, container: etree._Element) -> list[_Node]:
        """A document's own attachments: schedules, whatever document each holds."""
        nodes: list[_Node] = []
        for attachment in iter_children(container):
            node = _Node("part", line=sourceline(attachment))
            eid = attachment.get("eId", "")
            node.eid = eid if eid in self.unique else ""
            headings: list[str] = []
            with self.annexed():
                for child in iter_children(attachment):
                    name = localname(child)
                    if name == "num":
                        self.num(node, child)
                    elif name in self.headings:
                        headings.extend(text_lines([child], inline=INLINE))
                    elif name == "meta":
                        continue
                    else:
                        self._attached_doc(child, node)
            node.heading = " ".join(headings)
            node.label = label_of(node.num)
            if node.num or node.heading or node.content or node.children:
                # (1.0's empty <attachment href=".." showAs=".."/> points at another file)
                nodes.append(node)
        return nodes

    def _attached_doc(self, doc: etree._Element, node: _Node) -> None:
        inner = [c for c in iter_children(doc) if localname(c) != "meta"]
        if not inner or localname(doc) in ("p", "content", "intro"):
            node.content.extend(text_lines([doc], inline=INLINE, glue=GLUE, skip=SKIP))
            return
        for child in inner:
            name = localname(child)
            if name in _BODIES:
                node.children.extend(self.children(child, "part"))
            elif name in ("attachments", "components"):
                node.children.extend(self.attachments(child))
            elif name == "collectionBody":
                for item in self.items(child):
                    if localname(item) in DOCUMENTS:
                        node.children.append(self.attached(item, annex=True))
                    else:
                        node.children.append(self._text_unit(item))
            elif node.children:
                node.children.append(self._text_unit(child))
            else:
                node.content.extend(text_lines([child], inline=INLINE, glue=GLUE, skip=SKIP))

    @staticmethod
    def _text_unit(element: etree._Element) -> _Node:
        lines = text_lines([element], inline=INLINE, glue=GLUE, skip=SKIP)
        return _Node("section", content=lines, line=sourceline(element))

    def freeze(self, roots: list[_Node]) -> tuple[Unit, ...]:
        return freeze(roots, "", set(self.unique))
