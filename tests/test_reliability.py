"""Hostile and broken input (issue 7): every row of docs/reliability.md is a test here.

Each refusal is checked twice: through the command line, run as a user runs it (exit status 2,
exactly one line on stderr naming the file and the problem, no traceback, no output file, no
temporary file left behind), and through the Python API (a :class:`BilldiffError` subclass
whose ``source`` is the file, never a bare ValueError, KeyError, UnicodeError, BadZipFile or
lxml error). Inputs are generated here, in a temporary folder, so nothing hostile is stored in
the repository.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

import billdiff
from billdiff import (
    BilldiffError,
    InputError,
    ProfileError,
    RenderError,
    UnsupportedFormatError,
)
from billdiff.readers.xml import MAX_DEPTH

from .conftest import FIXTURES
from .helpers import letters
from .test_readers_docx import CONTENT_TYPES, document, make_docx, para
from .test_readers_pdf import PAGES, make_pdf

OLD, NEW = FIXTURES / "sample.old.txt", FIXTURES / "sample.new.txt"
AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
SECRET = "TOP-SECRET-CONTENT-4711"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
BILL = "Статья 1. Общие положения\n1. Текст первой статьи.\nСтатья 2. Права\nТекст второй статьи.\n"


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "billdiff", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )


# --- builders of hostile inputs: each writes its file into a folder and returns its path ---


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return build


def _akn(body: str, doctype: str = "") -> bytes:
    return (
        f'<?xml version="1.0"?>{doctype}<akomaNtoso xmlns="{AKN}"><act name="act"><body>'
        f"{body}</body></act></akomaNtoso>"
    ).encode()


def _secret(folder: Path) -> Path:
    path = folder / "secret.txt"
    path.write_text(SECRET)
    return path


def _xxe(folder: Path) -> Path:
    entity = f'<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "{_secret(folder).as_uri()}">]>'
    body = "<section><num>1</num><content><p>&xxe;</p></content></section>"
    return _write("xxe.xml", _akn(body, entity))(folder)


def _external_dtd(folder: Path) -> Path:
    dtd = folder / "evil.dtd"
    dtd.write_text(f'<!ENTITY secret SYSTEM "{_secret(folder).as_uri()}">')
    body = "<section><num>1</num><content><p>&secret;</p></content></section>"
    return _write("extdtd.xml", _akn(body, f'<!DOCTYPE akomaNtoso SYSTEM "{dtd.as_uri()}">'))(
        folder
    )


def _xxe_in_docx(folder: Path) -> Path:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM '
        f'"{_secret(folder).as_uri()}">]><w:document xmlns:w="{w}"><w:body>'
        "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", document)
    return _write("xxe.docx", buffer.getvalue())(folder)


BILLION_LAUGHS = _akn(
    "<section><num>1</num><content><p>&lol9;</p></content></section>",
    "<!DOCTYPE akomaNtoso ["
    + '<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + "]>",
)
QUADRATIC = _akn(
    "<section><num>1</num><content><p>" + "&a;" * 20_000 + "</p></content></section>",
    f'<!DOCTYPE akomaNtoso [<!ENTITY a "{"A" * 50_000}">]>',
)


def _zip_bomb(folder: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", document(para("x")))
        archive.writestr("word/media/bomb.bin", b"\0" * (64 * 1024 * 1024))
    return _write("bomb.docx", buffer.getvalue())(folder)


def _damaged_deflate(folder: Path) -> Path:
    """A DOCX whose archive directory is intact but whose main part's deflate stream is not:
    the damage shows only while inflating."""
    data = bytearray(make_docx(para("Статья 1. Текст.") * 20))
    start = data.find(b"word/document.xml") + len("word/document.xml")
    data[start : start + 4] = b"\x00\xff\x00\xff"
    return _write("inflate.docx", bytes(data))(folder)


def _plain_zip(folder: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return _write("archive.docx", buffer.getvalue())(folder)


def _encrypted_pdf(folder: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(PAGES))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return _write("locked.pdf", buffer.getvalue())(folder)


def _scanned_pdf(folder: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")  # a picture of a page, no text layer
    return _write("scan.pdf", bytes(pdf.output()))(folder)


def _truncated_pdf(folder: Path) -> Path:
    data = make_pdf(PAGES)
    return _write("cut.pdf", data[: len(data) // 3])(folder)


def _truncated_docx(folder: Path) -> Path:
    data = make_docx(para("Статья 1. Текст.") * 50)
    return _write("cut.docx", data[: len(data) // 2])(folder)


def _directory(folder: Path) -> Path:
    path = folder / "folder.txt"
    path.mkdir()
    return path


def _unreadable(folder: Path) -> Path:
    path = _write("locked.txt", BILL.encode())(folder)
    path.chmod(0)
    return path


def _symlink_loop(folder: Path) -> Path:
    path = folder / "loop.txt"
    path.symlink_to(path)
    return path


def _too_big(folder: Path) -> Path:
    return _write("big.txt", (BILL * 100).encode())(folder)


def _deep_html(folder: Path) -> Path:
    return _write("deep.html", b"<html><body>" + b"<div>" * 5000 + b"x" + b"</div>" * 5000)(folder)


@dataclass(frozen=True)
class Refusal:
    """A hostile or broken input, the error the library raises and the words it says."""

    id: str
    build: Callable[[Path], Path]
    error: type[BilldiffError]
    message: str  # a regular expression the error's text matches
    options: dict[str, int] = field(default_factory=dict)  # max_bytes
    marks: tuple[pytest.MarkDecorator, ...] = ()


_UNICODE_NOT_LEGACY = "Статья 1. Общие положения закона.\n".encode() * 3
REFUSALS = [
    Refusal("empty", _write("empty.txt", b""), InputError, "the document is empty"),
    Refusal("whitespace-only", _write("blank.txt", b" \t\r\n\n  \r"), InputError, "is empty"),
    Refusal(
        "binary-garbage",
        _write("garbage.txt", bytes(range(256)) * 16),
        InputError,
        "binary, not text",
    ),
    Refusal(
        "binary-without-nul",
        _write("noise.txt", bytes((n * 7919 + 13) % 255 + 1 for n in range(4000))),
        InputError,
        "encoding is not recognised",
    ),
    Refusal(
        "nul-bytes-in-text",
        _write("nul.txt", "Статья 1. Текст\x00закона.\n".encode()),
        InputError,
        "NUL bytes",
    ),
    Refusal(
        "invalid-utf8",
        _write("broken.txt", _UNICODE_NOT_LEGACY[:40] + b"\xff\xfe" + _UNICODE_NOT_LEGACY[40:]),
        InputError,
        "encoding is not recognised",
    ),
    Refusal(
        "utf16-bom-odd-length",
        _write("odd.txt", b"\xff\xfe" + "Статья 1.".encode("utf-16-le") + b"\x00\xd8"),
        InputError,
        "not valid utf-16",
    ),
    Refusal("over-max-bytes", _too_big, InputError, "over the limit of 1,000", {"max_bytes": 1000}),
    Refusal(
        "endless-device",
        lambda _: Path("/dev/zero"),
        InputError,
        "over the limit of 100,000",
        {"max_bytes": 100_000},
        (pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero"),),
    ),
    Refusal("directory", _directory, InputError, "is a directory"),
    Refusal("missing-file", lambda folder: folder / "missing.txt", InputError, "no such file"),
    Refusal(
        "unreadable-file",
        _unreadable,
        InputError,
        "permission denied",
        marks=(pytest.mark.skipif(IS_ROOT, reason="root reads a chmod 000 file"),),
    ),
    Refusal("symlink-loop", _symlink_loop, InputError, "symbolic links"),
    Refusal("docx-truncated", _truncated_docx, InputError, "corrupt or truncated"),
    Refusal("docx-zip-bomb", _zip_bomb, InputError, "zip bomb; refused"),
    Refusal(
        "docx-path-traversal",
        _write("evil.docx", make_docx(para("x"), extra={"../../evil.sh": b"rm -rf ~"})),
        InputError,
        "path outside the archive",
    ),
    Refusal(
        "docx-too-many-parts",
        _write(
            "many.docx",
            make_docx(para("x"), extra={f"word/media/{n}.bin": b"x" for n in range(5001)}),
        ),
        InputError,
        "more than 5000 parts; refused",
    ),
    Refusal(
        "docx-renamed-text",
        _write("text.docx", BILL.encode()),
        InputError,
        "not a DOCX document",
    ),
    Refusal("zip-not-docx", _plain_zip, InputError, "not a DOCX document"),
    Refusal(
        "docx-password-ole",
        _write("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504),
        InputError,
        "password-protected DOCX",
    ),
    Refusal(
        "docx-damaged-deflate",
        _damaged_deflate,
        InputError,
        "cannot be read|corrupt",
    ),
    Refusal("docx-xxe", _xxe_in_docx, InputError, "declares entities"),
    Refusal("pdf-encrypted", _encrypted_pdf, InputError, "encrypted"),
    Refusal("pdf-no-text-layer", _scanned_pdf, InputError, "no text layer.*needs OCR"),
    Refusal("pdf-truncated", _truncated_pdf, InputError, "corrupt or truncated"),
    Refusal(
        "pdf-renamed-text", _write("text.pdf", BILL.encode()), InputError, "not a PDF document"
    ),
    Refusal("xml-xxe-local-file", _xxe, InputError, "declares entities"),
    Refusal(
        "xml-billion-laughs", _write("lol.xml", BILLION_LAUGHS), InputError, "declares entities"
    ),
    Refusal("xml-quadratic-blowup", _write("quad.xml", QUADRATIC), InputError, "declares entities"),
    Refusal("xml-external-dtd", _external_dtd, InputError, "undeclared entity &secret;"),
    Refusal(
        "xml-too-deep",
        _write(
            "deep.xml",
            _akn("<section>" * (MAX_DEPTH + 10) + "<num>1</num>" + "</section>" * (MAX_DEPTH + 10)),
        ),
        InputError,
        f"nested more than {MAX_DEPTH} levels",
    ),
    Refusal(
        "xml-far-too-deep",
        _write("deeper.xml", _akn("<section>" * 20_000 + "</section>" * 20_000)),
        InputError,
        "not well-formed|nested",
    ),
    Refusal(
        "xml-huge-text-node",
        _write(
            "huge.xml",
            _akn(
                "<section><num>1</num><content><p>" + "a" * 11_000_000 + "</p></content></section>"
            ),
        ),
        InputError,
        "Text node too long",
    ),
    Refusal(
        "xml-not-akn-or-uslm",
        _write("other.xml", b"<?xml version='1.0'?><invoice><item>Article 1</item></invoice>"),
        UnsupportedFormatError,
        "neither Akoma Ntoso nor USLM",
    ),
    Refusal(
        "xml-malformed",
        _write("bad.xml", _akn("<section><num>1</num>")),
        InputError,
        "not well-formed",
    ),
    Refusal(
        "xml-unknown-encoding",
        _write("enc.xml", b"<?xml version='1.0' encoding='x-no-such'?><akomaNtoso/>"),
        InputError,
        "XML",
    ),
    Refusal("html-too-deep", _deep_html, InputError, "nested too deeply|nested more than"),
    Refusal(
        "html-no-text",
        _write("blank.html", b"<html><body><script>alert(1)</script><p> </p></body></html>"),
        InputError,
        "no text",
    ),
]


def _refusal_params() -> list[object]:
    return [pytest.param(case, id=case.id, marks=case.marks) for case in REFUSALS]


def _cli_options(case: Refusal) -> list[str]:
    return [f"--max-bytes={case.options['max_bytes']}"] if "max_bytes" in case.options else []


def assert_one_line_refusal(
    result: subprocess.CompletedProcess[str], path: Path | str, message: str
) -> None:
    """Exit 2, one line on stderr naming the file and the problem, no traceback."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("billdiff: error: "), lines
    assert str(path) in lines[0], lines
    assert re.search(message, lines[0], re.I), lines
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    assert SECRET not in result.stderr + result.stdout


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.mark.parametrize("case", _refusal_params())
def test_refusal_cli(case: Refusal, tmp_path: Path) -> None:
    """``billdiff diff GOOD HOSTILE -o OUT``: one line, exit 2, no OUT, no temporary file."""
    good = tmp_path / "good.txt"
    good.write_text(BILL, "utf-8")  # under every --max-bytes of the table
    path = case.build(tmp_path)
    before = _files(tmp_path)
    out = tmp_path / "report.json"
    result = run("diff", good, path, "-f", "json", "-o", out, *_cli_options(case))
    assert_one_line_refusal(result, path, case.message)
    assert result.stdout == ""
    assert _files(tmp_path) == before  # no output, no temporary file


