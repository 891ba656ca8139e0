"""Every USLM document type (issue 13, item 3): laws, statutes, compilations and US Code titles
in both namespaces, with GPO's and OLRC's presentation (page breaks, sidenotes, notes, source
credits) kept out of the sections, and the same eIds in an enrolled bill and in its public law.

The documents are real GPO and OLRC files of fixtures/real (see their SOURCE.md)."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

import billdiff
from billdiff import UnsupportedFormatError
from billdiff.readers.detect import sniff
from billdiff.readers.xml import localname

from .conftest import ROOT
from .test_readers_xml import assert_conserved, unquoted_sections

GPO = ROOT / "fixtures" / "real" / "usgpo-uslm"
USC = ROOT / "fixtures" / "real" / "nagle-uscode" / "usc01.xml"
OLD_USC = ROOT / "fixtures" / "real" / "opengov-uscode"
USLM = "http://schemas.gpo.gov/xml/uslm"
USLM_1 = "http://xml.house.gov/schemas/uslm/1.0"

# Each enrolled bill (or joint resolution) and the public law it became.
PAIRS = [
    ("115hr255enr_good.xml", "115publ6-uslm.xml"),
    ("115hr321enr_good.xml", "115publ7-uslm.xml"),
    ("115hjres37enr_good.xml", "115publ11-uslm.xml"),
    ("115sjres1enr_good.xml", "115publ18-uslm.xml"),
    ("113hjres91enr_good.xml", "113publ44-uslm.xml"),
    ("114hr240enr_good.xml", "114publ4-uslm.xml"),
]
DOCUMENTS = sorted([*GPO.glob("*.xml"), USC, *OLD_USC.glob("*.xml")])


def _root(path: Path) -> etree._Element:
    return etree.parse(str(path)).getroot()


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name)
def test_every_document_type_is_read_whole(path: Path) -> None:
    """Each real document: sniffed as USLM, one article per section outside quotations and
    other sections, and every character of its text kept."""
    root = _root(path)
    assert sniff(path.read_bytes(), path.name) == "uslm"
    bill = billdiff.read(path)
    assert len(bill.articles()) == unquoted_sections(root, top_level=True)
    assert_conserved(root, bill)


@pytest.mark.parametrize(("enrolled", "law"), PAIRS, ids=lambda name: name.split("-")[0])
def test_an_enrolled_bill_compares_cleanly_with_its_public_law(enrolled: str, law: str) -> None:
    """Same sections, same eIds, no change: the law adds only page breaks, sidenotes and its
    legislative history, which are presentation."""
    old, new = billdiff.read(GPO / enrolled), billdiff.read(GPO / law)
    assert [a.eid for a in old.articles()] == [a.eid for a in new.articles()]
    comparison = billdiff.compare(old, new)
    assert comparison.changes
    assert {change.kind for change in comparison.changes} == {"unchanged"}


def test_page_breaks_and_sidenotes_are_not_section_text() -> None:
    """Public Law 115-6 prints "131 STAT. 12" in the middle of section 3's sentence and a
    marginal "42 USC 1885a note." in section 2: both go to the conclusions."""
    bill = billdiff.read(GPO / "115publ6-uslm.xml")
    sections = {article.eid: article.text() for article in bill.articles()}
    assert "STAT" not in sections["art_3"]
    assert "the following new paragraph:\n“(12) encourage" in sections["art_3"]
    assert "1885a note" not in sections["art_2"]
    back = [line.text for line in bill.conclusions]
    assert "131 STAT. 12" in back
    assert "42 USC 1885a note." in back
    # The running heads are processing instructions: no text of the document.
    assert "PUBLIC LAW 115–6—FEB. 28, 2017" not in bill.text()


def test_us_code_title_in_uslm_1() -> None:
    """Title 1 of the Code (USLM 1.0, root uscDoc): title -> part, chapters, 39 sections; the
    notes and source credits of a section are not its text."""
    bill = billdiff.read(USC)
    articles = bill.articles()
    assert len(articles) == 39
    first = articles[0]
    assert first.eid == "part_1__chp_1__art_1"
    assert first.num == "§ 1."
    assert first.heading == "Words denoting number, gender, and so forth"
    assert "July 30, 1947, ch. 388" not in first.text()  # its source credit
    assert "Amendments" not in first.text()  # its notes
    back = "\n".join(line.text for line in bill.conclusions)
    assert "July 30, 1947, ch. 388, 61 Stat. 633" in back
    assert bill.language == "en"


def test_a_repealed_section_bracketed_in_an_editorial_note_is_an_article() -> None:
    """A compilation prints a repealed section inside ``<editorialNote>[ ... ]``: a wrapper
    holding a section is not a note."""
    bill = billdiff.read(GPO / "COMPS-1656.xml")
    by_eid = {article.eid: article for article in bill.articles()}
    assert list(by_eid) == [f"art_{n}" for n in range(1, 9)]  # the first has no number
    assert by_eid["art_7"].text().startswith("Sec. 7. Repealed by section 3(a)")
    # The "[16 U.S.C. 757f]" references before the sections are compilers' notes.
    assert "757f" not in by_eid["art_6"].text()


def _volume(*laws: str) -> etree._Element:
    """A Statutes at Large volume as the schema nests it (collection / component /
    publicLaws), holding real public laws."""
    volume = etree.Element(f"{{{USLM}}}statutesAtLarge", nsmap={None: USLM})
    etree.SubElement(volume, f"{{{USLM}}}meta").text = "Volume 131"
    main = etree.SubElement(volume, f"{{{USLM}}}main")
    component = etree.SubElement(
        etree.SubElement(main, f"{{{USLM}}}collection"), f"{{{USLM}}}component"
    )
    etree.SubElement(component, f"{{{USLM}}}heading").text = "PUBLIC LAWS"
    public_laws = etree.SubElement(component, f"{{{USLM}}}publicLaws")
    for law in laws:
        public_laws.append(copy.deepcopy(_root(GPO / law)))
    return volume


def test_statutes_at_large_volume_keeps_each_law_apart() -> None:
    volume = _volume("115publ6-uslm.xml", "115publ7-uslm.xml")
    bill = billdiff.parse(etree.tostring(volume), source="volume.xml")
    eids = [article.eid for article in bill.articles()]
    assert eids == [
        *(f"part_115-6__art_{n}" for n in (1, 2, 3)),
        *(f"part_115-7__art_{n}" for n in (1, 2, 3, 4)),
    ]
    assert_conserved(volume, bill)
    # A law read alone and the same law in the volume: same sections, same text.
    alone = billdiff.read(GPO / "115publ6-uslm.xml").articles()
    assert [a.text() for a in alone] == [a.text() for a in bill.articles()[:3]]


def _minimal(root: str, namespace: str) -> bytes:
    return (
        f'<?xml version="1.0"?><{root} xmlns="{namespace}"><meta><docNumber>9</docNumber></meta>'
        "<main><section><num value='1'>SEC. 1. </num><heading>SHORT TITLE.</heading>"
        "<content>This Act may<?I50 RUNNING HEAD?> be cited<page>9 STAT. 2</page> as the"
        " Act.</content><sidenote><p>1 USC 1 note.</p></sidenote>"
        "<sourceCredit>(Pub. L. 9-9.)</sourceCredit>"
        "<notes><note><heading>Amendments</heading><p>2020—Pub. L. 1.</p></note></notes>"
        f"</section></main></{root}>"
    ).encode()


@pytest.mark.parametrize("namespace", [USLM, USLM_1], ids=["2.x", "1.0"])
@pytest.mark.parametrize(
    "root", ["pLaw", "statute", "uscDoc", "statuteCompilation", "lawDoc", "bill"]
)
def test_each_root_in_each_namespace(root: str, namespace: str) -> None:
    data = _minimal(root, namespace)
    assert sniff(data, "x.xml") == "uslm"
    bill = billdiff.parse(data, source="x.xml")
    (article,) = bill.articles()
    assert article.text() == "SEC. 1. SHORT TITLE.\nThis Act may be cited as the Act."
    assert [line.text for line in bill.conclusions] == [
        "9 STAT. 2",
        "1 USC 1 note.",
        "(Pub. L. 9-9.)",
        "Amendments",
        "2020—Pub. L. 1.",
    ]
    assert_conserved(etree.fromstring(data), bill)


def test_a_regulation_is_refused_by_name() -> None:
    data = f'<cfrDoc xmlns="{USLM}"><main><section><num>§ 1.1</num></section></main></cfrDoc>'
    with pytest.raises(UnsupportedFormatError, match=r"r\.xml: a USLM <cfrDoc> .* not supported"):
        billdiff.parse(data.encode(), source="r.xml")


def test_a_regulation_is_one_error_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "rule.xml"
    path.write_text(f'<?xml version="1.0"?><rule xmlns="{USLM}"><main/></rule>')
    result = subprocess.run(
        [sys.executable, "-m", "billdiff", "parse", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "a USLM <rule>" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_a_dublin_core_title_is_not_a_unit() -> None:
    """``dc:title`` has the local name of a USLM ``title``; only USLM elements are units."""
    data = (
        f'<pLaw xmlns="{USLM}" xmlns:dc="http://purl.org/dc/elements/1.1/"><main>'
        "<dc:title>Not a title</dc:title><section><num value='1'>SEC. 1.</num>"
        "<content>Text.</content></section></main></pLaw>"
    ).encode()
    bill = billdiff.parse(data, source="d.xml")
    assert [unit.kind for unit in bill.body] == ["article"]
    assert [line.text for line in bill.preface] == ["Not a title"]


def test_uslm_roots_listed_in_the_docs() -> None:
    """docs/input-formats.md names every root the reader accepts and every one it refuses."""
    from billdiff.readers.uslm import ROOTS, UNMAPPED

    doc = (ROOT / "docs" / "input-formats.md").read_text(encoding="utf-8")
    for name in ROOTS | UNMAPPED:
        assert f"`{name}`" in doc, name
    assert localname(_root(USC)) == "uscDoc"


def test_text_after_a_page_break_between_sections_is_kept() -> None:
    data = (
        f'<pLaw xmlns="{USLM}"><main><section><num value="1">SEC. 1.</num><content>A.</content>'
        "</section><page>9 STAT. 3</page>Continued text.<section><num value='2'>SEC. 2.</num>"
        "<content>B.</content></section></main></pLaw>"
    ).encode()
    bill = billdiff.parse(data, source="p.xml")
    assert [a.eid for a in bill.articles()] == ["art_1", "art_2"]
    assert_conserved(etree.fromstring(data), bill)


def test_two_releases_of_a_code_title_differ_only_by_their_amendments() -> None:
    """Title 1 at release point 113-31 (2013) and 114-329 (2016): the notes, source credits
    and footnotes changed throughout, the law of four sections only (Pub. L. 113-235 renamed
    the Government Printing Office and the Public Printer)."""
    comparison = billdiff.compare(OLD_USC / "usc01.xml", USC)
    modified = {change.eid for change in comparison.changes if change.kind != "unchanged"}
    assert len(comparison.changes) == 39
    assert modified == {f"part_1__chp_3__art_{n}" for n in (201, 205, 207, 209)}
    for change in comparison.changes:
        if change.kind != "unchanged":
            assert {span.text for span in change.spans if span.op == "insert"} <= {
                "Director of the Government Publishing Office",
                "Publishing",
            }


def test_a_code_footnote_marker_goes_with_its_footnote() -> None:
    """OLRC prints "(50 U.S.C. App. 2405(j)(1)(A)),<ref class="footnoteRef">1</ref>" and the
    footnote "1 See References in Text note below." inside 1 U.S.C. 112b: both are notes."""
    bill = billdiff.read(USC)
    (section,) = [a for a in bill.articles() if a.eid == "part_1__chp_2__art_112b"]
    assert "2405(j)(1)(A)), section 620A(a)" in section.text()
    assert "See References in Text note below." not in section.text()
    back = [line.text for line in bill.conclusions]
    footnote = back.index("1 See References in Text note below.")
    assert back[footnote - 1] == "1"  # the marker, just before its footnote


def test_notes_outside_the_body_stay_where_they_stand() -> None:
    """The legislative history after a law's body is back matter already: its notes stay
    under its heading, and the page number of the preface stays first in the preface."""
    bill = billdiff.read(GPO / "115publ6-uslm.xml")
    back = [line.text for line in bill.conclusions]
    history = back.index("LEGISLATIVE HISTORY—H.R. 255:")
    assert back[history + 1 : history + 3] == [
        "CONGRESSIONAL RECORD, Vol. 163 (2017):",
        "Jan. 10, considered and passed House.",
    ]
    assert bill.preface[0].text == "131 STAT. 11"


@pytest.mark.parametrize("namespace", [USLM, USLM_1], ids=["2.x", "1.0"])
def test_a_uslm_fragment_is_refused_clearly(namespace: str) -> None:
    """A bare <section> in a USLM namespace is no document: one clear error, not "neither
    Akoma Ntoso nor USLM"."""
    data = f'<?xml version="1.0"?><section xmlns="{namespace}"><num>SEC. 1.</num></section>'
    with pytest.raises(billdiff.InputError, match=r"f\.xml: not a USLM bill, resolution, law"):
        billdiff.parse(data.encode(), source="f.xml")
