"""US legislative XML in USLM (GPO's 2.x and the House's 1.0 namespace) -> Bill.

Every document type of the USLM schemas that holds sections is read: bills, resolutions and
amendments, public and private laws (``<pLaw>``), statutes and Statutes at Large volumes
(``<statute>``, ``<statutesAtLarge>``), statute compilations, US Code titles (``<uscDoc>``),
constitutional amendments and the generic ``<lawDoc>``. The regulatory types (``<cfrDoc>``,
``<frDoc>``, ``<rule>``, ``<notice>``, ``<presidentialDoc>``) are refused by name: their
structure is not mapped, and a silent wrong structure is worse than a clear refusal.

Mapping onto billdiff's kinds (billdiff compares units of kind ``article``):

- ``division``, ``title``, ``part``, ``subpart`` -> ``part``; ``subtitle`` -> ``title``;
  ``chapter``, ``subchapter`` -> ``chapter``
- ``section`` -> ``article`` (num "SEC. 101." as written, heading "SHORT TITLE.")
- ``subsection`` (a) -> ``paragraph``
- ``paragraph`` (1), ``subparagraph`` (A), ``clause`` (i), ``subclause`` (I), ``item``,
  ``subitem`` -> ``point``
- ``appropriations`` headings of appropriations acts (siblings of the sections, not their
  containers) -> ``section``, a heading with its text.

The normalised number comes from ``num/@value`` when the document gives one. Quoted content
(``quotedContent``, ``quotedText``) is never a unit: an amendment's quoted section stays text
of the unit that quotes it. Everything outside ``<meta>`` is kept: ``preface``, the long
title, enacting or resolving clause and preamble become preface lines; the attestation and
endorsement that follow the body become the Bill's conclusions.

Presentation is not law: page breaks (``<page>``, whose text is a running "131 STAT. 12"),
marginal notes (``<sidenote>``), US Code notes and source credits (``<note>``, ``<notes>``,
``<sourceCredit>``), compilers' notes (``<editorialNote>``) and OLRC footnote markers are
taken out of the body (``<main>`` and its units) and kept, in document order, at the end of
the conclusions; in the front and back matter they stay where they stand. So the same
section reads the same in an enrolled bill and in the public law printed from it, and no
character is lost. Processing instructions (GPO's ``<?I50 PUBLIC LAW 115-6?>`` running heads)
carry no text of the document and are dropped.

A document nested in another (each ``<pLaw>`` of a Statutes at Large volume) becomes a
``part`` labelled with its citation ("Public Law 85-910" -> ``part_85-910``), so that the
"SEC. 1" of every law in a volume keeps an eId of its own.
"""

from __future__ import annotations

from lxml import etree

from billdiff.drafts import Draft, freeze
from billdiff.errors import InputError, UnsupportedFormatError
from billdiff.model import Bill, PrefaceLine
from billdiff.readers.xml import clean, iter_children, label_of, localname, sourceline, text_lines

USLM_NS = "http://schemas.gpo.gov/xml/uslm"
#: The House's first USLM namespace, still used by the US Code titles (``<uscDoc>``).
USLM_1_NS = "http://xml.house.gov/schemas/uslm/1.0"
NAMESPACES = frozenset({USLM_NS, USLM_1_NS})
#: Document elements of the schemas' ``lawDoc`` group whose body is sections.
ROOTS = frozenset(
    {
        "bill",
        "resolution",
        "amendment",
        "engrossedAmendment",
        "pLaw",
        "statute",
        "statutesAtLarge",
        "statuteCompilation",
        "uscDoc",
        "constitutionalAmendment",
        "lawDoc",
    }
)
#: Regulatory documents of the same schemas: Parts and sections of the CFR and Federal
#: Register documents are not mapped onto billdiff's kinds, so they are refused by name.
UNMAPPED = frozenset({"cfrDoc", "frDoc", "rule", "notice", "presidentialDoc"})
#: Presentation, not law (see the module docstring); taken out of the units.
PRESENTATION = frozenset(
    {"page", "sidenote", "note", "notes", "sourceCredit", "editorialNote", "meta"}
)