@pytest.mark.parametrize("case", _refusal_params())
def test_refusal_api(case: Refusal, tmp_path: Path) -> None:
    """``billdiff.read`` raises the documented subclass, naming the file, nothing else."""
    path = case.build(tmp_path)
    with pytest.raises(BilldiffError) as caught:
        billdiff.read(path, **case.options)  # type: ignore[arg-type]
    error = caught.value
    assert isinstance(error, case.error), type(error)
    assert error.source is not None and error.source.startswith(str(path))
    assert re.search(case.message, str(error), re.I), str(error)
    assert SECRET not in str(error)


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c.id, marks=c.marks) for c in REFUSALS if c.id in {
        "empty", "nul-bytes-in-text", "docx-zip-bomb", "pdf-no-text-layer",
        "xml-xxe-local-file", "over-max-bytes",
    }],
)  # fmt: skip
def test_refusal_parse_and_history_commands(case: Refusal, tmp_path: Path) -> None:
    """The other commands that read files refuse the same way."""
    good = tmp_path / "good.txt"
    good.write_text(BILL, "utf-8")
    path = case.build(tmp_path)
    before = _files(tmp_path)
    result = run("parse", path, "-o", tmp_path / "bill.xml", *_cli_options(case))
    assert_one_line_refusal(result, path, case.message)
    result = run("history", good, path, "-o", tmp_path / "history.txt", *_cli_options(case))
    assert_one_line_refusal(result, path, case.message)
    assert _files(tmp_path) == before


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c.id) for c in REFUSALS if c.id.startswith("xml-") or c.id == "empty"],
)
def test_refusal_validate_command(case: Refusal, tmp_path: Path) -> None:
    """``billdiff validate`` reads XML through the same locked-down parser."""
    path = case.build(tmp_path)
    result = run("validate", path)
    if case.error is UnsupportedFormatError:  # well-formed: validated, and found invalid
        assert result.returncode == 1 and "Traceback" not in result.stderr
        return
    assert_one_line_refusal(result, path, case.message)


