"""DOCX (Office Open XML word processing) -> text blocks, one per paragraph, with the numbers
that Word draws but does not store as text.

A bill drafted in Word often numbers its articles and points with automatic numbering: the
text of the paragraph is "Общие положения", and "Статья 1." is computed from
``word/numbering.xml`` (the level's ``numFmt``, ``lvlText``, ``start``, ``lvlRestart`` and the
running counters). Without those numbers a parser finds no structure at all, so this reader
computes them the way Word does: counters per abstract numbering definition (lists that share
one continue each other), a ``startOverride`` restarts them, a higher level restarts the
lower ones, and ``%1``..``%9`` in ``lvlText`` are replaced by the counters in each level's
format. Numbering may be given on the paragraph or through its style (and the style's
``basedOn`` chain).

The zip archive and its XML are parsed here with :mod:`zipfile` and lxml (python-docx does not
compute numbering). Archives come from outside, so they are checked before anything is
inflated: members with absolute paths or ``..`` are refused, as are archives whose total
uncompressed size or compression ratio gives them away as zip bombs; sizes are enforced while
reading too, since a member's header can lie. The XML parts go through the same locked-down
parser as every other XML (:mod:`billdiff.readers.xml`).

Deleted text of tracked changes, field codes and hidden runs are not read: they are not part
of the text a reader of the document sees. Footnotes and endnotes are read, each right after
the paragraph that refers to it (without Word's reference mark). Page headers and footers are
not read: they repeat the title on every page, they are not the bill.
"""

from __future__ import annotations

import io
import lzma
import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from billdiff.errors import InputError
from billdiff.readers.base import Block, Document
from billdiff.readers.xml import localname, parse_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_MC_FALLBACK = "Fallback"

#: Limits for archives from outside (a real bill's DOCX is a few MB at most).
MAX_MEMBERS = 5000
MAX_UNCOMPRESSED = 256 * 1024 * 1024
MAX_MEMBER = 128 * 1024 * 1024
#: Text compresses about 5-20x; a zip bomb's members compress 1000x and more.
MAX_RATIO = 200
_RATIO_FLOOR = 1024 * 1024  # small members may compress well without being a threat


def read_docx(data: bytes, *, source: str = "") -> Document:
    """A DOCX file's bytes -> a :class:`Document` of its paragraphs, numbers included."""
    archive = _open(data, source)
    with archive:
        document_path = _main_part(archive, source)
        document = _xml(archive, document_path, source)
        if document is None:
            raise InputError("the DOCX has no main document part", source=source)
        base = posixpath.dirname(document_path)
        numbering = _xml(archive, posixpath.join(base, "numbering.xml"), source)
        styles = _xml(archive, posixpath.join(base, "styles.xml"), source)
        notes = _notes(_xml(archive, posixpath.join(base, "footnotes.xml"), source), "footnote")
        notes.update(_notes(_xml(archive, posixpath.join(base, "endnotes.xml"), source), "endnote"))
    numberer = Numberer(numbering, styles)
    blocks: list[Block] = []
    body = document.find(f"{_W}body")
    if body is None:
        raise InputError("the DOCX has no document body", source=source)
    for number, paragraph in enumerate(_paragraphs(body), start=1):
        label, suffix = numberer.label(paragraph)
        text = paragraph_text(paragraph)
        lines = text.split("\n")
        if label:
            lines[0] = f"{label}{suffix}{lines[0]}" if lines[0].strip() else label
        blocks.extend(Block(line.strip(), number) for line in lines if line.strip())
        # A footnote's text follows the paragraph that refers to it: it is part of what a
        # reader reads (in bills, often the «Сноска» naming the amending law).
        for reference in paragraph.iter(f"{_W}footnoteReference", f"{_W}endnoteReference"):
            if any(localname(up) in ("del", "moveFrom") for up in reference.iterancestors()):
                continue  # a reference deleted with tracked changes
            key = (localname(reference).removesuffix("Reference"), reference.get(f"{_W}id", ""))
            for line in notes.pop(key, []):
                blocks.append(Block(line, number))
    if not blocks:
        raise InputError("the DOCX has no text", source=source)
    return Document(tuple(blocks), source=source, encoding="utf-8", format="docx")