INLINE = frozenset(
    {
        "b",
        "committee",
        "date",
        "def",
        "del",
        "entity",
        "footnoteRef",
        "heading",
        "headingText",
        "i",
        "inline",
        "ins",
        "num",
        "quotedText",
        "ref",
        "shortTitle",
        "span",
        "sponsor",
        "cosponsor",
        "sub",
        "sup",
        "term",
        "u",
        "docNumber",
        "role",
    }
)
GLUE = frozenset({"num"})

_KINDS = {
    "division": "part",
    "subdivision": "part",
    "title": "part",
    "part": "part",
    "subpart": "part",
    "subtitle": "title",
    "chapter": "chapter",
    "subchapter": "chapter",
    "section": "article",
    "subsection": "paragraph",
    "paragraph": "point",
    "subparagraph": "point",
    "clause": "point",
    "subclause": "point",
    "item": "point",
    "subitem": "point",
    "subsubitem": "point",
    "appropriations": "section",
}


def is_uslm(root: etree._Element) -> bool:
    """A USLM document this reader maps (any root in ``ROOTS``, either namespace)."""
    return in_uslm_namespace(root) and localname(root) in ROOTS


def in_uslm_namespace(root: etree._Element) -> bool:
    return etree.QName(root).namespace in NAMESPACES


_Node = Draft  # a unit as this reader builds it


def read_uslm(root: etree._Element, *, source: str = "") -> Bill:
    """A USLM document (bill, resolution, law, statute, US Code title) -> a Bill."""
    if not is_uslm(root):
        name = localname(root)
        if in_uslm_namespace(root) and name in UNMAPPED:
            raise UnsupportedFormatError(
                f"a USLM <{name}> (a regulation or Federal Register document) is not supported;"
                " billdiff reads USLM bills, resolutions, laws, statutes and US Code titles",
                source=source,
            )
        raise InputError("not a USLM bill, resolution, law or code title", source=source)
    preface: list[PrefaceLine] = []
    back: list[PrefaceLine] = []
    # Footnote markers are judged by their class, a test made for every element of the text:
    # only in documents that have any (the US Code's).
    markers = any(_footnote_marker(ref) for ref in root.iter("{*}ref"))
    holders = _unit_holders(root)
    roots = _body(root, preface, back, top=True, markers=markers, holders=holders)
    notes = [PrefaceLine(line) for line in _presentation(root, holders)]
    language = root.xpath("string(.//*[local-name()='meta']/*[local-name()='language'])")
    language = str(language).strip() or str(root.get(_XML_LANG) or "")
    return Bill(
        # USLM's ids are random GUIDs that change between versions: eIds are built the
        # billdiff way (part_I__art_101__para_a) so that they mean the same in every version.
        body=freeze(roots),
        preface=tuple(preface),
        conclusions=(*back, *notes),
        profile="us",
        language="en" if language in ("", "EN", "en") else language.lower(),
        source=source,
    )


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_QUOTED = frozenset({"quotedContent", "quotedText"})