@pytest.mark.parametrize("case", _refusal_params())
def test_refusal_api_parse_bytes(case: Refusal, tmp_path: Path) -> None:
    """The same bytes given to ``billdiff.parse`` (no file involved) raise a BilldiffError too."""
    path = case.build(tmp_path)
    if not path.is_file() or not os.access(path, os.R_OK) or case.options:
        pytest.skip("about files, not bytes")
    data = path.read_bytes()
    with pytest.raises(BilldiffError) as caught:
        billdiff.parse(data, source=path.name)
    assert isinstance(caught.value, case.error)
    assert SECRET not in str(caught.value)


def test_debug_shows_the_traceback_of_a_refusal(tmp_path: Path) -> None:
    path = _zip_bomb(tmp_path)
    result = run("--debug", "parse", path)
    assert result.returncode == 2
    assert "Traceback" in result.stderr and "InputError" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("billdiff: error: ")


def test_xxe_content_never_reaches_any_output(tmp_path: Path) -> None:
    """The secret is neither read into the bill, nor written, nor echoed in an error."""
    for build in (_xxe, _external_dtd, _xxe_in_docx):
        path = build(tmp_path)
        for args in (("parse", path), ("diff", OLD, path), ("diff", OLD, path, "-f", "html")):
            result = run(*args)
            assert result.returncode == 2
            assert SECRET not in result.stdout + result.stderr
    assert not [p for p in tmp_path.iterdir() if p.is_file() and SECRET in _text(p)
                and p.name != "secret.txt" and p.suffix != ".dtd"]  # fmt: skip


def _text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace")


