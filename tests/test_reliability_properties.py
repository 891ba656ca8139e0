"""Hypothesis properties of issue 7, on top of test_properties.py and the profile properties:

- any bytes, and damaged copies of a valid DOCX, PDF, Akoma Ntoso, USLM, HTML or text file,
  give a Bill or a BilldiffError: never a crash, never a bare library exception;
- any Unicode text (control, format and combining characters included) parses without
  losing a character, for every profile;
- every profile: a bill compared with itself has no change, at any depth; the spans of every
  change (articles and the parts inside them) rebuild both texts; the comparison keeps every
  article of both readings;
- LF, CRLF, CR and mixed line endings give the same bill and the same comparison.

Each property runs with the registered Hypothesis profile (2,000 examples in CI); the profile
under test is drawn inside the property, so the count is per property, not per profile.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import billdiff
from billdiff import BilldiffError
from billdiff.changes import Change, Comparison
from billdiff.model import Unit
from billdiff.textdiff import new_text, old_text

from .helpers import letters
from .test_profiles_properties import NAMES, PROSE, documents
from .test_readers_docx import make_docx, para

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
USLM = "http://schemas.gpo.gov/xml/uslm"

_BILL = "Статья 1. Общие положения\n1. Текст первой статьи.\nСтатья 2. Права\nТекст.\n"


def _pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.text(20, 30, "Article 1. Scope")
    pdf.text(20, 40, "1. This Regulation applies to patrols.")
    pdf.text(20, 50, "Article 2. Definitions")
    return bytes(pdf.output())


#: One small valid document of every format billdiff reads, and the name it is read under.
SEEDS: list[tuple[str, bytes]] = [
    ("bill.txt", _BILL.encode()),
    ("bill.md", ("# Закон\n\n### " + _BILL.replace("\n", "\n\n")).encode()),
    ("bill.txt", _BILL.encode("cp1251")),
    ("bill.txt", b"\xff\xfe" + _BILL.encode("utf-16-le")),
    (
        "bill.html",
        (
            "<html><body><h1>Закон</h1><p>Статья 1. Общие</p><p>Текст <b>первой</b> "
            "статьи.</p><table><tr><td>a</td><td>b</td></tr></table></body></html>"
        ).encode(),
    ),
    (
        "bill.xml",
        (
            f'<?xml version="1.0"?><akomaNtoso xmlns="{AKN}"><act name="act"><body>'
            '<section eId="sec_1"><num>1</num><heading>Scope</heading><content><p>Text '
            '<i>of</i> the section.</p></content></section><section eId="sec_2"><num>2'
            "</num><content><p>More.</p></content></section></body></act></akomaNtoso>"
        ).encode(),
    ),
    (
        "us.xml",
        (
            f'<?xml version="1.0"?><bill xmlns="{USLM}"><main><section><num>SEC. 1.</num>'
            "<heading>SHORT TITLE.</heading><content>This Act may be cited.</content>"
            "</section></main></bill>"
        ).encode(),
    ),
    (
        "bill.docx",
        make_docx(
            para("Общие положения", style="Article")
            + para("Текст первой статьи.", num=(2, 0))
            + para("Права", style="Article")
        ),
    ),
    ("bill.pdf", _pdf()),
]
SEED_IDS = [f"{k}:{name}" for k, (name, _) in enumerate(SEEDS)]


def _parse_or_refuse(data: bytes, source: str) -> None:
    """A Bill, or a BilldiffError naming the source; anything else fails the property."""
    try:
        bill = billdiff.parse(data, source=source)
    except BilldiffError as error:
        assert error.source is None or error.source.startswith(source), str(error)
        return
    assert isinstance(bill, billdiff.Bill)


@st.composite
def damaged(draw: st.DrawFn, seeds: list[tuple[str, bytes]] = SEEDS) -> tuple[str, bytes]:
    """A seed document with some bytes overwritten, inserted or cut, or truncated."""
    name, data = draw(st.sampled_from(seeds))
    buffer = bytearray(data)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        if not buffer:
            break
        at = draw(st.integers(min_value=0, max_value=len(buffer) - 1))
        action = draw(st.sampled_from(["set", "insert", "delete", "truncate"]))
        if action == "set":
            buffer[at] = draw(st.integers(min_value=0, max_value=255))
        elif action == "insert":
            buffer[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del buffer[at : at + draw(st.integers(min_value=1, max_value=16))]
        else:
            del buffer[at:]
    return name, bytes(buffer)


def _zip_damaged(draw: st.DrawFn) -> bytes:
    """A DOCX whose main part is stored deflated with its compressed bytes damaged: the
    archive directory is intact, so the damage is only found while inflating."""
    body = draw(st.binary(min_size=1, max_size=64))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>" * 20)
    data = bytearray(buffer.getvalue())
    start = data.find(b"word/document.xml") + len("word/document.xml")
    data[start : start + len(body)] = body
    return bytes(data)


_PREFIXES = st.sampled_from(
    [
        b"",
        b"PK\x03\x04",
        b"%PDF-1.4\n",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xfe\xff",
        b"<?xml version='1.0'?>",
        f"<akomaNtoso xmlns='{AKN}'>".encode(),
        b"<html><body>",
        "Статья 1. ".encode(),
    ]
)
_NAMES = st.sampled_from(["x.txt", "x.md", "x.docx", "x.pdf", "x.xml", "x.html", "x"])


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_PREFIXES, st.binary(max_size=600), _NAMES)
def test_any_bytes_give_a_bill_or_a_billdiff_error(prefix: bytes, rest: bytes, name: str) -> None:
    _parse_or_refuse(prefix + rest, name)


NOT_DOCX = [seed for seed in SEEDS if not seed[0].endswith(".docx")]
DOCX = [seed for seed in SEEDS if seed[0].endswith(".docx")]


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(damaged(NOT_DOCX))
def test_damaged_documents_give_a_bill_or_a_billdiff_error(case: tuple[str, bytes]) -> None:
    name, data = case
    _parse_or_refuse(data, name)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(damaged(DOCX))
def test_damaged_docx_gives_a_bill_or_a_billdiff_error(case: tuple[str, bytes]) -> None:
    name, data = case
    _parse_or_refuse(data, name)


@given(st.data())
def test_a_docx_damaged_inside_its_compressed_stream_is_a_billdiff_error(
    data: st.DataObject,
) -> None:
    _parse_or_refuse(_zip_damaged(data.draw), "bad.docx")


# --- text: any characters, every profile -------------------------------------------------

_ANY_LINE = st.text(
    alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
    min_size=1,
    max_size=40,
)


@st.composite
def hostile_documents(draw: st.DrawFn) -> tuple[str, str]:
    """(profile, text): a profile's document with lines of arbitrary Unicode woven in."""
    name = draw(st.sampled_from(NAMES))
    lines = draw(documents(name)).split("\n")
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=len(lines)))
        lines.insert(at, draw(_ANY_LINE))
    return name, "\n".join(lines)


