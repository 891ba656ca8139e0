"""Akoma Ntoso (UK LawMaker, generic 3.0) and US USLM XML read straight into the model."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

import billdiff
from billdiff import InputError
from billdiff.model import Bill
from billdiff.readers.detect import sniff
from billdiff.readers.xml import label_of, localname, parse_xml

from .conftest import corpus_files

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
USLM = "http://schemas.gpo.gov/xml/uslm"
QUOTES = ("quotedStructure", "quotedContent", "embeddedStructure")


def document_text(root: etree._Element) -> str:
    """What a reader of the document reads: every text node outside <meta>, without the
    content of processing instructions, and the value of each empty placeholder (a UK print
    shows ``<ref class="placeholder" href="#varBillTitle"/>`` as the title kept in the
    metadata, the ``showAs`` of the TLC concept with that eId)."""
    out: list[str] = [root.text or ""]
    shown = {
        e.get("eId"): e.get("showAs")
        for e in root.iter()
        if isinstance(e.tag, str) and localname(e).startswith("TLC") and e.get("showAs")
    }

    def walk(element: etree._Element) -> None:
        name = localname(element)
        if name and name != "meta":
            text = element.text or ""
            if name == "ref" and element.get("class") == "placeholder" and not text.strip():
                text = shown.get((element.get("href") or "").removeprefix("#")) or text
            out.append(text)
            for child in element:
                walk(child)
        out.append(element.tail or "")

    for child in root:
        walk(child)
    return "".join(out)


def assert_conserved(root: etree._Element, bill: Bill) -> None:
    """Every character of the document's text is in the Bill and nothing is added.

    Compared as multisets: the model keeps a unit's wrap-up text with its content and the
    back matter in the preface, so the order can differ, never the characters."""
    expected = Counter(re.sub(r"\s", "", document_text(root)))
    found = Counter(re.sub(r"\s", "", bill.text()))
    assert found == expected, ((expected - found).most_common(5), (found - expected).most_common(5))


def unquoted_sections(root: etree._Element, *, top_level: bool) -> int:
    """<section> elements outside quoted structures (and, for USLM, outside other sections)."""
    count = 0
    for element in root.iter():
        if localname(element) != "section":
            continue
        ancestors = [localname(up) for up in element.iterancestors()]
        if any(name in QUOTES for name in ancestors):
            continue
        if top_level and "section" in ancestors:
            continue
        count += 1
    return count


def _read(path: Path) -> tuple[etree._Element, Bill]:
    data = path.read_bytes()
    return parse_xml(data, source=str(path)), billdiff.read(path)


UK_COUNTS = {"01": 39, "02": 44, "03": 44, "04": 43}
US_COUNTS = {
    "us-hjres37-116-yemen-war-powers/01": 5,
    "us-hjres37-116-yemen-war-powers/02": 6,
    "us-hr1058-116-autism-cares/01": 3,
    "us-hr1058-116-autism-cares/02": 3,
    "us-hr2157-116-supplemental-approps/01": 25,
    "us-hr2157-116-supplemental-approps/02": 25,
    "us-hr264-116-fsgg-approps-near-identical/01": 155,
    "us-hr264-116-fsgg-approps-near-identical/02": 155,
    "us-sconres13-116-taiwan/01": 1,
    "us-sconres13-116-taiwan/02": 1,
    "us-sconres13-116-taiwan/03": 1,
}


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_files("uk-*/*.xml"), ids=lambda p: p.name)
def test_uk_clause_counts(path: Path) -> None:
    root, bill = _read(path)
    expected = UK_COUNTS[path.name[:2]]
    assert unquoted_sections(root, top_level=False) == expected  # the pinned number is right
    assert len(bill.articles()) == expected
    assert [a.label for a in bill.articles()] == [str(n) for n in range(1, expected + 1)]
    assert bill.profile == "uk" and bill.language == "en"
    assert_conserved(root, bill)


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_files("us-*/*.xml"), ids=lambda p: p.parent.name + p.name)
def test_us_section_counts(path: Path) -> None:
    root, bill = _read(path)
    expected = US_COUNTS[f"{path.parent.name}/{path.name[:2]}"]
    assert unquoted_sections(root, top_level=True) == expected
    assert len(bill.articles()) == expected
    # a section never holds another article: quoted sections stay text
    for article in bill.articles():
        assert all(unit.kind != "article" for unit in article.iter() if unit is not article)
    assert_conserved(root, bill)


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_files("akn-*/*.xml"), ids=lambda p: p.name)
def test_generic_akn_sample(path: Path) -> None:
    root, bill = _read(path)
    assert len(bill.articles()) == unquoted_sections(root, top_level=False) == 155
    kinds = Counter(unit.kind for unit in bill.iter())
    assert kinds["chapter"] == 10
    first = bill.articles()[0]
    assert (first.num, first.heading, first.eid) == (
        "1.",
        "Kutangaza jamhuri ya muungano",
        "chp_Kwanza__part_Kwanza__sec_1",
    )
    assert bill.language == "sw"
    assert_conserved(root, bill)


@pytest.mark.corpus
def test_uk_structure_and_quoted_amendments(corpus: Path) -> None:
    path = next((corpus / "uk-social-housing-regulation-bill-2022").glob("01-*.xml"))
    bill = billdiff.read(path)
    first = bill.articles()[0]
    assert (first.num, first.heading, first.eid) == ("1", "Fundamental objectives", "sec_1")
    # the quoted "(ca)" inserted into another Act is text of point (c), not a unit of the bill
    point_c = next(u for u in first.iter() if u.eid == "sec_1__para_c")
    assert point_c.kind == "point" and point_c.num == "(c)"
    assert any(line.startswith("(ca) to ensure") for line in point_c.content)
    three = bill.articles()[2]
    assert [c.kind for c in three.children] == ["paragraph"] * 3
    assert three.children[0].num == "(1)"
    # cross-headings group clauses; schedules are parts, their paragraphs are not clauses
    assert (
        bill.body[0].kind == "section" and bill.body[0].heading == "The Regulator of Social Housing"
    )
    schedules = next(u for u in bill.body if u.eid == "scheds")
    assert schedules.kind == "part"
    assert not [u for u in schedules.iter() if u.kind == "article"]
    assert schedules.children[0].num == "Schedule 1"
    toc = [line.text for line in bill.preface if line.role == "toc"]
    assert "1 Fundamental objectives" in toc
    # the title and stage are placeholders filled from the metadata, as in the print
    assert bill.title == "Social Housing (Regulation) Bill [HL]"
    assert bill.preface[1].text == "[As amended in Committee]"
    eids = [unit.eid for unit in bill.iter()]
    assert len(eids) == len(set(eids))


@pytest.mark.corpus
def test_us_structure(corpus: Path) -> None:
    bill = billdiff.read(next((corpus / "us-hr2157-116-supplemental-approps").glob("01-*.xml")))
    title = bill.body[0] if bill.body[0].kind == "part" else bill.body[1]
    assert title.kind == "part" and title.num.startswith("TITLE I")
    sec = next(a for a in bill.articles() if a.label == "104")
    assert sec.num == "Sec. 104." and sec.eid == "part_I__art_104"
    assert [c.kind for c in sec.children][:2] == ["paragraph", "paragraph"]
    assert sec.children[0].children[0].kind == "point"
    bill = billdiff.read(next((corpus / "us-hjres37-116-yemen-war-powers").glob("01-*.xml")))
    one = bill.articles()[0]
    assert (one.num, one.heading, one.label) == ("SECTION 1.", "FINDINGS.", "1")
    assert one.content == ("Congress finds the following:",)


@pytest.mark.corpus
@pytest.mark.parametrize(
    "case", ["uk-social-housing-regulation-bill-2022", "us-hr2157-116-supplemental-approps"]
)
def test_sniffing_corpus(corpus: Path, case: str) -> None:
    for path in (corpus / case).glob("*.xml"):
        assert sniff(path.read_bytes(), path.name) == ("akn" if case.startswith("uk") else "uslm")


# --- small documents written here -------------------------------------------------------

QUOTED_AKN = f"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="{AKN}"><act name="act"><meta/>
<preface><p>An Act to amend things</p></preface>
<body>
<section eId="sec_1"><num>1</num><heading>Amendment</heading>
  <subsection eId="sec_1__subsec_1"><num>(1)</num>
    <content><p><mod>After section 5 insert—<quotedStructure>
      <section eId="sec_1__qstr__sec_5A"><num>5A</num><heading>New power</heading>
        <subsection eId="dup"><num>(1)</num><content><p>The Minister may act.</p></content></subsection>
      </section></quotedStructure></mod></p></content>
  </subsection>
  <subsection eId="dup"><num>(2)</num><content><p>Second <i>subsection</i>.</p></content></subsection>
</section>
<section><num>2</num><heading>Commencement</heading><content><p>Now.</p></content></section>
</body></act></akomaNtoso>""".encode()