@pytest.mark.parametrize(
    ("fmt", "start"),
    [("lowerLetter", 2_000_000_000), ("upperRoman", 10**15)],
    ids=["letters", "roman"],
)
def test_docx_numbering_bomb_is_neither_huge_nor_endless(
    fmt: str, start: int, tmp_path: Path
) -> None:
    """A numbering level that starts at a huge value: Word draws such numbers in decimal."""
    from .test_readers_docx import W

    numbering = (
        f'<?xml version="1.0"?><w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">'
        f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    path = _write("numbers.docx", make_docx(para("Текст", num=(1, 0)), numbering=numbering))(
        tmp_path
    )
    out = tmp_path / "bill.xml"
    try:
        result = run_with_timeout(20, "parse", path, "-o", out)
    except subprocess.TimeoutExpired:
        pytest.fail("parsing a 1 KB DOCX took more than 20 s")
    assert result.returncode in (0, 2), result.stderr
    assert "Traceback" not in result.stderr
    if result.returncode == 0:
        assert out.stat().st_size < 100_000


def run_with_timeout(seconds: float, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "billdiff", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=seconds,
    )


# --- broken but readable: read, every character kept -------------------------------------


LATIN_BILL = "Article 1\nScope\n1. This Regulation applies.\nArticle 2\nDefinitions.\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(encoding: str) -> None:
    assert billdiff.parse(LATIN_BILL.encode(encoding)) == billdiff.parse(LATIN_BILL.encode())


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_cyrillic_utf16_without_bom_is_read(encoding: str) -> None:
    # Cyrillic UTF-16 has a NUL only under ASCII characters (spaces, digits): 10-20% of the
    # code units of a Russian bill, but all of them at the same parity.
    assert billdiff.parse(BILL.encode(encoding)) == billdiff.parse(BILL.encode())


@pytest.mark.parametrize("ending", ["\r\n", "\r", "mixed"], ids=["crlf", "cr-only", "mixed"])
def test_line_endings_give_the_same_bill(ending: str, tmp_path: Path) -> None:
    lines = BILL.splitlines()
    if ending == "mixed":
        text = "".join(line + ("\r\n", "\r", "\n")[k % 3] for k, line in enumerate(lines))
    else:
        text = ending.join(lines) + ending
    assert billdiff.parse(text.encode()) == billdiff.parse(BILL.encode())
    lf, other = tmp_path / "lf.txt", tmp_path / "other.txt"
    lf.write_bytes(BILL.encode())
    other.write_bytes(text.encode())
    result = run("diff", lf, other)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ten_megabyte_single_line_is_read_whole() -> None:
    text = "Article 1. " + "word " * 2_000_000
    assert len(text) > 10_000_000
    start = time.perf_counter()
    bill = billdiff.parse(text.encode(), source="long.txt")
    elapsed = time.perf_counter() - start
    assert letters(bill.text()) == letters(text)
    assert len(bill.articles()) == 1
    assert elapsed < 60, elapsed


def test_control_characters_are_kept_and_compared(tmp_path: Path) -> None:
    """Control characters in the text are bill text: diff keeps them (JSON escapes them);
    XML 1.0 cannot carry them, so ``parse`` refuses with one line naming line and unit."""
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(BILL, "utf-8")
    new.write_text(BILL.replace("Текст первой", "Текст\x01\x07 первой"), "utf-8")
    bill = billdiff.read(new)
    assert letters(bill.text()) == letters(new.read_text("utf-8"))
    result = run("diff", old, new, "-f", "json")
    assert result.returncode == 1, result.stderr
    changes = json.loads(result.stdout)["changes"]
    assert any("\x01\x07" in (c["new"] or {}).get("text", "") for c in changes), changes
    with pytest.raises(RenderError, match=r"new\.txt:2: .*U\+0001.*XML") as caught:
        billdiff.to_xml(bill)
    assert caught.value.unit
    assert_one_line_refusal(run("parse", new, "-o", tmp_path / "x.xml"), new, "U\\+0001")
    assert not (tmp_path / "x.xml").exists()


def test_text_output_does_not_pass_terminal_escapes(tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(BILL, "utf-8")
    new.write_text(BILL.replace("Текст первой", "Текст \x1b]0;pwned\x07\x1b[2J первой"), "utf-8")
    result = run("diff", old, new, "--no-color")
    assert result.returncode == 1
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize("space", [" ", "\t", "\u00a0"], ids=["space", "tab", "nbsp"])
def test_a_long_run_of_spaces_is_parsed_in_linear_time(space: str) -> None:
    line = "1" + space * 8000 + "."
    for name in ("kz", "eu", "us", "uk", "de", "fr", "tz"):
        start = time.perf_counter()
        bill = billdiff.parse(line + "\nТекст.", profile=name)
        elapsed = time.perf_counter() - start
        assert letters(bill.text()) == "1.Текст."
        assert elapsed < 1.0, (name, elapsed)


def test_unicode_format_characters_are_kept() -> None:
    text = BILL.replace("Права", "Пра\u200bва \u202eгде\u202c \ufeffконец")
    bill = billdiff.parse(text)
    assert letters(bill.text()) == letters(text)


def test_comparing_a_file_with_itself(tmp_path: Path) -> None:
    for fmt in ("text", "json", "html"):
        out = tmp_path / f"self.{fmt}"
        result = run("diff", NEW, NEW, "-f", fmt, "-o", out)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        assert out.stat().st_size > 0
    assert json.loads((tmp_path / "self.json").read_text("utf-8"))["summary"]["changed"] is False


def test_different_texts_without_articles_are_not_reported_the_same(tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("A resolution with no numbered article.\nIt says one thing.\n", "utf-8")
    new.write_text("A resolution with no numbered article.\nIt says another.\n", "utf-8")
    assert billdiff.compare(old, new).changed
    assert run("diff", old, new).returncode == 1


def test_extremely_many_articles() -> None:
    count = 20_000
    old = "\n".join(
        f"Article {n}\nText of article {n} with some words." for n in range(1, count + 1)
    )
    new = old.replace("Text of article 500 ", "Text of article 500 changed ")
    start = time.perf_counter()
    a, b = billdiff.parse(old), billdiff.parse(new)
    comparison = billdiff.compare(a, b)
    elapsed = time.perf_counter() - start
    assert len(a.articles()) == count and len(b.articles()) == count
    assert [c.new.label for c in comparison.changes if c.kind != "unchanged" and c.new] == ["500"]
    assert elapsed < 60, elapsed


# --- hostile HTML: scripts never run, in the input or in the report ------------------------

_HOSTILE_TEXT = (
    'Статья 1. <script>alert("bill")</script> и <img src=x onerror=alert(1)> '
    '"><svg onload=alert(2)> &amp; </p></body>'
)


def test_html_input_scripts_are_dropped_and_event_handlers_not_read(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><script>alert('head')</script></head><body><p>Статья 1. Общие</p>"
        "<p>Текст <script>alert('body')</script><img src=x onerror=alert(3)> статьи. "
        "&lt;script&gt;alert(4)&lt;/script&gt;</p></body></html>",
        "utf-8",
    )
    bill = billdiff.read(page)
    text = bill.text()
    assert "alert('body')" not in text and "alert('head')" not in text
    assert "onerror" not in text
    assert "<script>alert(4)</script>" in text  # escaped text of the page is text


def _report(tmp_path: Path, old_text: str, new_text: str, name: str) -> str:
    old, new = tmp_path / f"{name}.old.txt", tmp_path / f"{name}.new.txt"
    old.write_text(old_text, "utf-8")
    new.write_text(new_text, "utf-8")
    out = tmp_path / f"{name}.html"
    result = run("diff", old, new, "-f", "html", "-o", out)
    assert result.returncode == 1, result.stderr
    return out.read_text("utf-8")


def test_html_report_shows_markup_in_bill_text_as_text(tmp_path: Path) -> None:
    hostile_new = BILL.replace("Текст первой статьи.", _HOSTILE_TEXT)
    report = _report(tmp_path, BILL, hostile_new, "hostile")
    benign = _report(tmp_path, BILL, BILL.replace("первой", "1-й"), "benign")
    assert "<img src=x onerror" not in report
    assert "<svg onload" not in report
    assert 'alert("bill")</script>' not in report
    assert "&lt;img src=x onerror=alert(1)&gt;" in report
    assert "&lt;script&gt;" in report
    tree, reference = lxml_html.fromstring(report), lxml_html.fromstring(benign)
    # the only scripts are the report's own, the same as in a benign report
    assert [s.text for s in tree.iter("script")] == [s.text for s in reference.iter("script")]
    assert not list(tree.iter("img", "svg", "iframe", "object", "embed"))
    handlers = [(e.tag, a) for e in tree.iter() if isinstance(e.tag, str)
                for a in e.attrib if a.lower().startswith("on")]  # fmt: skip
    assert handlers == []
    csp = tree.find(".//meta[@http-equiv='Content-Security-Policy']")
    assert csp is not None
    policy = csp.get("content", "")
    assert "default-src 'none'" in policy
    assert "http" not in policy and "*" not in policy  # nothing remote may load


def test_html_history_report_escapes_bill_text(tmp_path: Path) -> None:
    files = []
    for k, text in enumerate((BILL, BILL.replace("Текст первой статьи.", _HOSTILE_TEXT))):
        path = tmp_path / f"r{k}.txt"
        path.write_text(text, "utf-8")
        files.append(path)
    out = tmp_path / "history.html"
    result = run("history", *files, "-f", "html", "-o", out)
    assert result.returncode == 0, result.stderr
    report = out.read_text("utf-8")
    assert "<img src=x onerror" not in report and "<svg onload" not in report
    assert "&lt;img src=x onerror=alert(1)&gt;" in report
    tree = lxml_html.fromstring(report)
    assert tree.find(".//meta[@http-equiv='Content-Security-Policy']") is not None


def test_html_reports_escape_file_names_and_labels(tmp_path: Path) -> None:
    old = tmp_path / "<img src=x onerror=alert(1)>.txt"
    new = tmp_path / '"><svg onload=alert(2)>.txt'
    old.write_text(BILL, "utf-8")
    new.write_text(BILL.replace("первой", "1-й"), "utf-8")
    out, history = tmp_path / "r.html", tmp_path / "h.html"
    label = "--old-label=<script>alert(3)</script>"
    assert run("diff", old, new, "-f", "html", "-o", out, label).returncode == 1
    assert run("history", old, new, "-f", "html", "-o", history).returncode == 0
    for report in (out.read_text("utf-8"), history.read_text("utf-8")):
        assert "<img src=x" not in report and "<svg onload" not in report
        assert "&lt;img src=x onerror=alert(1)&gt;" in report
        tree = lxml_html.fromstring(report)
        assert not list(tree.iter("img", "svg"))
        assert all("alert(3)" not in (s.text or "") for s in tree.iter("script"))


# --- arguments and outputs -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("diff", OLD, NEW, "--profile", "klingon"), "unknown profile 'klingon'"),
        (("parse", NEW, "--profile", "klingon"), "unknown profile 'klingon'"),
        (("diff", OLD, NEW, "--format", "odt"), "unknown output format 'odt'"),
        (("history", OLD, NEW, "--format", "pdf"), "unknown output format 'pdf'"),
        (("diff", OLD, NEW, "--ignore", "everything"), "unknown noise class 'everything'"),
    ],
    ids=["profile-diff", "profile-parse", "format-diff", "format-history", "ignore"],
)
def test_unknown_option_values(args: tuple[str, ...], message: str, tmp_path: Path) -> None:
    result = run(*args, "-o", tmp_path / "out")
    assert result.returncode == 2
    assert result.stderr.strip() == f"billdiff: error: {message}" or (
        message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    )
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_unknown_profile_through_the_api() -> None:
    with pytest.raises(ProfileError, match="klingon"):
        billdiff.parse(BILL, profile="klingon")


def test_unknown_format_through_the_api() -> None:
    comparison = billdiff.compare(billdiff.parse(BILL), billdiff.parse(BILL))
    with pytest.raises(RenderError, match="odt"):
        billdiff.render(comparison, "odt")


def _blocked(tmp_path: Path) -> Path:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    return blocker / "out.json"  # a path under a regular file: NotADirectoryError


def _read_only(tmp_path: Path) -> Path:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    return folder / "out.json"


@pytest.mark.parametrize(
    ("make_output", "message"),
    [
        (lambda tmp: tmp / "no" / "such" / "dir" / "out.json", "No such file or directory"),
        (lambda tmp: tmp, "Is a directory"),
        (_blocked, "Not a directory"),
        pytest.param(
            _read_only,
            "Permission denied",
            marks=pytest.mark.skipif(IS_ROOT, reason="root writes into a read-only folder"),
        ),
    ],
    ids=["missing-folder", "output-is-a-folder", "folder-is-a-file", "read-only-folder"],
)
@pytest.mark.parametrize("command", ["diff", "parse", "history"])
def test_unwritable_output(
    command: str, make_output: Callable[[Path], Path], message: str, tmp_path: Path
) -> None:
    target = make_output(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    args: tuple[str | Path, ...] = {
        "diff": ("diff", OLD, NEW, "-f", "json"),
        "parse": ("parse", NEW),
        "history": ("history", OLD, NEW),
    }[command]
    result = run(*args, "-o", target)
    assert_one_line_refusal(result, target, message)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


@pytest.mark.parametrize("command", ["diff", "parse", "history"])
def test_every_command_writes_through_write_atomic(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outputs go through api.write_atomic (temporary file renamed into place), never open()."""
    from billdiff import api, cli

    calls: list[Path] = []
    real = api.write_atomic

    def spy(path: Path, data: str | bytes) -> None:
        calls.append(Path(path))
        real(path, data)

    monkeypatch.setattr(api, "write_atomic", spy)
    out = tmp_path / "out"
    args = {
        "diff": ["diff", str(OLD), str(NEW), "-f", "json"],
        "parse": ["parse", str(NEW)],
        "history": ["history", str(OLD), str(NEW)],
    }[command]
    result = CliRunner().invoke(cli.app, [*args, "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    assert calls == [out]
    assert list(tmp_path.iterdir()) == [out]


def test_write_atomic_leaves_old_output_when_the_rename_fails(tmp_path: Path) -> None:
    from billdiff import api

    target = tmp_path / "dir-in-the-way"
    target.mkdir()
    with pytest.raises(InputError, match="dir-in-the-way"):
        api.write_atomic(target, "new content")
    assert _files(tmp_path) == {"dir-in-the-way"}


def test_failed_history_leaves_existing_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "history.json"
    out.write_text("previous", "utf-8")
    result = run("history", OLD, tmp_path / "missing.txt", "-f", "json", "-o", out)
    assert_one_line_refusal(result, tmp_path / "missing.txt", "no such file")
    assert out.read_text("utf-8") == "previous"
    assert _files(tmp_path) == {"history.json"}


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (None, "is a directory"),
        ("title = [unclosed\n", "not valid TOML"),
        ("[[reading]]\nfile = 'a.txt'\n", "at least two readings"),
        ("reading = 3\n", "lists no \\[\\[reading\\]\\]"),
    ],
    ids=["directory", "bad-toml", "one-reading", "no-readings"],
)
def test_broken_history_manifest(manifest: str | None, message: str, tmp_path: Path) -> None:
    from billdiff import api

    if manifest is None:
        path = tmp_path / "dossier.toml"
        path.mkdir()
    else:
        path = tmp_path / "dossier.toml"
        path.write_text(manifest, "utf-8")
    assert_one_line_refusal(run("history", "-m", path), path, message)
    with pytest.raises(InputError, match=message):
        api.history(path)


def test_broken_pipe_is_not_a_traceback(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("\n".join(f"Article {n}\nText of article {n}." for n in range(1, 3000)), "utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "billdiff", "parse", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(100)
    process.stdout.close()
    stderr = process.stderr.read().decode()
    process.wait(timeout=120)
    assert "Traceback" not in stderr
    assert process.returncode in (0, 2)
    assert len(stderr.strip().splitlines()) <= 1


# --- inputs, outputs and error lines (issue 21) ---


def _one_error_line(result: subprocess.CompletedProcess[str], message: str) -> None:
    """Exit 2 and exactly one line `billdiff: error: ...` matching ``message``; no traceback,
    no usage box, no "internal error"."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("billdiff: error: "), lines
    assert re.search(message, lines[0], re.I), lines
    assert "internal error" not in lines[0]


def test_a_manifest_is_read_within_the_size_limit(tmp_path: Path) -> None:
    manifest = tmp_path / "dossier.toml"
    entries = "".join(f'[[reading]]\nfile = "r{n}.txt"\n' for n in range(40_000))
    manifest.write_text(entries, "utf-8")  # about a megabyte
    with pytest.raises(InputError, match="over the limit of 1,000"):
        billdiff.api.history(manifest, max_bytes=1000)
    _one_error_line(run("history", "-m", manifest, "--max-bytes", "1000"), "over the limit")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_a_manifest_that_never_ends_is_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "billdiff", "history", "-m", "/dev/zero", "--max-bytes", "1000"],
        capture_output=True,
        text=True,
        timeout=60,  # the previous code read /dev/zero until memory ran out
    )
    _one_error_line(result, "/dev/zero: the input is over the limit of 1,000 bytes")


def _run_with_stdout(
    stdout: object, *args: str | Path, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "billdiff", *map(str, args)],
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )


def test_closed_stdout_is_one_line(tmp_path: Path) -> None:
    # `billdiff diff a b >&-`: the child starts without file descriptor 1
    result = subprocess.run(
        [sys.executable, "-m", "billdiff", "diff", str(OLD), str(NEW)],
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.close(1),
    )
    _one_error_line(result, "standard output is closed")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_on_stdout_is_one_line() -> None:
    with open("/dev/full", "wb") as full:
        result = _run_with_stdout(full, "diff", OLD, NEW)
    _one_error_line(result, "cannot write standard output: No space left on device")


def test_an_encoding_that_cannot_carry_the_text_is_one_line(tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(BILL, "utf-8")
    new.write_text(BILL.replace("первой", "новой"), "utf-8")
    result = _run_with_stdout(subprocess.PIPE, "diff", old, new, PYTHONIOENCODING="ascii")
    _one_error_line(result, r"encoding \(ascii\) cannot carry U\+")
    assert result.stdout == ""  # nothing half-written
    # an error handler the user chose is honoured
    result = _run_with_stdout(subprocess.PIPE, "diff", old, new, PYTHONIOENCODING="ascii:replace")
    assert result.returncode == 1, result.stderr
    assert "?" in result.stdout and "error" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["diff", str(OLD)], "Missing argument", id="missing-argument"),
        pytest.param(["diff", str(OLD), str(NEW), "--max-bytes", "0"], "--max-bytes", id="zero"),
        pytest.param(["diff", str(OLD), str(NEW), "-f"], "requires an argument", id="no-value"),
        pytest.param(["diff", str(OLD), str(NEW), "--colour"], "No such option", id="no-option"),
    ],
)
def test_usage_errors_are_one_line(args: list[str], message: str) -> None:
    _one_error_line(run(*args), message)