def _notes(root: etree._Element | None, kind: str) -> dict[tuple[str, str], list[str]]:
    """Footnotes or endnotes by (kind, id): their text as lines, without Word's separators."""
    found: dict[tuple[str, str], list[str]] = {}
    if root is None:
        return found
    for note in root.iter(f"{_W}{kind}"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        lines = [
            line.strip()
            for paragraph in note.iter(f"{_W}p")
            for line in paragraph_text(paragraph).split("\n")
            if line.strip()
        ]
        found[(kind, note.get(f"{_W}id", ""))] = lines
    return found


def _open(data: bytes, source: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,  # a damaged header claiming a zip version zipfile lacks
        RuntimeError,
        struct.error,
        IndexError,
        KeyError,
    ) as exc:
        raise InputError(f"the DOCX is corrupt or truncated ({exc})", source=source) from None
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"the DOCX has more than {MAX_MEMBERS} parts; refused", source=source)
    total = 0
    for info in infos:
        name = info.filename
        parts = name.replace("\\", "/").split("/")
        if name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":"):
            raise InputError(
                f"the DOCX has a member with a path outside the archive ({name!r}); refused",
                source=source,
            )
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER or (info.file_size > _RATIO_FLOOR and ratio > MAX_RATIO):
            raise InputError(
                f"the DOCX member {name!r} inflates to {info.file_size:,} bytes "
                f"(ratio {ratio:,.0f}:1): a zip bomb; refused",
                source=source,
            )
    if total > MAX_UNCOMPRESSED:
        raise InputError(
            f"the DOCX inflates to {total:,} bytes, over the limit of {MAX_UNCOMPRESSED:,}: "
            "a zip bomb; refused",
            source=source,
        )
    return archive


def _read_member(archive: zipfile.ZipFile, name: str, source: str) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    limit = min(info.file_size, MAX_MEMBER)
    try:
        with archive.open(info) as handle:
            # A header can understate the size: never inflate more than it declared.
            data = handle.read(limit + 1)
    except (
        zipfile.BadZipFile,
        zlib.error,  # a damaged deflate stream
        lzma.LZMAError,
        OSError,  # bz2 reports damage as OSError
        EOFError,
        ValueError,
        NotImplementedError,  # a compression method zipfile lacks
        struct.error,
    ) as exc:
        raise InputError(
            f"the DOCX is corrupt: its part {name} cannot be read ({exc})", source=source
        ) from None
    except RuntimeError as exc:  # encrypted member
        raise InputError(f"the DOCX part {name} is encrypted ({exc})", source=source) from None
    if len(data) > limit:
        raise InputError(
            f"the DOCX part {name} is larger than its header says: a zip bomb; refused",
            source=source,
        )
    return data


def _xml(archive: zipfile.ZipFile, name: str, source: str) -> etree._Element | None:
    data = _read_member(archive, name, source)
    if data is None:
        return None
    return parse_xml(data, source=f"{source}!{name}" if source else name)


def _main_part(archive: zipfile.ZipFile, source: str) -> str:
    """The main document part, from the package relationships (word/document.xml usually)."""
    rels = _xml(archive, "_rels/.rels", source)
    if rels is not None:
        for rel in rels:
            if rel.get("Type") == _REL and rel.get("Target"):
                target = str(rel.get("Target")).lstrip("/")
                if target in archive.namelist():
                    return target
    if "word/document.xml" in archive.namelist():
        return "word/document.xml"
    if "[Content_Types].xml" not in archive.namelist():
        raise InputError("a ZIP archive, but not a DOCX document", source=source)
    raise InputError("the DOCX has no main document part (word/document.xml)", source=source)


def _paragraphs(body: etree._Element) -> list[etree._Element]:
    """Every paragraph in reading order, including those in tables and text boxes, but not
    the duplicate copies that Word keeps in ``mc:Fallback`` for old readers."""
    found: list[etree._Element] = []

    def walk(element: etree._Element) -> None:
        for child in element:
            if not isinstance(child.tag, str):
                continue
            name = localname(child)
            if name == _MC_FALLBACK:
                continue
            if child.tag == f"{_W}p":
                found.append(child)
                nested = [
                    p for p in child.iter(f"{_W}p") if p is not child and not _in_fallback(p, child)
                ]
                found.extend(nested)
                continue
            walk(child)

    walk(body)
    return found


def _in_fallback(element: etree._Element, stop: etree._Element) -> bool:
    for up in element.iterancestors():
        if up is stop:
            return False
        if localname(up) == _MC_FALLBACK:
            return True
    return False


_SKIP_RUNS = frozenset(
    {
        "del",
        "moveFrom",
        "instrText",
        "delText",
        "delInstrText",
        "pPr",
        "rPr",
        "footnoteReference",
        "endnoteReference",
    }
)