@given(hostile_documents())
def test_any_text_keeps_every_character(case: tuple[str, str]) -> None:
    name, text = case
    try:
        bill = billdiff.parse(text, profile=name)
    except BilldiffError:
        # Only a text without any letter may be refused (nothing to read).
        assert not letters(text, markup=False)
        return
    assert letters(bill.text()) == letters(text)


def _walk(changes: tuple[Change, ...]) -> list[Change]:
    found: list[Change] = []
    for change in changes:
        found.append(change)
        found.extend(_walk(change.parts))
    return found


@given(hostile_documents())
def test_a_bill_compared_with_itself_has_no_change_at_any_depth(case: tuple[str, str]) -> None:
    name, text = case
    bill = billdiff.parse(text, profile=name)
    comparison = billdiff.compare(bill, bill)
    assert not comparison.changed
    for change in _walk((*comparison.frame, *comparison.changes)):
        assert change.kind == "unchanged", change
        assert all(span.op == "equal" for span in change.spans)


def _assert_spans_rebuild(comparison: Comparison) -> None:
    for change in _walk((*comparison.frame, *comparison.changes)):
        if change.spans:
            assert change.old is not None and change.new is not None
            assert old_text(change.spans) == change.old.text
            assert new_text(change.spans) == change.new.text


@st.composite
def pairs(draw: st.DrawFn) -> tuple[str, str, str]:
    """(profile, old, new): two readings of one tradition, the new one often an edit of the
    old (lines inserted, deleted, changed), sometimes unrelated."""
    name = draw(st.sampled_from(NAMES))
    old = draw(documents(name))
    if draw(st.booleans()):
        return name, old, draw(documents(name))
    lines = old.split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        at = draw(st.integers(min_value=0, max_value=max(len(lines) - 1, 0)))
        action = draw(st.sampled_from(["insert", "delete", "edit"]))
        if action == "insert":
            lines.insert(at, draw(st.one_of(documents(name), _ANY_LINE)))
        elif action == "delete" and len(lines) > 1:
            del lines[at]
        else:
            lines[at] = lines[at] + " " + draw(_ANY_LINE)
    new = "\n".join(lines)
    if not letters(new, markup=False):
        new += "\n" + PROSE[name]  # a text without a letter is refused, as tested elsewhere
    return name, old, new