def test_a_huge_max_bytes_is_no_limit(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run("diff", OLD, NEW, "-f", "json", "-o", out, "--max-bytes", "9" * 30)
    assert result.returncode == 1, result.stderr
    assert json.loads(out.read_text("utf-8"))["summary"]["changed"] is True


@pytest.mark.parametrize("output", ["", "."])
def test_an_output_that_names_no_file_is_refused(output: str, tmp_path: Path) -> None:
    before = _files(tmp_path)
    _one_error_line(run("diff", OLD, NEW, "-o", output, cwd=tmp_path), "directory|empty")
    assert _files(tmp_path) == before


def test_a_file_name_with_a_newline_is_one_line(tmp_path: Path) -> None:
    _one_error_line(run("parse", tmp_path / "two\nlines.txt"), r"two\\nlines\.txt: no such file")


def test_an_lxml_message_with_a_newline_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "nul.xml"
    bad.write_bytes(f'<akomaNtoso xmlns="{AKN}"><act>\0</act></akomaNtoso>'.encode())
    _one_error_line(run("parse", bad), "nul.xml")


def test_a_nul_in_a_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="NUL"):
        billdiff.api.history(str(tmp_path / "dossier\0.toml"))
    with pytest.raises(InputError, match="NUL"):
        billdiff.read(str(tmp_path / "bill\0.txt"))