def _body(
    element: etree._Element,
    preface: list[PrefaceLine],
    back: list[PrefaceLine],
    *,
    top: bool,
    markers: bool,
    holders: set[etree._Element],
) -> list[_Node]:
    """The units of a document (or of a wrapper inside one); text around them goes to the
    preface before the first unit and to ``back`` after it."""
    roots: list[_Node] = []
    if not top and element.text and element.text.strip():
        preface.append(PrefaceLine(clean(element.text)))
    for child in iter_children(element):
        name = localname(child)
        kind = _kind(child)
        if name == "meta":
            pass
        elif top and kind is None and name != "main" and child not in holders:
            # Front and back matter (preface, signatures, legislative history): no section
            # to keep clean, so their page numbers and notes stay where they stand.
            (back if roots else preface).extend(_lines(child, markers, notes=True))
        elif _presentational(child) and child not in holders:
            pass  # its text is in the conclusions (see _presentation), its tail is not
        elif kind is not None:
            roots.append(_unit(child, kind, markers))
        elif name in ROOTS and not top and _structural(child):
            roots.append(_document(child, markers, holders))
        elif name == "main" or child in holders:
            # main, and the collection/component/publicLaws wrappers of a Statutes at Large
            # volume: their units are the document's, their other text goes around them.
            inner_preface: list[PrefaceLine] = []
            inner = _body(child, inner_preface, back, top=False, markers=markers, holders=holders)
            (back if roots else preface).extend(inner_preface)
            roots.extend(inner)
        else:
            (back if roots else preface).extend(_lines(child, markers))
        if not top and child.tail and child.tail.strip():
            (back if roots else preface).append(PrefaceLine(clean(child.tail)))
    return roots


def _kind(element: etree._Element) -> str | None:
    """billdiff's kind for a USLM unit element, None for anything else."""
    kind = _KINDS.get(localname(element))
    return kind if kind is not None and _structural(element) else None


def _structural(element: etree._Element) -> bool:
    """A unit or a nested document: a USLM element of those names (``dc:title`` is no title).
    Called for every child of every unit: the tag is split by hand, without QName."""
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith("{"):
        return False
    namespace, _, name = tag[1:].partition("}")
    return (name in _KINDS or name in ROOTS) and namespace in NAMESPACES


_SECTION_OR_ABOVE = frozenset({"part", "title", "chapter", "article"})
_HOLDER_TAGS = tuple(
    f"{{*}}{name}"
    for name in sorted(ROOTS | {n for n, k in _KINDS.items() if k in _SECTION_OR_ABOVE})
)


def _unit_holders(root: etree._Element) -> set[etree._Element]:
    """The elements that hold a section (or a container of sections, or a nested document)
    below them, outside quotations and presentation: the wrappers of the body. The numbered
    paragraphs of a preamble's recitals do not make the preamble a wrapper.

    Found in one pass up from each unit, stopping at an element already found (what lies
    above it is decided by it alone) or at a quotation or note, which holds the unit but
    hides it from what is above; so hostile nesting costs no more than the tree's size."""
    holders: set[etree._Element] = set()
    for unit in root.iter(*_HOLDER_TAGS):
        name = localname(unit)
        if not _structural(unit) or not (name in ROOTS or _KINDS[name] in _SECTION_OR_ABOVE):
            continue
        up = unit.getparent()
        while up is not None and up not in holders:
            holders.add(up)
            if localname(up) in _QUOTED or _presentational(up):
                break
            up = up.getparent()
    return holders


def _document(element: etree._Element, markers: bool, holders: set[etree._Element]) -> _Node:
    """A document nested in another (a law in a Statutes at Large volume) -> a ``part``."""
    cited = [
        str(element.xpath(f"string(./*[local-name()='meta']/*[local-name()='{name}'][1])"))
        for name in ("citableAs", "docNumber")
    ]
    label = label_of(next((text for text in cited if text.strip()), ""))
    node = _Node("part", label=label, line=sourceline(element))
    preface: list[PrefaceLine] = []
    back: list[PrefaceLine] = []
    units = _body(element, preface, back, top=False, markers=markers, holders=holders)
    node.content.extend(line.text for line in preface)
    node.children.extend(units)
    if back:
        node.children.append(_Node("point", content=[line.text for line in back]))
    return node


