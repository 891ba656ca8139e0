"""Hypothesis properties of the DOCX and HTML readers: whatever the text, none of it is lost."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

import billdiff
from billdiff.readers.docx import read_docx
from billdiff.readers.html import read_html

from .helpers import letters
from .test_properties import documents
from .test_readers_docx import make_docx, para

# Paragraph numbering choices of the generated DOCX: none, the "Статья %1." style, and the
# three levels of the "%1." / "%2)" / "а)" list (see test_readers_docx.NUMBERING).
_NUMBERING = st.sampled_from([None, "Article", (2, 0), (2, 1), (2, 2)])


@st.composite
def docx_paragraphs(draw: st.DrawFn) -> list[tuple[str, str | tuple[int, int] | None]]:
    lines = draw(documents()).split("\n")
    return [(line, draw(_NUMBERING)) for line in lines]


@given(docx_paragraphs())
def test_docx_reader_keeps_every_character(
    paragraphs: list[tuple[str, str | tuple[int, int] | None]],
) -> None:
    body = "".join(
        para(text, style=choice if isinstance(choice, str) else None,
             num=choice if isinstance(choice, tuple) else None)
        for text, choice in paragraphs
    )  # fmt: skip
    texts = [text for text, _ in paragraphs]
    if not letters("".join(texts), markup=False):
        return  # nothing to read: refused, as tested elsewhere
    data = make_docx(body)
    doc = read_docx(data, source="p.docx")
    blocks = iter(doc.blocks)
    for text, choice in paragraphs:
        if not text.strip():
            if choice is not None:  # Word still shows the number of an empty paragraph
                assert next(blocks).text.endswith((".", ")"))  # "Статья 3.", "2.", "в)"
            continue
        block = next(blocks)
        # the rendered number comes first, then the paragraph's own text, all of it
        assert block.text.endswith(text.strip())
    assert next(blocks, None) is None
    bill = billdiff.parse(data, source="p.docx")
    assert letters(bill.text(), markup=False) == letters(
        "\n".join(b.text for b in doc.blocks), markup=False
    )


_INLINE = st.sampled_from(["b", "i", "span", "a", "em", "strong"])
_BLOCK = st.sampled_from(["p", "div", "h3", "li", "td"])


@given(st.lists(st.tuples(documents(), _BLOCK, _INLINE), min_size=1, max_size=5))
def test_html_reader_keeps_every_character(parts: list[tuple[str, str, str]]) -> None:
    chunks: list[str] = []
    for text, block, inline in parts:
        for line in text.split("\n"):
            words = line.split(" ")
            middle = len(words) // 2
            marked = " ".join(
                [
                    *map(html.escape, words[:middle]),
                    f"<{inline}>{html.escape(' '.join(words[middle:]))}</{inline}>",
                ]
            )
            chunks.append(f"<{block}>{marked}</{block}>")
    page = "<html><body>" + "".join(chunks) + "</body></html>"
    expected = "".join(text for text, _, _ in parts)
    if not letters(expected, markup=False):
        return
    doc = read_html(page.encode(), source="p.html")
    assert letters("".join(b.text for b in doc.blocks), markup=False) == letters(
        expected, markup=False
    )


_TEXT = st.text(
    alphabet=st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters="\ufeff"),
    max_size=20,
)


@st.composite
def akn_documents(draw: st.DrawFn) -> tuple[bytes, int]:
    """Akoma Ntoso bills of sections, subsections and quoted amendments, with odd text."""
    from xml.sax.saxutils import escape

    def p() -> str:
        return f"<p>{escape(draw(_TEXT))}</p>"

    sections: list[str] = []
    count = draw(st.integers(min_value=1, max_value=6))
    for n in range(count):
        inner: list[str] = []
        for m in range(draw(st.integers(min_value=0, max_value=3))):
            quoted = ""
            if draw(st.booleans()):
                quoted = (
                    f"<mod>{escape(draw(_TEXT))}<quotedStructure><section><num>{n}A</num>"
                    f"<heading>{escape(draw(_TEXT))}</heading><content>{p()}</content>"
                    "</section></quotedStructure></mod>"
                )
            inner.append(
                f"<subsection><num>({m + 1})</num><content><p>{escape(draw(_TEXT))}{quoted}</p>"
                "</content></subsection>"
            )
        body = "".join(inner) or f"<content>{p()}</content>"
        sections.append(
            f"<section><num>{escape(draw(_TEXT))}</num><heading>{escape(draw(_TEXT))}</heading>"
            f"{body}</section>"
        )
    xml = (
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="a">'
        f"<meta/><preface>{p()}</preface><body>{''.join(sections)}</body></act></akomaNtoso>"
    )
    return xml.encode(), count


@given(akn_documents())
def test_akn_reader_keeps_every_character_and_never_counts_quotes(doc: tuple[bytes, int]) -> None:
    from collections import Counter

    from lxml import etree

    from .test_readers_xml import document_text

    data, sections = doc
    bill = billdiff.parse(data, source="g.xml")
    assert len(bill.articles()) == sections
    expected = Counter(letters(document_text(etree.fromstring(data)), markup=False))
    assert Counter(letters(bill.text(), markup=False)) == expected
    eids = [unit.eid for unit in bill.iter()]
    assert len(eids) == len(set(eids))