def test_non_utf8_names_and_labels_are_written(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    old = folder + b"/caf\xe9.txt"
    with open(old, "wb") as handle:
        handle.write(OLD.read_bytes())
    out = folder + b"/out\xe9.txt"
    result = subprocess.run(
        [
            sys.executable.encode(),
            b"-m",
            b"billdiff",
            b"diff",
            old,
            os.fsencode(NEW),
            b"--old-label",
            b"caf\xe9",
            b"-o",
            out,
        ],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert b"caf\xe9" in Path(os.fsdecode(out)).read_bytes()  # the label's bytes, as on stdout


def _same_file_cases(tmp_path: Path) -> dict[str, tuple[list[str | Path], Path]]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes(OLD.read_bytes())
    new.write_bytes(NEW.read_bytes())
    (tmp_path / "link.txt").symlink_to(old)
    os.link(new, tmp_path / "hard.txt")
    (tmp_path / "dossier.toml").write_text(
        '[[reading]]\nfile = "old.txt"\n[[reading]]\nfile = "new.txt"\n', "utf-8"
    )
    dossier = tmp_path / "dossier.toml"
    return {
        "parse-itself": (["parse", old, "-o", old], old),
        "parse-other-spelling": (["parse", old, "-o", tmp_path / "." / "old.txt"], old),
        "diff-old": (["diff", old, new, "-o", old], old),
        "diff-symlink-to-old": (["diff", old, new, "-o", tmp_path / "link.txt"], old),
        "diff-hard-link-to-new": (["diff", old, new, "-o", tmp_path / "hard.txt"], new),
        "history-new": (["history", old, new, "-o", new], new),
        "history-manifest-listed": (["history", "-m", dossier, "-o", old], old),
        "history-the-manifest": (["history", "-m", dossier, "-o", dossier], dossier),
    }


@pytest.mark.parametrize(
    "case",
    [
        "parse-itself",
        "parse-other-spelling",
        "diff-old",
        "diff-symlink-to-old",
        "diff-hard-link-to-new",
        "history-new",
        "history-manifest-listed",
        "history-the-manifest",
    ],
)
def test_an_output_that_is_an_input_is_refused(case: str, tmp_path: Path) -> None:
    args, victim = _same_file_cases(tmp_path)[case]
    before = victim.read_bytes()
    _one_error_line(run(*args), "the output is the input .*refusing to overwrite it")
    assert victim.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if "billdiff-tmp" in p.name]


def test_an_output_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", "utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    result = run("diff", OLD, NEW, "-f", "json", "-o", link)
    assert result.returncode == 1, result.stderr
    assert link.is_symlink()
    assert json.loads(target.read_text("utf-8"))["summary"]["changed"] is True
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.json", "report.json"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_an_output_fifo_is_written_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "billdiff",
            "diff",
            str(OLD),
            str(NEW),
            "-f",
            "json",
            "-o",
            str(fifo),
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    # Opened without blocking: code that renames a regular file over the FIFO never opens it
    # for writing, and a blocking reader would wait for ever instead of failing.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    chunks: list[bytes] = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            finished = process.poll() is not None
            try:
                chunk = os.read(reader, 1 << 16)
            except BlockingIOError:
                chunk = b""
            chunks.append(chunk)
            if finished and not chunk:
                break
            if not chunk:
                time.sleep(0.05)
    finally:
        os.close(reader)
    assert process.wait(timeout=5) == 1, process.stderr.read() if process.stderr else ""
    assert json.loads(b"".join(chunks))["summary"]["changed"] is True
    assert fifo.is_fifo()


def test_an_output_device_is_written_through(tmp_path: Path) -> None:
    # Through a link in tmp_path, so that code which renames over its output replaces only
    # the link, never the machine's /dev/null.
    link = tmp_path / "sink"
    link.symlink_to(os.devnull)
    result = run("diff", OLD, NEW, "-f", "json", "-o", link)
    assert result.returncode == 1, result.stderr
    assert link.is_symlink() and Path(os.devnull).is_char_device()
    assert [p.name for p in tmp_path.iterdir()] == ["sink"]


@pytest.mark.parametrize("broken", ['eId=""', 'eId="art 1"', 'eId="art_2"'])
def test_own_xml_with_an_eid_billdiff_cannot_have_written_parses_into_valid_xml(
    broken: str, tmp_path: Path
) -> None:
    # billdiff's namespace, edited by hand: an empty eId, a space in it, a duplicate
    bill = billdiff.parse("Article 1. One\nText one.\nArticle 2. Two\nText two.\n", profile="eu")
    own = billdiff.to_xml(bill).decode("utf-8")
    assert 'eId="art_1"' in own
    edited = tmp_path / "edited.xml"
    edited.write_text(own.replace('eId="art_1"', broken, 1), "utf-8")
    out = tmp_path / "out.xml"
    result = run("parse", edited, "-o", out)
    assert result.returncode == 0, result.stderr
    assert billdiff.api.validate(out) == []
    assert [a.num for a in billdiff.read(out).articles()] == ["Article 1.", "Article 2."]


def _docx_with_nul(folder: Path) -> Path:
    path = folder / "nul.docx"
    path.write_bytes(make_docx(para("Article 1\0 text")))
    return path


@pytest.mark.parametrize(
    ("make", "call"),
    [
        pytest.param(
            _write("nul.xml", f'<akomaNtoso xmlns="{AKN}"><act>\0</act></akomaNtoso>'.encode()),
            billdiff.read,
            id="nul-in-xml",
        ),
        pytest.param(_docx_with_nul, billdiff.read, id="nul-in-docx-document-xml"),
        pytest.param(
            _write(
                "ebcdic.xml",
                b'<?xml version="1.0" encoding="IBM037"?>' + "<a>x</a>".encode("cp037"),
            ),
            billdiff.api.validate,
            id="ebcdic-under-validate",
        ),
    ],
)
def test_lxml_messages_are_one_line(
    make: Callable[[Path], Path], call: Callable[[Path], object], tmp_path: Path
) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError) as raised:
        call(path)
    message = str(raised.value)
    assert "\n" not in message and "<string>" not in message, message
    assert message.startswith(str(path)), message