@given(pairs())
def test_spans_rebuild_both_texts_at_every_depth(case: tuple[str, str, str]) -> None:
    name, old, new = case
    comparison = billdiff.compare(
        billdiff.parse(old, profile=name), billdiff.parse(new, profile=name)
    )
    _assert_spans_rebuild(comparison)


def assert_every_article_kept(
    comparison: Comparison, old: tuple[Unit, ...], new: tuple[Unit, ...]
) -> None:
    """Each article of either reading is in a change; only a merge names a new article twice
    (once per old article merged into it), only a split an old one. An entry for something
    else than an article (the text before or after the articles) carries no number."""
    old_eids, new_eids = {u.eid for u in old}, {u.eid for u in new}
    olds = Counter(c.old.eid for c in comparison.changes if c.old)
    news = Counter(c.new.eid for c in comparison.changes if c.new)
    assert old_eids <= set(olds)
    assert new_eids <= set(news)
    for change in comparison.changes:
        for side, eids in ((change.old, old_eids), (change.new, new_eids)):
            if side is not None and side.eid not in eids:
                assert not side.num, change
        if change.old and olds[change.old.eid] > 1:
            assert change.kind == "split", change
        if change.new and news[change.new.eid] > 1:
            assert change.kind == "merged", change


@given(pairs())
def test_the_comparison_keeps_every_article_of_both_readings(case: tuple[str, str, str]) -> None:
    name, old, new = case
    a, b = billdiff.parse(old, profile=name), billdiff.parse(new, profile=name)
    comparison = billdiff.compare(a, b)
    units_a = a.articles() or a.body
    units_b = b.articles() or b.body
    assert_every_article_kept(comparison, units_a, units_b)


_ENDINGS = st.sampled_from(["\n", "\r\n", "\r", "mixed"])


def _with_endings(text: str, ending: str, draw: st.DrawFn) -> str:
    lines = text.split("\n")
    if ending != "mixed":
        return ending.join(lines)
    out, previous = [], ""
    for k, line in enumerate(lines):
        out.append(line)
        if k < len(lines) - 1:
            # CR then LF around an empty line would be one CRLF: one line ending, not two.
            choices = ["\r\n", "\r"] if previous == "\r" and not line else ["\n", "\r\n", "\r"]
            previous = draw(st.sampled_from(choices))
            out.append(previous)
    return "".join(out)


@given(pairs(), _ENDINGS, _ENDINGS, st.data())
def test_line_endings_change_neither_the_bill_nor_the_comparison(
    case: tuple[str, str, str], old_ending: str, new_ending: str, data: st.DataObject
) -> None:
    name, old, new = case
    # A CR inside a generated line is a line ending already; LF is the reference here.
    old, new = old.replace("\r", ""), new.replace("\r", "")
    old_lf = billdiff.parse(old.encode(), profile=name)
    new_lf = billdiff.parse(new.encode(), profile=name)
    old_other = billdiff.parse(_with_endings(old, old_ending, data.draw).encode(), profile=name)
    new_other = billdiff.parse(_with_endings(new, new_ending, data.draw).encode(), profile=name)
    assert old_other == old_lf
    assert new_other == new_lf
    assert billdiff.compare(old_other, new_other) == billdiff.compare(old_lf, new_lf)
