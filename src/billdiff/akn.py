"""Bill <-> Akoma Ntoso 3.0 XML (an lxml tree).

Articles, chapters and the rest become the Akoma Ntoso elements of the same name; a note
(«Сноска») becomes ``<hcontainer name="note">``; a table of contents becomes ``<toc>``. The
normalised number of a unit, which Akoma Ntoso has no attribute for, is kept in
``bd:label`` in billdiff's own namespace, and the profile in ``<proprietary>``. Reading the
XML back gives an equal Bill.
"""

from __future__ import annotations

from lxml import etree

from billdiff.errors import InputError
from billdiff.identity import Identity, identify
from billdiff.model import Bill, PrefaceLine, Unit

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
BD_NS = "urn:x-billdiff:1"
_A = f"{{{AKN_NS}}}"
_BD = f"{{{BD_NS}}}"
NSMAP = {None: AKN_NS, "bd": BD_NS}

_TAGS = {
    "part": "part",
    "title": "title",
    "chapter": "chapter",
    "section": "section",
    "article": "article",
    "paragraph": "paragraph",
    "point": "point",
    "note": "hcontainer",
}
# Akoma Ntoso elements from other drafting systems mapped onto billdiff's kinds when reading.
_KINDS = {
    "book": "part",
    "part": "part",
    "title": "title",
    "subtitle": "title",
    "chapter": "chapter",
    "subchapter": "chapter",
    "section": "section",
    "subsection": "paragraph",
    "article": "article",
    "clause": "article",
    "rule": "article",
    "paragraph": "paragraph",
    "subparagraph": "point",
    "point": "point",
    "item": "point",
    "indent": "point",
    "alinea": "point",
    "list": "point",
}


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, _A + tag, {k: v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def to_xml(bill: Bill, identity: Identity | None = None) -> etree._Element:
    """The Akoma Ntoso tree of a bill, identified by ``identity`` (by default what the
    document itself says, see :func:`billdiff.identity.identify`)."""
    root = etree.Element(_A + "akomaNtoso", nsmap=NSMAP)  # type: ignore[arg-type]
    doc = _sub(root, "bill", name="bill")
    _meta(doc, bill, identity or identify(bill))
    if bill.preface:
        preface = _sub(doc, "preface")
        toc: etree._Element | None = None
        for line in bill.preface:
            if line.role == "toc":
                if toc is None:
                    toc = _sub(preface, "toc")
                _sub(toc, "tocItem", line.text, href="#", level="1")
            else:
                toc = None
                _sub(preface, "p", line.text)
    body = _sub(doc, "body")
    for unit in bill.body:
        _unit(body, unit)
    if not bill.body:
        # Akoma Ntoso wants at least one element in a body; an empty container says "nothing".
        empty = _sub(body, "hcontainer", name="empty", eId="hcontainer_empty")
        _sub(_sub(empty, "content"), "p")
    if bill.conclusions:
        conclusions = _sub(doc, "conclusions")
        for line in bill.conclusions:
            _sub(conclusions, "p", line.text)
    return root


def to_bytes(bill: Bill, identity: Identity | None = None) -> bytes:
    return etree.tostring(
        to_xml(bill, identity), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )


def _meta(doc: etree._Element, bill: Bill, who: Identity) -> None:
    """The identification by the Akoma Ntoso naming convention (see :mod:`billdiff.identity`):
    work, expression and manifestation URIs, their dates, country, number and title."""
    meta = _sub(doc, "meta")
    ident = _sub(meta, "identification", source="#billdiff")
    # FRBRdate's name says what the date is: "unknown" for a placeholder
    work_date = {"text": "stated", "given": "reading"}.get(who.date_from, "unknown")
    reading = "unknown" if who.date_from == "unknown" else "reading"
    levels = (
        ("FRBRWork", f"{who.work}/!main", who.work, who.date, work_date),
        ("FRBRExpression", f"{who.expression}/!main", who.expression, who.expression_date, reading),
        ("FRBRManifestation", f"{who.expression}/!main.xml", who.expression, who.expression_date, reading),
    )  # fmt: skip
    for level, this, uri, date, name in levels:
        frbr = _sub(ident, level)
        _sub(frbr, "FRBRthis", value=this)
        _sub(frbr, "FRBRuri", value=uri)
        if level == "FRBRWork" and who.title:
            _sub(frbr, "FRBRalias", value=who.title, name="title")
        _sub(frbr, "FRBRdate", date=date, name=name)
        _sub(frbr, "FRBRauthor", href="#billdiff")
        if level == "FRBRWork":
            _sub(frbr, "FRBRcountry", value=who.country)
            _sub(frbr, "FRBRnumber", value=who.number)
        elif level == "FRBRExpression":
            _sub(frbr, "FRBRlanguage", language=who.language)
    proprietary = _sub(meta, "proprietary", source="#billdiff")
    etree.SubElement(proprietary, _BD + "profile").text = bill.profile
    etree.SubElement(proprietary, _BD + "language").text = bill.language


def _unit(parent: etree._Element, unit: Unit) -> None:
    attrs = {"eId": unit.eid}
    if unit.kind == "note":
        attrs["name"] = "note"
    element = _sub(parent, _TAGS[unit.kind], **attrs)
    if unit.label:
        element.set(_BD + "label", unit.label)
    if unit.num:
        _sub(element, "num", unit.num)
    if unit.heading:
        _sub(element, "heading", unit.heading)
    if unit.children:
        if unit.content:
            intro = _sub(element, "intro")
            for line in unit.content:
                _sub(intro, "p", line)
        for child in unit.children:
            _unit(element, child)
    else:
        content = _sub(element, "content")
        for line in unit.content or ("",):
            _sub(content, "p", line)


def from_xml(root: etree._Element, *, source: str = "") -> Bill:
    """Read an Akoma Ntoso tree (billdiff's own, or a similar one) into a Bill."""
    if etree.QName(root).localname != "akomaNtoso":
        raise InputError("not an Akoma Ntoso document (no <akomaNtoso> root)", source=source)
    ns = etree.QName(root).namespace or ""
    q = f"{{{ns}}}" if ns else ""
    doc = next((child for child in root if isinstance(child.tag, str)), None)
    if doc is None:
        raise InputError("the Akoma Ntoso document is empty", source=source)
    profile = root.findtext(f".//{_BD}profile") or ""
    language = root.findtext(f".//{_BD}language") or ""
    preface: list[PrefaceLine] = []
    for element in doc.iterfind(f"{q}preface"):
        for block in element:
            if not isinstance(block.tag, str):
                continue
            if etree.QName(block).localname == "toc":
                preface.extend(PrefaceLine(_text(item), "toc") for item in block)
            else:
                preface.append(PrefaceLine(_text(block)))
    body_el = doc.find(f"{q}body")
    if body_el is None:
        body_el = doc.find(f"{q}mainBody")
    body: list[Unit] = []
    if body_el is not None:
        body = [unit for child in body_el if (unit := _read_unit(child, q)) is not None]
    conclusions = [
        PrefaceLine(_text(block))
        for element in doc.iterfind(f"{q}conclusions")
        for block in element
        if isinstance(block.tag, str)
    ]
    return Bill(
        tuple(body),
        tuple(preface),
        profile=profile,
        language=language,
        source=source,
        conclusions=tuple(conclusions),
    )


def _read_unit(element: etree._Element, q: str) -> Unit | None:
    if not isinstance(element.tag, str):
        return None
    local = etree.QName(element).localname
    if local == "hcontainer":
        if element.get("name") == "empty":
            return None
        kind = "note" if element.get("name") == "note" else "section"
    else:
        found = _KINDS.get(local)
        if found is None:
            return None
        kind = found
    num = _text(element.find(f"{q}num"))
    heading = _text(element.find(f"{q}heading"))
    content: list[str] = []
    children: list[Unit] = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname
        if name in ("intro", "content", "wrapUp"):
            content.extend(_text(p) for p in child if isinstance(p.tag, str))
        elif name not in ("num", "heading", "subheading"):
            unit = _read_unit(child, q)
            if unit is not None:
                children.append(unit)
    if content == [""]:
        content = []
    return Unit(
        kind=kind,
        num=num,
        label=element.get(_BD + "label", ""),
        heading=heading,
        content=tuple(content),
        children=tuple(children),
        eid=element.get("eId", ""),
    )


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return "".join(str(text) for text in element.itertext())


def from_bytes(data: bytes, *, source: str = "") -> Bill:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"the XML is not well-formed: {exc}", source=source) from None
    return from_xml(root, source=source)
