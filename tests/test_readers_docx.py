"""DOCX reading, with Word's automatic numbering, on documents these tests build themselves."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

import billdiff
from billdiff import InputError
from billdiff.readers.docx import format_number, read_docx

from .conftest import corpus_files
from .helpers import letters

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

# Articles numbered through the "Article" style ("Статья %1."); points "%1." with "%2)" and
# Russian letters "%3)" below; a second list instance restarts at 1 (startOverride).
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Article"/>
    <w:suff w:val="space"/><w:lvlText w:val="Статья %1."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="russianLower"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="{W}">
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="ArticleBase"><w:name w:val="Article base"/>
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Article"><w:name w:val="Article"/>
  <w:basedOn w:val="ArticleBase"/></w:style>
</w:styles>"""


def para(text: str, *, num: tuple[int, int] | None = None, style: str | None = None) -> str:
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def document(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'


def make_docx(
    body: str,
    *,
    numbering: str | None = NUMBERING,
    styles: str | None = STYLES,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document(body))
        if numbering is not None:
            archive.writestr("word/numbering.xml", numbering)
        if styles is not None:
            archive.writestr("word/styles.xml", styles)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


# (paragraph XML, the line a reader of the document sees)
BILL: list[tuple[str, str]] = [
    (para("ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН"), "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН"),
    (para("Общие положения", style="Article"), "Статья 1. Общие положения"),
    (
        para("Настоящий Закон регулирует отношения:", num=(2, 0)),
        "1. Настоящий Закон регулирует отношения:",
    ),
    (para("в сфере тестов;", num=(2, 1)), "1) в сфере тестов;"),
    (para("в сфере проверок:", num=(2, 1)), "2) в сфере проверок:"),
    (para("ручных;", num=(2, 2)), "а) ручных;"),
    (para("автоматических.", num=(2, 2)), "б) автоматических."),
    (para("Второй пункт статьи.", num=(2, 0)), "2. Второй пункт статьи."),
    (
        para("Қазақ тілі: ә ғ қ ң ө ұ ү һ і", style="Article"),
        "Статья 2. Қазақ тілі: ә ғ қ ң ө ұ ү һ і",
    ),
    (para("Пункт новой статьи.", num=(3, 0)), "1. Пункт новой статьи."),
    (para("Подпункт.", num=(3, 1)), "1) Подпункт."),
    (para("Маркированный абзац.", num=(4, 0)), "Маркированный абзац."),
]


def test_automatic_numbering_is_rendered() -> None:
    body = "".join(xml for xml, _ in BILL)
    doc = read_docx(make_docx(body), source="bill.docx")
    assert [b.text for b in doc.blocks] == [line for _, line in BILL]
    assert doc.format == "docx"
    assert [b.line for b in doc.blocks] == list(range(1, len(BILL) + 1))


def test_docx_parses_into_articles_and_conserves_text() -> None:
    data = make_docx("".join(xml for xml, _ in BILL))
    bill = billdiff.parse(data, source="bill.docx")
    assert [a.num for a in bill.articles()] == ["Статья 1.", "Статья 2."]
    first = bill.articles()[0]
    assert first.heading == "Общие положения"
    assert [c.num for c in first.children] == ["1.", "2."]
    assert [c.num for c in first.children[0].children] == ["1)", "2)"]
    assert [c.num for c in first.children[0].children[1].children] == ["а)", "б)"]
    expected = "\n".join(line for _, line in BILL)
    assert letters(bill.text()) == letters(expected)


def test_read_from_path(tmp_path: Path) -> None:
    path = tmp_path / "bill.docx"
    path.write_bytes(make_docx("".join(xml for xml, _ in BILL)))
    assert len(billdiff.read(path).articles()) == 2


def test_tracked_deletions_hidden_text_field_codes_and_breaks() -> None:
    body = (
        f'<w:p><w:r><w:t>Видимый </w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>удалённый </w:delText></w:r></w:del>'
        f'<w:ins w:id="2" w:author="a"><w:r><w:t>вставленный </w:t></w:r></w:ins>'
        f"<w:r><w:rPr><w:vanish/></w:rPr><w:t>скрытый </w:t></w:r>"
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        f'<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        f"<w:r><w:br/><w:t>вторая строка</w:t><w:tab/><w:t>после табуляции</w:t></w:r></w:p>"
        f"<w:tbl><w:tr><w:tc>{para('в таблице')}</w:tc></w:tr></w:tbl>"
    )
    doc = read_docx(make_docx(body, numbering=None, styles=None), source="t.docx")
    assert [b.text for b in doc.blocks] == [
        "Видимый вставленный 7",
        "вторая строка\tпосле табуляции",
        "в таблице",
    ]


@pytest.mark.parametrize(
    ("value", "fmt", "out"),
    [
        (1, "decimal", "1"),
        (9, "decimalZero", "09"),
        (4, "lowerRoman", "iv"),
        (14, "upperRoman", "XIV"),
        (2, "lowerLetter", "b"),
        (27, "upperLetter", "AA"),
        (1, "russianLower", "а"),
        (10, "russianLower", "к"),  # й is skipped, as Word does
        (30, "russianUpper", "АА"),
        (5, "ordinalText", "5"),  # formats billdiff does not spell out fall back to digits
    ],
)
def test_format_number(value: int, fmt: str, out: str) -> None:
    assert format_number(value, fmt) == out


def test_lower_levels_restart_and_lvl_restart_zero_continues() -> None:
    numbering = f"""<w:numbering xmlns:w="{W}">
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Раздел %1"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
    </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"""
    body = "".join(
        para(t, num=(1, lvl))
        for t, lvl in [("А", 0), ("Б", 1), ("В", 2), ("Г", 1), ("Д", 0), ("Е", 1), ("Ж", 2)]
    )
    doc = read_docx(make_docx(body, numbering=numbering, styles=None))
    assert [b.text for b in doc.blocks] == [
        "Раздел III А",
        "III.1. Б",  # %1 in level 0's own format
        "(a) В",
        "III.2. Г",
        "Раздел IV Д",
        "IV.1. Е",
        "(b) Ж",  # lvlRestart 0: never restarts
    ]


# --- hostile and broken archives -----------------------------------------------------------


def test_zip_bomb_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", document(para("x")))
        archive.writestr("word/media/bomb.bin", b"\0" * (64 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 200_000  # small on disk, 64 MiB inflated
    with pytest.raises(InputError, match=r"bomb\.docx: .*zip bomb"):
        billdiff.parse(data, source="bomb.docx")


def test_member_outside_the_archive_is_refused() -> None:
    data = make_docx(para("x"), extra={"../../evil.sh": b"rm -rf /"})
    with pytest.raises(InputError, match=r"evil\.docx: .*path outside the archive"):
        billdiff.parse(data, source="evil.docx")


def test_truncated_docx_is_refused() -> None:
    data = make_docx("".join(xml for xml, _ in BILL))
    with pytest.raises(InputError, match=r"cut\.docx: the DOCX is corrupt or truncated"):
        billdiff.parse(data[: len(data) // 2], source="cut.docx")


def test_zip_that_is_not_a_docx_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(InputError, match="not a DOCX"):
        billdiff.parse(buffer.getvalue(), source="a.zip")


def test_docx_named_file_that_is_not_a_zip_is_refused() -> None:
    with pytest.raises(InputError, match=r"x\.docx: not a DOCX document"):
        billdiff.parse("Статья 1. Текст".encode(), source="x.docx")


def test_billion_laughs_inside_docx_is_refused() -> None:
    lol = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", lol)
    with pytest.raises(InputError, match=r"lol\.docx!word/document\.xml: .*declares entities"):
        billdiff.parse(buffer.getvalue(), source="lol.docx")


def test_docx_without_text_is_refused() -> None:
    with pytest.raises(InputError, match="no text"):
        billdiff.parse(make_docx("<w:p/>"), source="empty.docx")


def test_numbering_with_missing_definitions_does_not_crash() -> None:
    body = para("Текст", num=(99, 0)) + para("Ещё", style="Unknown")
    doc = read_docx(make_docx(body, numbering=f"<w:numbering xmlns:w='{W}'/>"))
    assert [b.text for b in doc.blocks] == ["Текст", "Ещё"]
    assert re.sub(r"\s", "", "".join(b.text for b in doc.blocks)) == "ТекстЕщё"


def test_password_protected_docx_is_refused() -> None:
    # Word saves an encrypted DOCX as an OLE compound file (so is a legacy .doc).
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    with pytest.raises(InputError, match=r"locked\.docx: .*password-protected DOCX"):
        billdiff.parse(data, source="locked.docx")


# --- a real bill typed into Word with automatic numbering ---------------------------------

_ARTICLE_FORMS = [
    (re.compile(r"^Статья (\d+)\.(?: (.*))?$"), "Статья %1."),
    (re.compile(r"^(\d+)-бап\.(?: (.*))?$"), "%1-бап."),
]


def _word_numbering(article_template: str, instances: list[tuple[int, int]]) -> str:
    """abstract 0: articles; abstract 1: "%1." points and "%2)" sub-points. Each (numId,
    abstract) instance restarts its list (startOverride), as Word does for a new list."""
    nums = "".join(
        f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
        '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        for num_id, abstract in instances
    )
    return f"""<w:numbering xmlns:w="{W}">
    <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>
      <w:numFmt w:val="decimal"/><w:suff w:val="space"/><w:lvlText w:val="{article_template}"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="1">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2)"/></w:lvl>
    </w:abstractNum>{nums}</w:numbering>"""


def word_document_of(lines: list[str]) -> tuple[bytes, int]:
    """The lines as a DOCX whose article, point and sub-point numbers are Word's automatic
    numbering wherever they run in sequence (inserted "3-1" and the like stay typed).
    Returns the DOCX and how many paragraphs got an automatic number."""
    pattern, template = next(
        (form for form in _ARTICLE_FORMS if any(form[0].match(line) for line in lines)),
        _ARTICLE_FORMS[0],
    )
    instances: list[tuple[int, int]] = [(1, 0), (2, 1)]
    articles_num, points_num = 1, 2
    article = point = sub = 0
    paragraphs: list[str] = []
    automatic = 0
    for line in lines:
        found = pattern.match(line)
        if found and int(found.group(1)) in (article + 1, 1):
            if int(found.group(1)) == 1 and article:  # the body after a table of contents
                articles_num = len(instances) + 1
                instances.append((articles_num, 0))
            article = int(found.group(1))
            points_num = len(instances) + 1
            instances.append((points_num, 1))
            point = sub = 0
            paragraphs.append(para(found.group(2) or "", num=(articles_num, 0)))
            automatic += 1
            continue
        listed = re.match(r"^(\d+)([.)]) (.*)$", line)
        if listed and listed.group(2) == "." and int(listed.group(1)) == point + 1:
            point, sub = point + 1, 0
            paragraphs.append(para(listed.group(3), num=(points_num, 0)))
            automatic += 1
        elif listed and listed.group(2) == ")" and int(listed.group(1)) == sub + 1:
            sub += 1
            paragraphs.append(para(listed.group(3), num=(points_num, 1)))
            automatic += 1
        else:
            paragraphs.append(para(line))
    return make_docx("".join(paragraphs), numbering=_word_numbering(template, instances)), automatic


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_files("kz-*/0*.md"), ids=lambda p: p.name)
def test_real_bill_with_automatic_numbering_reads_back_the_same(path: Path) -> None:
    from billdiff.readers import read_text

    original = billdiff.parse(path.read_bytes(), source=str(path))
    lines = [block.text for block in read_text(path.read_bytes(), source=str(path)).blocks]
    data, automatic = word_document_of(lines)
    assert automatic > 100  # most numbers come from numbering.xml, not from the text
    bill = billdiff.parse(data, source="typed.docx")
    assert [a.label for a in bill.articles()] == [a.label for a in original.articles()]
    assert [a.num for a in bill.articles()] == [a.num for a in original.articles()]
    assert letters(bill.text()) == letters(original.text())


def test_footnotes_follow_the_paragraph_that_refers_to_them() -> None:
    footnotes = f"""<w:footnotes xmlns:w="{W}">
    <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
    <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>
      <w:r><w:t xml:space="preserve"> Сноска. Статья изменена Законом от 19.06.2007 № 267.</w:t></w:r></w:p></w:footnote>
    <w:footnote w:id="2"><w:p><w:r><w:t>Удалённая сноска.</w:t></w:r></w:p></w:footnote>
    </w:footnotes>"""
    body = (
        para("Общие положения", style="Article")
        + '<w:p><w:r><w:t>Текст статьи.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
        + '<w:del w:id="9" w:author="a"><w:r><w:footnoteReference w:id="2"/></w:r></w:del></w:p>'
        + para("Другая", style="Article")
    )
    data = make_docx(body, extra={"word/footnotes.xml": footnotes.encode()})
    assert [b.text for b in read_docx(data).blocks] == [
        "Статья 1. Общие положения",
        "Текст статьи.",
        "Сноска. Статья изменена Законом от 19.06.2007 № 267.",
        "Статья 2. Другая",
    ]
    bill = billdiff.parse(data, source="notes.docx")
    first = bill.articles()[0]
    assert [unit.kind for unit in first.children] == ["note"]


@pytest.mark.parametrize(
    ("value", "fmt", "out"),
    [
        (2_000_000_000, "lowerLetter", "2000000000"),  # not a 77-million-letter string
        (10**15, "upperRoman", "1000000000000000"),  # not a loop of 10**12 steps
        (3999, "upperRoman", "MMMCMXCIX"),
        (780, "lowerLetter", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"),
    ],
)
def test_huge_counters_are_drawn_in_decimal(value: int, fmt: str, out: str) -> None:
    assert format_number(value, fmt) == out


def test_hostile_start_values_are_clamped() -> None:
    numbering = f"""<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="{"9" * 5000}"/><w:numFmt w:val="upperRoman"/>
      <w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"""
    doc = read_docx(make_docx(para("Текст", num=(1, 0)), numbering=numbering))
    assert [b.text for b in doc.blocks] == ["I. Текст"]  # an unreadable start falls back to 1
