"""PDF text-layer reading, on PDFs these tests write with fpdf2 and Debian's DejaVu font."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import billdiff
from billdiff import InputError
from billdiff.readers.pdf import read_pdf

from .conftest import corpus_files
from .helpers import letters

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
pytestmark = pytest.mark.skipif(
    not FONT.exists(), reason=f"needs {FONT} (Debian package fonts-dejavu-core, see .ci/run)"
)

HEADER = "Проект Закона Республики Казахстан «О тестах»"

# Each page: the lines exactly as printed. "возни-" / "кающие" is a word hyphenated at a line
# end; the long lines are wrapped inside one paragraph.
PAGES: list[list[str]] = [
    [
        "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН",
        "Статья 1. Общие положения",
        "1. Настоящий Закон регулирует общественные отношения, возни-",
        "кающие в сфере тестирования программ для электронных машин,",
        "и устанавливает основы их проверки.",
        "2. Действие Закона распространяется на всех участников.",
    ],
    [
        "Статья 2. Қазақ тілі",
        "1. Мәтін: ә ғ қ ң ө ұ ү һ і әріптері барлық жағдайларда міндетті",
        "түрде сақталуы тиіс және жоғалмауы керек.",
        "2. Второй пункт второй статьи.",
    ],
    [
        "Статья 3. Заключительные положения",
        "Настоящий Закон вводится в действие по истечении десяти дней.",
        "Президент Республики Казахстан",
    ],
]

# What a reader of the bill reads: no header, no page numbers, the hyphenated word whole.
LOGICAL = [
    "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН",
    "Статья 1. Общие положения",
    "1. Настоящий Закон регулирует общественные отношения, возникающие в сфере "
    "тестирования программ для электронных машин, и устанавливает основы их проверки.",
    "2. Действие Закона распространяется на всех участников.",
    "Статья 2. Қазақ тілі",
    "1. Мәтін: ә ғ қ ң ө ұ ү һ і әріптері барлық жағдайларда міндетті түрде сақталуы тиіс "
    "және жоғалмауы керек.",
    "2. Второй пункт второй статьи.",
    "Статья 3. Заключительные положения",
    "Настоящий Закон вводится в действие по истечении десяти дней.",
    "Президент Республики Казахстан",
]


def make_pdf(pages: list[list[str]], *, header: str | None = HEADER, footer: bool = True) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        if header:
            pdf.text(20, 12, header)
        y = 30.0
        for line in lines:
            pdf.text(20, y, line)
            y += 7
        if footer:
            pdf.text(100, 285, f"- {number} -")
    return bytes(pdf.output())


def test_headers_page_numbers_and_hyphenation() -> None:
    doc = read_pdf(make_pdf(PAGES), source="bill.pdf")
    assert [b.text for b in doc.blocks] == LOGICAL
    assert doc.format == "pdf"
    assert [b.page for b in doc.blocks] == [1, 1, 1, 1, 2, 2, 2, 3, 3, 3]


def test_pdf_parses_into_articles_and_conserves_text() -> None:
    bill = billdiff.parse(make_pdf(PAGES), source="bill.pdf")
    assert [a.num for a in bill.articles()] == ["Статья 1.", "Статья 2.", "Статья 3."]
    assert [c.num for c in bill.articles()[0].children] == ["1.", "2."]
    assert letters(bill.text()) == letters("\n".join(LOGICAL))
    assert HEADER not in bill.text()


def test_a_numbered_line_at_the_top_of_pages_is_not_a_running_header() -> None:
    # "Статья N." opens pages 1-3, but its number does not follow the page: it is the law.
    pages = [
        [
            f"Статья {n}. Заголовок",
            f"Текст статьи номер {n} занимает всю ширину строки, как в настоящем законе, и",
            f"продолжается на следующей строке (статья {n}).",
        ]
        for n in (1, 5, 9)
    ]
    doc = read_pdf(make_pdf(pages, header=None), source="s.pdf")
    assert [b.text for b in doc.blocks if b.text.startswith("Статья")] == [
        "Статья 1. Заголовок",
        "Статья 5. Заголовок",
        "Статья 9. Заголовок",
    ]


def test_single_page_number_is_removed() -> None:
    doc = read_pdf(make_pdf([["Статья 1. Текст."]], header=None), source="one.pdf")
    assert [b.text for b in doc.blocks] == ["Статья 1. Текст."]


def test_pdf_without_text_layer_needs_ocr() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")  # an "image" of text: no text layer
    with pytest.raises(InputError, match=r"scan\.pdf: .*no text layer.*OCR"):
        billdiff.parse(bytes(pdf.output()), source="scan.pdf")


def test_encrypted_pdf_is_refused() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(PAGES))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(InputError, match=r"locked\.pdf: the PDF is encrypted"):
        billdiff.parse(buffer.getvalue(), source="locked.pdf")


def test_pdf_with_empty_user_password_opens() -> None:
    # Restrictions-only encryption: every viewer opens it without asking, and so does billdiff.
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(PAGES))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert [b.text for b in read_pdf(buffer.getvalue()).blocks] == LOGICAL


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n" + b"\x00garbage" * 50, b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"],
    ids=["garbage", "truncated"],
)
def test_corrupt_pdf_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError, match=r"bad\.pdf: "):
        billdiff.parse(data, source="bad.pdf")


def test_truncated_real_pdf_is_an_input_error() -> None:
    data = make_pdf(PAGES)
    with pytest.raises(InputError, match=r"cut\.pdf: "):
        billdiff.parse(data[: len(data) // 3], source="cut.pdf")


def test_pdf_named_file_that_is_not_a_pdf() -> None:
    with pytest.raises(InputError, match=r"x\.pdf: not a PDF document"):
        billdiff.parse(b"just text", source="x.pdf")


def _pdf_of_text(lines: list[str]) -> bytes:
    """A PDF laid out by fpdf2 as a word processor would: wrapped paragraphs, a running
    header, page numbers in the footer."""
    from fpdf import FPDF

    class Printed(FPDF):
        def header(self) -> None:
            self.set_y(8)
            self.cell(0, 5, HEADER, align="C")
            self.set_y(25)

        def footer(self) -> None:
            self.set_y(-15)
            self.cell(0, 10, str(self.page_no()), align="C")

    pdf = Printed(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    for line in lines:
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.mark.corpus
@pytest.mark.parametrize(
    "path",
    corpus_files("kz-*/0*.md")
    + corpus_files("fr-ord58-1067-*/01-*.md")
    + corpus_files("uk-*/02-*.txt")
    + corpus_files("us-hr2157-*/01-*.txt"),
    ids=lambda p: p.name,
)
def test_real_bill_printed_to_pdf_reads_back_the_same(path: Path) -> None:
    """A real bill, printed to a multi-page PDF, gives the same articles and the same text
    as the bill itself: headers, page numbers and line wrapping leave no trace."""
    from billdiff.readers import read_text

    original = billdiff.parse(path.read_bytes(), source=str(path))
    lines = [block.text for block in read_text(path.read_bytes(), source=str(path)).blocks]
    printed = billdiff.parse(_pdf_of_text(lines), source="printed.pdf")
    assert [a.label for a in printed.articles()] == [a.label for a in original.articles()]
    assert letters(printed.text()) == letters(original.text())


def test_damaged_pdf_gives_one_line_on_stderr(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from billdiff.cli import app

    path = tmp_path / "cut.pdf"
    data = make_pdf(PAGES)
    path.write_bytes(data[: len(data) // 3])
    result = CliRunner().invoke(app, ["parse", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1  # pypdf's own complaints ("EOF marker not found") are muted
    assert lines[0].startswith(f"billdiff: error: {path}: the PDF is corrupt or truncated")


def test_a_recurring_line_of_the_bill_stays_while_the_header_goes() -> None:
    # "Исключена." opens the body of pages 1 and 3 of 4, at the same place: half the pages
    # is not "most pages", so it stays; the header on all four pages goes.
    pages = []
    for page in range(1, 5):
        excluded = ["Исключена."] if page % 2 else []
        pages.append(
            [
                *excluded,
                f"Статья {10 + page}. Текст статьи, который занимает почти всю ширину строки,",
                f"и продолжается на следующей строке, вариант «{'абвг'[page - 1]}».",
            ]
        )
    texts = [b.text for b in read_pdf(make_pdf(pages), source="alt.pdf").blocks]
    assert texts.count("Исключена.") == 2
    assert HEADER not in texts and len(texts) == 6


@pytest.mark.parametrize(
    ("previous", "following", "vocabulary", "joined"),
    [
        ("возни-", "кающие в сфере", set(), "возникающие в сфере"),
        # the document writes the compound with its hyphen elsewhere: the hyphen is the word's
        (
            "im öffentlich-",
            "rechtlichen Amt",
            {"öffentlich-rechtlichen"},
            "im öffentlich-rechtlichen Amt",
        ),
        ("im In-", "und Ausland", set(), "im In- und Ausland"),  # a suspended hyphen
        ("Nord-", "Rhein-Westfalen", set(), "Nord-Rhein-Westfalen"),
        ("Статья 3-", "1. Присяга", set(), None),  # a number, not a word
        ("no hyphen", "here", set(), None),
    ],
)
def test_dehyphen(previous: str, following: str, vocabulary: set[str], joined: str | None) -> None:
    from billdiff.readers.pdf import _dehyphen

    assert _dehyphen(previous, following, vocabulary) == joined


# Reading order from positions (issue 13): the text layer's order is not the reading order.


def _margin_numbered_pdf(sections: list[tuple[str, list[str]]], *, per_page: int = 9) -> bytes:
    """A Commonwealth bill's layout: a marginal heading, then the section's number in the left
    margin on the baseline of its first line. As some word processors write it, the numbers
    come last in each page's content stream, after all the words."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    rows: list[tuple[float, float, str]] = []  # (x, y, text), numbers put aside
    numbers: list[tuple[float, float, str]] = []
    y = 30.0
    used = 0
    for number, (heading, body) in enumerate(sections, start=1):
        if used + len(body) + 1 > per_page:
            pdf.add_page()
            for row in rows + numbers:
                pdf.text(*row)
            rows, numbers, y, used = [], [], 30.0, 0
        rows.append((20, y, heading))
        y += 7
        numbers.append((20, y, f"{number}."))
        for index, line in enumerate(body):
            rows.append((38 if index == 0 else 20, y, line))
            y += 7
        used += len(body) + 1
    pdf.add_page()
    for row in rows + numbers:
        pdf.text(*row)
    return bytes(pdf.output())