def paragraph_text(paragraph: etree._Element) -> str:
    """The visible text of one paragraph; a line break inside it becomes "\\n"."""
    parts: list[str] = []
    in_field_code = [False]

    def walk(element: etree._Element) -> None:
        for child in element:
            if not isinstance(child.tag, str):
                continue
            name = localname(child)
            if child.tag == f"{_W}p" or name == _MC_FALLBACK or name in _SKIP_RUNS:
                continue  # nested paragraphs are blocks of their own
            if name == "r" and _hidden(child):
                continue
            if name == "fldChar":
                kind = child.get(f"{_W}fldCharType")
                # Between "begin" and "separate" is the field's code, not its shown result.
                in_field_code[0] = kind == "begin"
                continue
            if in_field_code[0]:
                if name != "t":  # look for the field's "separate" mark, show none of its code
                    walk(child)
                continue
            if name == "t":
                parts.append(child.text or "")
            elif name == "tab" and localname(element) == "r":
                parts.append("\t")
            elif name in ("br", "cr"):
                parts.append("\n")
            elif name == "noBreakHyphen":
                parts.append("\u2011")
            elif name == "sym":
                char = _symbol(child)
                if char:
                    parts.append(char)
            else:
                walk(child)

    walk(paragraph)
    return "".join(parts)


def _hidden(run: etree._Element) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(f"{_W}val") not in ("0", "false", "off")


def _symbol(sym: etree._Element) -> str:
    """A w:sym character, unless it is a private-use glyph of a symbol font."""
    try:
        code = int(sym.get(f"{_W}char") or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        code -= 0xF000  # Word stores symbol-font characters in the private-use area
    char = chr(code) if 0x20 <= code < 0x110000 else ""
    return char if char.isprintable() else ""


# --- automatic numbering -------------------------------------------------------------------


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None  # None: after any higher level; 0: never
    suffix: str = "tab"
    legal: bool = False


@dataclass
class _Abstract:
    levels: dict[int, _Level] = field(default_factory=dict)


@dataclass
class _Num:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)  # ilvl -> startOverride
    levels: dict[int, _Level] = field(default_factory=dict)  # ilvl -> replacement lvl


def _val(element: etree._Element | None, default: str | None = None) -> str | None:
    if element is None:
        return default
    return element.get(f"{_W}val", default)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _level(element: etree._Element) -> _Level:
    restart = element.find(f"{_W}lvlRestart")
    legal = element.find(f"{_W}isLgl")
    return _Level(
        # Word accepts 0..32767; anything else is clamped rather than trusted.
        start=min(max(_int(_val(element.find(f"{_W}start")), 1), 0), 32767),
        fmt=_val(element.find(f"{_W}numFmt"), "decimal") or "decimal",
        text=_val(element.find(f"{_W}lvlText")),
        restart=None if restart is None else _int(_val(restart), 0),
        suffix=_val(element.find(f"{_W}suff"), "tab") or "tab",
        legal=legal is not None and _val(legal, "1") not in ("0", "false", "off"),
    )


