"""Akoma Ntoso XML from other drafting systems -> :class:`~billdiff.model.Bill`, directly.

billdiff's own Akoma Ntoso output is read back by :mod:`billdiff.akn`; this module reads what
other systems write: generic Akoma Ntoso 3.0 (e.g. Laws.Africa's), and the UK Parliament's
LawMaker flavour (standard namespace plus ``ukl:`` attributes, ``level`` elements,
cross-headings and schedules as ``hcontainer``).

Mapping onto billdiff's kinds (billdiff compares units of kind ``article``):

- ``section``, ``article``, ``clause`` (outside an article), ``rule`` -> ``article``
- ``subsection`` -> ``paragraph``; ``paragraph`` -> ``paragraph`` directly under an article
  or outside one (a schedule's paragraphs), ``point`` below a paragraph or point
- ``subparagraph``, ``point``, ``item``, ``indent``, ``alinea``, ``list``, ``level`` and
  unnumbered ``hcontainer`` definitions inside an article -> ``point``
- ``book``, ``part``, ``division``, schedules and attachments -> ``part``; ``title``,
  ``subtitle`` -> ``title``; ``chapter``, ``subchapter`` -> ``chapter``; a cross-heading or a
  ``level`` outside an article -> ``section`` (a heading that groups articles)

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

from lxml import etree

from billdiff.drafts import Draft, freeze
from billdiff.errors import InputError
from billdiff.model import Bill, PrefaceLine, Unit
from billdiff.readers.xml import clean, iter_children, label_of, localname, sourceline, text_lines

UK_NS = "https://www.legislation.gov.uk/namespaces/UK-AKN"

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
    }
)
GLUE = frozenset({"num"})
_TOC_GLUE = frozenset({"num", "inline", "span"})
_NOTE = frozenset({"authorialNote"})
SKIP = frozenset({"meta"})

_FIXED_KINDS = {
    "book": "part",
    "part": "part",
    "subpart": "part",
    "division": "part",
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
    "point": "point",
    "item": "point",
    "indent": "point",
    "alinea": "point",
    "list": "point",
    "sublist": "point",
}
_BODIES = ("body", "mainBody", "judgmentBody", "debateBody", "collectionBody", "portionBody")
_FRONT = frozenset({"coverPage", "preface", "preamble"})

_LANG = {"eng": "en", "rus": "ru", "kaz": "kk", "fra": "fr", "deu": "de", "swa": "sw"}


def is_akn(root: etree._Element) -> bool:
    return localname(root) == "akomaNtoso"


def read_akn(root: etree._Element, *, source: str = "") -> Bill:
    """An Akoma Ntoso tree from any drafting system -> a Bill."""
    if not is_akn(root):
        raise InputError("not an Akoma Ntoso document (no <akomaNtoso> root)", source=source)
    doc = next(iter_children(root), None)
    if doc is None:
        raise InputError("the Akoma Ntoso document is empty", source=source)
    filled = _fill_placeholders(doc)
    try:
        return _read(root, doc, source)
    finally:  # the caller's tree is left as it was given
        for ref, text in filled:
            ref.text = text


def _read(root: etree._Element, doc: etree._Element, source: str) -> Bill:
    builder = _Builder(doc)
    preface: list[PrefaceLine] = []
    back: list[PrefaceLine] = []
    roots: list[_Node] = []
    seen_body = False
    for child in iter_children(doc):
        name = localname(child)
        if name == "meta":
            continue
        if name in _BODIES:
            seen_body = True
            roots.extend(builder.children(child, None))
        elif name == "attachments" or name == "components":
            roots.extend(builder.attachments(child))
        elif name in _FRONT and not seen_body:
            preface.extend(_front_lines(child))
        else:  # conclusions, staticContent, anything else: text kept in the preface
            back.extend(_front_lines(child))
    flavour = root.nsmap.values()
    profile = "uk" if UK_NS in flavour else ""
    language = _LANG.get(
        root.xpath(
            "string(.//*[local-name()='FRBRExpression']/*[local-name()='FRBRlanguage']/@language)"
        ),  # type: ignore[arg-type]
        "",
    )
    return Bill(
        body=builder.freeze(roots),
        preface=tuple(preface),
        conclusions=tuple(back),
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
    def __init__(self, doc: etree._Element) -> None:
        self.unique, _ = keepable_eids(doc)

    def kind_of(self, element: etree._Element, parent: str | None) -> str | None:
        """billdiff's kind for a hierarchical element, or None when it is not a unit."""
        name = localname(element)
        in_article = parent in ("article", "paragraph", "point")
        if name in _FIXED_KINDS:
            kind = _FIXED_KINDS[name]
            if kind == "article" and in_article:
                return "point"  # a clause inside an article (rare) is one of its points
            return kind
        if name == "clause":
            return "point" if in_article else "article"
        if name == "paragraph":
            return "point" if parent in ("paragraph", "point") else "paragraph"
        if name == "level":
            return "point" if in_article else "section"
        if name == "hcontainer":
            kind_name = element.get("name", "")
            if kind_name in ("schedules", "schedule", "annex", "appendix"):
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
        kind = "point" if parent in ("article", "paragraph", "point") else "section"
        lines = text_lines(elements, inline=INLINE, glue=GLUE, skip=SKIP)
        return _Node(kind, content=lines, line=sourceline(elements[0]))

    def unit(self, element: etree._Element, kind: str) -> _Node:
        node = _Node(kind, line=sourceline(element))
        eid = element.get("eId", "")
        node.eid = eid if eid in self.unique else ""
        headings: list[str] = []
        after_children: list[str] = []
        for child in iter_children(element):
            name = localname(child)
            if name == "num" and not node.num:
                self.num(node, child)
            elif name in ("heading", "subheading"):
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
                    loose_kind = "point" if kind in ("article", "paragraph", "point") else "section"
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
        nodes: list[_Node] = []
        for attachment in iter_children(container):
            node = _Node("part", line=sourceline(attachment))
            eid = attachment.get("eId", "")
            node.eid = eid if eid in self.unique else ""
            headings: list[str] = []
            for child in iter_children(attachment):
                name = localname(child)
                if name == "num":
                    self.num(node, child)
                elif name in ("heading", "subheading"):
                    headings.extend(text_lines([child], inline=INLINE))
                elif name == "meta":
                    continue
                else:
                    self._attached_doc(child, node)
            node.heading = " ".join(headings)
            node.label = label_of(node.num)
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
            elif node.children:
                node.children.append(
                    _Node(
                        "section",
                        content=text_lines([child], inline=INLINE, glue=GLUE, skip=SKIP),
                    )
                )
            else:
                node.content.extend(text_lines([child], inline=INLINE, glue=GLUE, skip=SKIP))

    def freeze(self, roots: list[_Node]) -> tuple[Unit, ...]:
        return freeze(roots, "", set(self.unique))