SECTIONS = [
    ("Short title", ["This Act may be cited as the Pharmacy (Amendment) Act, 2015."]),
    (
        "Amendment of section 10",
        [
            "The Pharmacy Act, in this Act referred to as the principal Act, is",
            "amended by deleting section 10 and substituting the following.",
        ],
    ),
    (
        "Commencement",
        [
            "This Act comes into operation on a date to be fixed by the Governor-",
            "General by proclamation.",
        ],
    ),
]


def test_margin_numbers_written_after_the_words_are_read_in_place() -> None:
    doc = read_pdf(_margin_numbered_pdf(SECTIONS), source="bb.pdf")
    assert [b.text for b in doc.blocks] == [
        "Short title",
        "1.",
        "This Act may be cited as the Pharmacy (Amendment) Act, 2015.",
        "Amendment of section 10",
        "2.",
        "The Pharmacy Act, in this Act referred to as the principal Act, is amended by "
        "deleting section 10 and substituting the following.",
        "Commencement",
        "3.",
        "This Act comes into operation on a date to be fixed by the Governor-General by "
        "proclamation.",
    ]
    bill = billdiff.parse(_margin_numbered_pdf(SECTIONS), profile="tz", source="bb.pdf")
    assert [a.label for a in bill.articles()] == ["1", "2", "3"]