def test_an_output_that_cannot_be_written_is_refused_before_reading(tmp_path: Path) -> None:
    # a long comparison (and its warnings) must not run before the refusal
    missing = tmp_path / "missing.txt"
    _one_error_line(run("diff", missing, missing, "-o", tmp_path), "Is a directory")
    result = subprocess.run(
        [sys.executable, "-m", "billdiff", "parse", str(missing)],
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.close(1),
    )
    _one_error_line(result, "standard output is closed")


def test_a_warning_about_a_file_name_with_a_newline_is_one_line(tmp_path: Path) -> None:
    odd = tmp_path / "two\nlines.txt"
    odd.write_text("Article 1. One\nText one.\n", "utf-8")  # too short to be sure of a profile
    result = run("parse", odd)
    assert result.returncode == 0, result.stderr
    warnings = result.stderr.strip().splitlines()
    assert warnings and all(line.startswith("billdiff: warning: ") for line in warnings)


def test_an_output_a_manifest_lists_is_refused_before_any_reading_is_read(
    tmp_path: Path,
) -> None:
    old = tmp_path / "old.txt"
    old.write_bytes(OLD.read_bytes())
    dossier = tmp_path / "dossier.toml"
    dossier.write_text(
        '[[reading]]\nfile = "old.txt"\n[[reading]]\nfile = "missing.txt"\n', "utf-8"
    )
    # the missing reading would be reported first if the readings were read before the check
    _one_error_line(run("history", "-m", dossier, "-o", old), "the output is the input")