def test_quoted_structure_is_text_of_the_quoting_unit() -> None:
    bill = billdiff.parse(QUOTED_AKN, source="quoted.xml")
    assert [a.num for a in bill.articles()] == ["1", "2"]
    sub = bill.articles()[0].children[0]
    assert sub.kind == "paragraph"
    assert sub.content == ("After section 5 insert—", "5A New power", "(1) The Minister may act.")
    # duplicated eIds are not kept; missing ones are generated
    second = bill.articles()[0].children[1]
    assert second.eid == "sec_1__para_2"
    assert second.content == ("Second subsection.",)
    assert bill.articles()[1].eid == "art_2"
    assert_conserved(etree.fromstring(QUOTED_AKN), bill)


USLM_DOC = f"""<?xml version="1.0"?>
<bill xmlns="{USLM}"><meta><dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">X</dc:title></meta>
<main><longTitle><officialTitle>To do things.</officialTitle></longTitle>
<section><num value="1">SECTION 1. </num><heading>SHORT TITLE.</heading>
  <content>This Act may be cited as the Test Act.</content></section>
<section><num value="2">SEC. 2. </num><heading>AMENDMENT.</heading>
  <subsection><num value="a">(a) </num><chapeau>Section 5 is amended—</chapeau>
    <paragraph><num value="1">(1) </num><content>by striking; and</content></paragraph>
    <paragraph><num value="2">(2) </num><content>by adding:
      <quotedContent><section><num value="5">“SEC. 5. </num><heading>NEW.</heading>
      <content>Text.”.</content></section></quotedContent></content></paragraph>
  </subsection></section>
</main></bill>""".encode()