@pytest.mark.parametrize("heading", ["Heading two", ""], ids=["under-its-heading", "atop"])
def test_a_section_number_at_the_top_of_its_page_is_no_page_number(heading: str) -> None:
    # Section 2 opens page 2, under its heading or as the page's first line: "2." is its
    # number, not the page's (a bare page number is the first or the last line of its page,
    # but a number the layout found in the margin beside its text never is).
    long = ["Words of a section that fill the line from the margin to the other side."]
    sections = [("Heading one", long * 8), (heading, long * 3)]
    doc = read_pdf(_margin_numbered_pdf(sections, per_page=9), source="top.pdf")
    assert [(b.page, b.text) for b in doc.blocks if b.text in ("1.", "2.")] == [
        (1, "1."),
        (2, "2."),
    ]


def _ocr_layer_pdf(lines: list[str], notes: list[tuple[int, str]], *, glyphs: bool) -> bytes:
    """A scanned page's invisible text layer as OCR software writes it: every glyph (or every
    word) placed on its own and shown with the ' operator ("move to the next line, then
    show", which pypdf ends with a line break each time), the spaces as glyphs of their own
    (or none, between words), and the notes of the right margin after all the text."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    size, leading, advance = 11, 13, 6.5  # a glyph's advance: any width will do here

    def show(x: float, y: float, text: str) -> str:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        # the ' operator moves down by the leading first: start one leading above
        return f"1 0 0 1 {x:.2f} {y + leading:.2f} Tm ({escaped})'\n"

    content = f"BT /F0 {size} Tf {leading} TL\n"
    baselines = [760.0 - 16 * index for index in range(len(lines))]
    for line, y in zip(lines, baselines, strict=True):
        x = 60.0
        for word in line.split(" "):
            if glyphs:
                for glyph in word + " ":
                    content += show(x, y, glyph)
                    x += advance
            else:
                content += show(x, y, word)
                x += advance * (len(word) + 1)
    for index, note in notes:
        content += show(450, baselines[index], note)
    content += "ET\n"
    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    font = {
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    }
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F0"): DictionaryObject(font)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(content.encode("cp1252"))
    page.replace_contents(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


OCR_LINES = [
    "ENACTED by the Parliament of Kenya as follows—",
    "1. This Act may be cited as the Statutory",
    "Instruments (Amendment) Act, 2024.",
    "2. Section 11 of the Statutory Instruments Act",
    "is amended by inserting the following new",
    "subsection immediately after subsection (4).",
]
OCR_NOTES = [(1, "Short title."), (3, "Amendment of"), (4, "section 11.")]


@pytest.mark.parametrize("glyphs", [True, False], ids=["glyph-objects", "word-objects"])
def test_an_ocr_text_layer_reads_in_words_and_lines(glyphs: bool) -> None:
    doc = read_pdf(_ocr_layer_pdf(OCR_LINES, OCR_NOTES, glyphs=glyphs), source="ocr.pdf")
    # The words and lines as printed; the margin notes, written after the text, stay after
    # it rather than cut a sentence in two.
    assert [b.text for b in doc.blocks] == [
        "ENACTED by the Parliament of Kenya as follows—",
        "1. This Act may be cited as the Statutory Instruments (Amendment) Act, 2024.",
        "2. Section 11 of the Statutory Instruments Act is amended by inserting the following "
        "new subsection immediately after subsection (4).",
        "Short title.",
        "Amendment of",
        "section 11.",
    ]


def test_two_columns_on_common_baselines_are_not_interleaved() -> None:
    # Lines of two columns share their baselines; each column is written whole in the
    # content stream. Rebuilding lines by position must not weave them together.
    from fpdf import FPDF

    left = [f"Left column, line {n}, words of the first text." for n in range(1, 9)]
    right = [f"Right column, line {n}, words of another text." for n in range(1, 9)]
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=8)
    pdf.add_page()
    for x, column in ((15, left), (110, right)):
        for index, line in enumerate(column):
            pdf.text(x, 30 + 5 * index, line)
    texts = [b.text for b in read_pdf(bytes(pdf.output()), source="cols.pdf").blocks]
    joined = " ".join(texts)
    assert joined.index("line 8, words of the first") < joined.index("Right column, line 1")


def test_a_raised_footnote_mark_stays_on_its_line() -> None:
    # A footnote mark raised by 0.6 of the font size, in a text object of its own: still on
    # the line (pypdf's measure of a line change is 0.8 of the font size).
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    words = "Article 5. The Minister shall publish the order"
    pdf.text(20, 30, words)
    x = 20 + pdf.get_string_width(words)
    pdf.text(x, 30 - 0.6 * 11 * 0.3528, "1")
    pdf.text(x + pdf.get_string_width("1 "), 30, "in the Gazette.")
    texts = [b.text for b in read_pdf(bytes(pdf.output()), source="note.pdf").blocks]
    assert len(texts) == 1 and texts[0].startswith(words), texts
    assert texts[0].endswith("in the Gazette."), texts


def test_a_running_title_whose_page_number_changes_sides_is_furniture() -> None:
    # A gazette's running title: the page number after it on odd pages, before it (or on a
    # line of its own) on even pages, numbered from 281; a sentence runs across each page
    # break. Neither title nor number is left inside the sentences.
    title = "The Breastfeeding Mothers Bill, 2024"
    body = [
        f"Article {n}. This sentence of article {n} runs across the line and goes on to the"
        for n in range(1, 6)
    ]
    pages = []
    for index in range(1, len(body) + 2):
        number = 280 + index
        top = [f"{title} {number}"] if index % 2 else [str(number), title]
        end = [f"next page, where it ends (article {index - 1})." if index > 1 else "Preamble."]
        filler = [f"Paragraph {letter} of page {index}." for letter in "abcd"]
        pages.append(top + end + filler + body[index - 1 : index])
    texts = [b.text for b in read_pdf(make_pdf(pages, header=None, footer=False)).blocks]
    assert not [text for text in texts if "Mothers" in text or text.isdigit()], texts
    for n, line in enumerate(body, start=1):
        assert f"{line} next page, where it ends (article {n})." in texts


def test_articles_numbered_like_the_pages_are_no_running_title() -> None:
    pages = [[f"Article {n}", f"The text of article {n}."] for n in range(1, 5)]
    texts = [b.text for b in read_pdf(make_pdf(pages, header=None, footer=False)).blocks]
    assert [text for text in texts if text.startswith("Article")] == [
        f"Article {n}" for n in range(1, 5)
    ]


def test_a_sentence_wrapped_before_its_number_stays_whole() -> None:
    # "... nach Satz" / "1." alone on the last line of the paragraph: a reference, not a
    # margin number (only numbers found apart in the margin are lines of their own).
    lines = [
        "Die Versicherung nach § 10 hat Vorrang vor dem Leistungsanspruch nach Satz",
        "1.",
        "Weitere Bestimmungen des Gesetzes bleiben unberührt, soweit hier nichts gilt.",
    ]
    texts = [b.text for b in read_pdf(make_pdf([lines], header=None, footer=False)).blocks]
    assert texts == [f"{lines[0]} 1.", lines[2]]


def test_an_item_ending_with_and_closes_before_the_next_item() -> None:
    # "(a) ...; and" / "(b) ...": the enumeration's items stay apart, though the first line
    # is full and ends with a word.
    lines = [
        "The Council shall comprise the following members appointed under this Act:",
        "(a) the Director of the Barbados Drug Service, ex officio and without a vote; and",
        "(b) eight persons appointed by the Minister by instrument in writing, of whom",
        "three are pharmacists.",
    ]
    texts = [b.text for b in read_pdf(make_pdf([lines], header=None, footer=False)).blocks]
    assert texts == [lines[0], lines[1], f"{lines[2]} {lines[3]}"]