class Numberer:
    """Computes the number Word shows in front of each numbered paragraph, in document order."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self.abstracts: dict[str, _Abstract] = {}
        self.nums: dict[str, _Num] = {}
        self.styles: dict[str, tuple[str | None, int | None, str | None]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if numbering is not None:
            self._load_numbering(numbering)
        if styles is not None:
            self._load_styles(styles)

    def _load_numbering(self, numbering: etree._Element) -> None:
        for abstract in numbering.iter(f"{_W}abstractNum"):
            key = abstract.get(f"{_W}abstractNumId", "")
            levels = {
                _int(lvl.get(f"{_W}ilvl"), 0): _level(lvl) for lvl in abstract.iter(f"{_W}lvl")
            }
            self.abstracts[key] = _Abstract(levels)
        for num in numbering.iter(f"{_W}num"):
            entry = _Num(_val(num.find(f"{_W}abstractNumId"), "") or "")
            for override in num.iter(f"{_W}lvlOverride"):
                ilvl = _int(override.get(f"{_W}ilvl"), 0)
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    entry.overrides[ilvl] = min(max(_int(_val(start), 1), 0), 32767)
                lvl = override.find(f"{_W}lvl")
                if lvl is not None:
                    entry.levels[ilvl] = _level(lvl)
            self.nums[num.get(f"{_W}numId", "")] = entry

    def _load_styles(self, styles: etree._Element) -> None:
        for style in styles.iter(f"{_W}style"):
            key = style.get(f"{_W}styleId", "")
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            num_id = _val(num_pr.find(f"{_W}numId")) if num_pr is not None else None
            ilvl_el = num_pr.find(f"{_W}ilvl") if num_pr is not None else None
            ilvl = _int(_val(ilvl_el), 0) if ilvl_el is not None else None
            based = _val(style.find(f"{_W}basedOn"))
            self.styles[key] = (num_id, ilvl, based)

    def _from_style(self, style: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style and style not in seen and style in self.styles:
            seen.add(style)
            num_id, ilvl, based = self.styles[style]
            if num_id is not None:
                return num_id, ilvl
            style = based
        return None, None

    def label(self, paragraph: etree._Element) -> tuple[str, str]:
        """(the number Word shows, the separator after it); ("", "") when not numbered."""
        ppr = paragraph.find(f"{_W}pPr")
        num_id: str | None = None
        ilvl: int | None = None
        if ppr is not None:
            num_pr = ppr.find(f"{_W}numPr")
            if num_pr is not None:
                num_id = _val(num_pr.find(f"{_W}numId"))
                ilvl_el = num_pr.find(f"{_W}ilvl")
                if ilvl_el is not None:
                    ilvl = _int(_val(ilvl_el), 0)
            if num_id is None:
                num_id, style_ilvl = self._from_style(_val(ppr.find(f"{_W}pStyle")))
                ilvl = ilvl if ilvl is not None else style_ilvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return "", ""
        level_index = min(max(ilvl or 0, 0), 8)
        num = self.nums[num_id]
        abstract = self.abstracts.get(num.abstract)
        if abstract is None:
            return "", ""
        counters = self.counters.setdefault(num.abstract, {})

        def level(index: int) -> _Level:
            return num.levels.get(index) or abstract.levels.get(index) or _Level()

        if num_id not in self.started:
            # The first paragraph of a list instance with startOverride restarts it there.
            self.started.add(num_id)
            for index, start in num.overrides.items():
                counters[index] = start - 1
        current = level(level_index)
        counters[level_index] = counters.get(level_index, current.start - 1) + 1
        for deeper in range(level_index + 1, 9):
            restart = level(deeper).restart
            if restart is None or (restart != 0 and level_index < restart):
                counters.pop(deeper, None)
        template = current.text if current.text is not None else f"%{level_index + 1}."
        if current.fmt == "none":
            return "", ""
        label = template
        for index in range(9):
            marker = f"%{index + 1}"
            if marker in label:
                value = counters.get(index, level(index).start)
                fmt = "decimal" if current.legal and index < level_index else level(index).fmt
                label = label.replace(marker, format_number(value, fmt))
        label = label.strip()
        if not label or any(0xE000 <= ord(ch) <= 0xF8FF for ch in label):
            return "", ""  # a bullet drawn from a symbol font: nothing a reader can read
        suffix = "" if current.suffix == "nothing" else " "
        return label, suffix


_RUSSIAN = "абвгдежзиклмнопрстуфхцчшщыэюя"
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


_MAX_ROMAN = 3999
_MAX_LETTER_REPEAT = 30
_LETTER_FORMATS = frozenset({"lowerLetter", "upperLetter", "russianLower", "russianUpper"})


def _roman(value: int) -> str:
    out = []
    for amount, letters in _ROMAN:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def _letters(value: int, alphabet: str) -> str:
    # Word's lettered lists go a..z, then aa..zz, then aaa..: the letter repeats.
    index = (value - 1) % len(alphabet)
    repeat = (value - 1) // len(alphabet) + 1
    return alphabet[index] * repeat


def format_number(value: int, fmt: str) -> str:
    """A counter in one of Word's number formats.

    >>> format_number(3, "lowerLetter"), format_number(28, "upperLetter")
    ('c', 'BB')
    >>> format_number(4, "upperRoman"), format_number(3, "russianLower")
    ('IV', 'в')
    >>> format_number(7, "decimalZero")
    '07'
    """
    if value <= 0 and fmt not in ("decimal", "decimalZero"):
        fmt = "decimal"
    # Huge counters (a hostile w:start of 2e9) are drawn in decimal, as Word does past its
    # ranges: letters repeated millions of times, or a roman numeral built by a loop of 1e12
    # steps, would turn a 1 KB file into a memory or time bomb.
    if fmt in ("lowerRoman", "upperRoman") and value > _MAX_ROMAN:
        fmt = "decimal"
    if fmt in _LETTER_FORMATS and value > _MAX_LETTER_REPEAT * 29:
        fmt = "decimal"
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "lowerRoman":
        return _roman(value)
    if fmt == "upperRoman":
        return _roman(value).upper()
    if fmt == "lowerLetter":
        return _letters(value, "abcdefghijklmnopqrstuvwxyz")
    if fmt == "upperLetter":
        return _letters(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if fmt == "russianLower":
        return _letters(value, _RUSSIAN)
    if fmt == "russianUpper":
        return _letters(value, _RUSSIAN.upper())
    if fmt in ("bullet", "none"):
        return ""
    # decimal and every format billdiff does not draw (ordinal words, circled digits...)
    return str(value)
