"""US Congress bill XML in USLM (``<bill>``/``<resolution>`` in the USLM namespace) -> Bill.

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
"""

from __future__ import annotations

from lxml import etree

from billdiff.drafts import Draft, freeze
from billdiff.errors import InputError
from billdiff.model import Bill, PrefaceLine
from billdiff.readers.xml import clean, iter_children, label_of, localname, sourceline, text_lines

USLM_NS = "http://schemas.gpo.gov/xml/uslm"
ROOTS = frozenset({"bill", "resolution", "amendment", "engrossedAmendment"})

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
    return etree.QName(root).namespace == USLM_NS and localname(root) in ROOTS


_Node = Draft  # a unit as this reader builds it


def read_uslm(root: etree._Element, *, source: str = "") -> Bill:
    """A USLM bill or resolution -> a Bill."""
    if not is_uslm(root):
        raise InputError("not a USLM bill or resolution", source=source)
    preface: list[PrefaceLine] = []
    back: list[PrefaceLine] = []
    roots: list[_Node] = []
    for child in iter_children(root):
        name = localname(child)
        if name == "meta":
            continue
        if name == "main":
            for part in iter_children(child):
                kind = _KINDS.get(localname(part))
                if kind is not None:
                    roots.append(_unit(part, kind))
                elif roots:
                    back.extend(_lines(part))
                else:
                    preface.extend(_lines(part))
            if child.text and child.text.strip():
                preface.insert(0, PrefaceLine(clean(child.text)))
        elif roots:
            back.extend(_lines(child))
        else:
            preface.extend(_lines(child))
    language = root.xpath("string(.//*[local-name()='meta']/*[local-name()='language'])")
    return Bill(
        # USLM's ids are random GUIDs that change between versions: eIds are built the
        # billdiff way (part_I__art_101__para_a) so that they mean the same in every version.
        body=freeze(roots),
        preface=tuple(preface),
        conclusions=tuple(back),
        profile="us",
        language="en" if str(language).strip() in ("", "EN", "en") else str(language).lower(),
        source=source,
    )


def _lines(element: etree._Element) -> list[PrefaceLine]:
    return [PrefaceLine(line) for line in text_lines([element], inline=INLINE, glue=GLUE)]


def _unit(element: etree._Element, kind: str) -> _Node:
    node = _Node(kind, line=sourceline(element))
    after: list[str] = []
    for child in iter_children(element):
        name = localname(child)
        if name == "num" and not node.num:
            node.num = " ".join(text_lines([child], inline=INLINE))
            node.label = child.get("value") or label_of(node.num)
            continue
        if name == "heading" and not node.heading:
            node.heading = " ".join(text_lines([child], inline=INLINE))
            continue
        child_kind = _KINDS.get(name)
        if child_kind is not None and not (kind == "article" and child_kind == "article"):
            node.children.append(_unit(child, child_kind))
            continue
        lines = text_lines([child], inline=INLINE, glue=GLUE)
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