def test_uslm_quoted_section_is_not_an_article() -> None:
    bill = billdiff.parse(USLM_DOC, source="b.xml")
    assert [(a.num, a.label, a.heading) for a in bill.articles()] == [
        ("SECTION 1.", "1", "SHORT TITLE."),
        ("SEC. 2.", "2", "AMENDMENT."),
    ]
    sub = bill.articles()[1].children[0]
    assert (sub.kind, sub.label, sub.content) == ("paragraph", "a", ("Section 5 is amended—",))
    point = sub.children[1]
    assert point.kind == "point" and point.eid == "art_2__para_a__point_2"
    assert point.content == ("by adding:", "“SEC. 5. NEW.", "Text.”.")
    assert bill.preface[0].text == "To do things."
    assert_conserved(etree.fromstring(USLM_DOC), bill)


def test_billdiff_own_xml_still_round_trips() -> None:
    bill = billdiff.parse("Статья 1. Общие\n1. Текст.\nСтатья 2. Другое\nТекст два.")
    assert billdiff.parse(billdiff.to_xml(bill)) == bill


@pytest.mark.parametrize(
    ("num", "label"),
    [("SEC. 101.", "101"), ("(a)", "a"), ("Part 2", "2"), ("5A", "5A"), ("TITLE IV—", "IV")],
)
def test_label_of(num: str, label: str) -> None:
    assert label_of(num) == label


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (QUOTED_AKN, "x", "akn"),
        (USLM_DOC, "x", "uslm"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "x", "html"),
        (b"<p>fragment</p>", "page.html", "html"),
        ('<a id="st1"></a>\n## Статья 1.'.encode(), "x.md", "text"),
        (b"<?xml version='1.0'?><other/>", "x", "xml"),
        (b"%PDF-1.7\n", "x", "pdf"),
        (b"PK\x03\x04rest", "x", "docx"),
        ("\ufeff<akomaNtoso/>".encode("utf-16-le"), "x", "akn"),
        # issue 21: UTF-32 with a BOM is XML, not text that happens to start with "<"
        ("\ufeff<akomaNtoso/>".encode("utf-32-le"), "x", "akn"),
        ("\ufeff<?xml version='1.0'?><akomaNtoso/>".encode("utf-32-be"), "x", "akn"),
        # a PDF header stands at a line start in the first KiB; inside a sentence it is text
        (b"junk from a mail gateway\r\n%PDF-1.4\n", "x", "pdf"),
        (b"Article 1\nThe header %PDF-1.4 opens every PDF.\n", "x.txt", "text"),
        (b"Article 1\nThe header is %PDF-.\n%PDF- is not a version\n", "x.txt", "text"),
    ],
)
def test_sniff(data: bytes, name: str, kind: str) -> None:
    assert sniff(data, name) == kind


def test_utf32_akoma_ntoso_with_a_bom_is_read_as_xml() -> None:
    doc = QUOTED_AKN.decode().replace('encoding="UTF-8"', 'encoding="UTF-32"', 1)
    data = doc.encode("utf-32")  # the BOM in the machine's byte order
    bill = billdiff.parse(data, source="u32.xml")
    assert bill == billdiff.parse(QUOTED_AKN, source="u8.xml")
    assert "akomaNtoso" not in bill.text()