def _presentation(root: etree._Element, holders: set[etree._Element]) -> list[str]:
    """The text of the presentation elements that _body leaves out, in document order: every
    one inside a unit, and in the body outside units those that hold no unit (a compiler's
    bracket note around a repealed section is a wrapper, not a note). Front and back matter
    keep theirs in place."""
    lines: list[str] = []
    taken: set[etree._Element] = set()
    # For each element met: are its descendants hidden (in front or back matter, in <meta>, in
    # a note already taken), and are they in a unit? Filled once per element, so that deep
    # nesting costs no more than the tree's size.
    known: dict[etree._Element, tuple[bool, bool]] = {root: (False, False)}

    def context(element: etree._Element) -> tuple[bool, bool]:
        chain: list[etree._Element] = []
        node: etree._Element | None = element
        while node is not None and node not in known:
            chain.append(node)
            node = node.getparent()
        hidden, in_unit = known[node] if node is not None else (True, False)
        for node in reversed(chain):
            name = localname(node)
            outside_body = (
                node.getparent() is root
                and name != "main"
                and _kind(node) is None
                and node not in holders
            )
            hidden = hidden or name == "meta" or node in taken or outside_body
            in_unit = in_unit or _kind(node) is not None
            known[node] = (hidden, in_unit)
        return hidden, in_unit

    for element in root.iter(*_PRESENTATION_TAGS):
        parent = element.getparent()
        if parent is None or parent is root or not _presentational(element):
            continue  # the root, front or back matter, or a <ref> that marks no footnote
        hidden, in_unit = context(parent)
        if not hidden and (in_unit or element not in holders):
            taken.add(element)
            lines.extend(text_lines([element], inline=INLINE, glue=GLUE, skip=_META))
    return lines


_META = frozenset({"meta"})
# Any namespace, as text_lines skips them by name.
_PRESENTATION_TAGS = tuple(f"{{*}}{name}" for name in (PRESENTATION - _META) | {"ref"})


def _presentational(element: etree._Element) -> bool:
    """Presentation: an element named in PRESENTATION or an OLRC footnote marker."""
    return localname(element) in PRESENTATION or _footnote_marker(element)


def _footnote_marker(element: etree._Element) -> bool:
    """The marker of an OLRC footnote (``<ref class="footnoteRef">1</ref>``) goes where its
    ``<note type="footnote">`` goes. Called for every element of the text: the attribute,
    rarely present, is tested first."""
    return "footnoteRef" in (element.get("class") or "").split() and localname(element) == "ref"


def _text(element: etree._Element, markers: bool, *, glue: frozenset[str] = GLUE) -> list[str]:
    """The lines of an element without its presentation (collected by _presentation)."""
    return text_lines(
        [element],
        inline=INLINE,
        glue=glue,
        skip=PRESENTATION,
        skip_if=_footnote_marker if markers else None,
    )


def _lines(element: etree._Element, markers: bool, *, notes: bool = False) -> list[PrefaceLine]:
    if notes:
        return [
            PrefaceLine(line)
            for line in text_lines([element], inline=INLINE, glue=GLUE, skip=_META)
        ]
    return [PrefaceLine(line) for line in _text(element, markers)]


def _unit(element: etree._Element, kind: str, markers: bool) -> _Node:
    node = _Node(kind, line=sourceline(element))
    after: list[str] = []
    for child in iter_children(element):
        name = localname(child)
        if name in PRESENTATION or (markers and _footnote_marker(child)):
            continue
        if name == "num" and not node.num:
            node.num = " ".join(_text(child, markers, glue=frozenset()))
            node.label = child.get("value") or label_of(node.num)
            continue
        if name == "heading" and not node.heading:
            node.heading = " ".join(_text(child, markers, glue=frozenset()))
            continue
        child_kind = _KINDS.get(name)
        if child_kind is not None and not _structural(child):
            child_kind = None
        if child_kind is not None and not (kind == "article" and child_kind == "article"):
            node.children.append(_unit(child, child_kind, markers))
            continue
        lines = _text(child, markers)
        if not node.children:
            node.content.extend(lines)
        elif name == "continuation":
            after.extend(lines)  # the text after a list belongs to the unit that opened it
        else:
            # Text between units would lose its place in the content: it becomes an
            # unnumbered point where it stands.
            node.children.append(_Node("point", content=lines, line=sourceline(child)))
    node.content.extend(after)
    if not node.label:
        node.label = label_of(node.num)
    return node