def test_xml_that_is_neither_akn_nor_uslm_is_refused() -> None:
    with pytest.raises(billdiff.UnsupportedFormatError, match="neither Akoma Ntoso nor USLM"):
        billdiff.parse(b"<?xml version='1.0'?><other/>", source="o.xml")


def test_malformed_xml_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"bad\.xml: the XML is not well-formed"):
        billdiff.parse(f'<akomaNtoso xmlns="{AKN}"><act>'.encode(), source="bad.xml")


@pytest.mark.corpus
@pytest.mark.parametrize(
    "path", corpus_files("uk-*/*.xml") + corpus_files("us-*/*.xml"), ids=lambda p: p.name
)
def test_xml_and_its_text_rendering_give_the_same_numbered_articles(path: Path) -> None:
    """The .txt beside each .xml is the same version as plain text: parsed by the uk/us
    profiles it must find the same numbered articles. (The XML also has unnumbered sections,
    the enacting "That the following sums..." ones, which plain text cannot tell apart.)"""
    from_xml = [a.label for a in billdiff.read(path).articles() if a.num]
    from_text = [a.label for a in billdiff.read(path.with_suffix(".txt")).articles()]
    assert from_xml == from_text


@pytest.mark.corpus
@pytest.mark.parametrize(
    "case",
    sorted({p.parent.name for p in corpus_files("*/*.xml")}),
)
def test_every_corpus_xml_through_parse_and_compare(corpus: Path, case: str) -> None:
    """Zero crashes; a version compared with itself has no change; and the controls whose
    section text is identical across stages (front matter aside) show no change at all,
    which they would not if a reader let cover pages or stage metadata into the articles."""
    bills = [billdiff.read(path) for path in sorted((corpus / case).glob("*.xml"))]
    for bill in bills:
        assert not billdiff.compare(bill, bill).changed
    controls = ("us-hr1058", "us-hr264", "us-sconres13")
    for old, new in itertools.pairwise(bills):
        comparison = billdiff.compare(old, new)
        if case.startswith(controls):
            # the front matter of the prints differs (reported in comparison.frame), no article
            assert all(change.kind == "unchanged" for change in comparison.changes), case
        else:
            assert comparison.changed


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_files("*/*.xml"), ids=lambda p: p.name)
def test_foreign_xml_written_as_billdiff_akn_is_valid_and_round_trips(path: Path) -> None:
    from billdiff import akn

    from .helpers import assert_valid_akn

    bill = billdiff.read(path)
    xml = billdiff.to_xml(bill)
    assert_valid_akn(xml)  # the official AKN 3.0 schema and billdiff's own
    assert akn.from_bytes(xml) == bill


def test_empty_placeholders_show_their_value_from_the_metadata() -> None:
    data = f"""<akomaNtoso xmlns="{AKN}"><bill>
      <meta><references source="#x">
        <TLCConcept eId="varBillTitle" href="/c" showAs="Patrol Bill"/>
      </references></meta>
      <preface><p><docTitle><ref class="placeholder" href="#varBillTitle"/></docTitle></p>
        <p><ref class="placeholder" href="#varUnknown"/>Stage</p></preface>
      <body><section eId="sec_1"><num>1</num><heading>Patrols</heading>
        <content><p>A patrol may act.</p></content></section></body>
    </bill></akomaNtoso>""".encode()
    bill = billdiff.parse(data)
    assert bill.title == "Patrol Bill"
    assert [line.text for line in bill.preface] == ["Patrol Bill", "Stage"]
    assert_conserved(etree.fromstring(data), bill)


def test_reading_leaves_the_callers_tree_as_it_was() -> None:
    from billdiff.readers.akn import read_akn

    root = etree.fromstring(
        f"""<akomaNtoso xmlns="{AKN}"><bill>
      <meta><references source="#x">
        <TLCConcept eId="varBillTitle" href="/c" showAs="Patrol Bill"/>
      </references></meta>
      <preface><p><docTitle><ref class="placeholder" href="#varBillTitle"> </ref></docTitle></p>
      </preface>
      <body><section eId="sec_1"><num>1</num><content><p>A patrol may act.</p></content>
      </section></body></bill></akomaNtoso>""".encode()
    )
    before = etree.tostring(root)
    assert read_akn(root).title == "Patrol Bill"
    assert etree.tostring(root) == before
