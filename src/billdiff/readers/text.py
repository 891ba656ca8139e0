"""Plain text and Markdown-like text, in any common encoding.

Markdown is treated as markup around the law, never as law: heading marks (``###``), quote
marks (``>``), emphasis stars, code fences and HTML anchors (``<a id="st1"></a>``) are
removed; the text inside them is kept.
"""

from __future__ import annotations

import codecs
import re

from billdiff.errors import InputError
from billdiff.readers.base import Block, Document

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Single-byte encodings worth trying when a file is not UTF-8, most likely first for our users.
_LEGACY = ["cp1251", "koi8_r", "cp1252", "iso8859_5", "cp866", "iso8859_15", "mac_cyrillic"]


def decode(data: bytes, *, source: str = "") -> tuple[str, str]:
    """Bytes -> (text, encoding). UTF-8 (with or without BOM), UTF-16/32 (BOM or not) and
    legacy single-byte encodings such as Windows-1251 are recognised."""
    if not data.strip():
        raise InputError("the document is empty", source=source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding.replace("-sig", ""), source), encoding
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16, source), utf16
    if b"\x00" in data:
        raise InputError("the document is binary, not text (it contains NUL bytes)", source=source)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _legacy(data, source)


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"the document is not valid {encoding} (byte {exc.start})", source=source
        ) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text has a NUL in every other byte for Latin text, and in few places otherwise,
    but its NULs sit at one parity only.

    Cyrillic UTF-16 has a NUL only under ASCII characters (spaces, digits, punctuation): 10-20%
    of the code units of a Russian bill. So a lower share of NULs is enough when they all sit
    at one parity and the sample then decodes to printable text.
    """
    sample = data[:4096]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even == 0:
        return "utf-16-le"
    if even > half * 0.3 and odd == 0:
        return "utf-16-be"
    for encoding, nuls, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if other == 0 and nuls >= max(2, half * 0.02) and _printable(sample, encoding):
            return encoding
    return None


def _printable(sample: bytes, encoding: str) -> bool:
    try:
        text = sample.decode(encoding)
    except UnicodeDecodeError:
        try:  # the sample may end inside a surrogate pair
            text = sample[:-2].decode(encoding)
        except UnicodeDecodeError:
            return False
    good = sum(1 for ch in text if ch.isprintable() or ch in "\t\r\n")
    return good >= 0.98 * len(text)


def _legacy(data: bytes, source: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_LEGACY).best()
    if best is None:
        raise InputError(
            "the document's encoding is not recognised (tried UTF-8, UTF-16 and "
            + ", ".join(_LEGACY)
            + ")",
            source=source,
        )
    return str(best), str(best.encoding)


# Only the fence marks are markup: an info string ("```python important words 42") is kept.
_FENCE = re.compile(r"^\s*(?:`{3,}|~{3,})")
# The HTML elements a converter (pandoc, a parliament's export) leaves in Markdown. Any other
# angle-bracketed text is bill text: "<Agency Name>", "<y and z>", "<https://...>".
_HTML_ELEMENTS = (
    "a abbr b big blockquote br caption center cite code col colgroup dd del details dfn div "
    "dl dt em figcaption figure font h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s "
    "samp section small span strike strong sub summary sup table tbody td tfoot th thead tr "
    "tt u ul var wbr"
).split()
# A tag is a known element whose attributes, if any, are all name="value" (quoted or not):
# "<b and c>" has words, not attributes, and stays text.
_TAG = re.compile(
    r"</?(?:" + "|".join(_HTML_ELEMENTS) + r")"
    r"(?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))*"
    r"\s*/?>",
    re.IGNORECASE,
)
#: The same, for other modules that take HTML residue off a line (billdiff.lines).
HTML_TAG = _TAG
# Any depth: Legifrance exports nest the Code's parts under seven and eight "#".
_HEADING_MARK = re.compile(r"^#+(?:\s+|$)")
_QUOTE_MARK = re.compile(r"^(?:>\s?)+")
# An escaped star (\*) is text, not the edge of an emphasis: hence the (?<!\\).
_EMPHASIS_EDGE = re.compile(r"^[*_]{1,3}(?=\S)|(?<=\S)(?<!\\)[*_]{1,3}$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")
_MD_HINT = re.compile(r"^(#+\s|```|<a\s+id=)", re.MULTILINE)


# A line without any of these characters has no Markdown markup to remove.
_MARKUP_CHAR = re.compile(r"[#>*_`~<\\]")


def looks_like_markdown(text: str) -> bool:
    return len(_MD_HINT.findall(text)) >= 2


def strip_markdown(line: str) -> str:
    """One Markdown line -> its text. ``"### Статья 1."`` -> ``"Статья 1."``;
    ``"> *Сноска. ...*"`` -> ``"Сноска. ..."``; a code fence -> its info string, if any."""
    if not _MARKUP_CHAR.search(line):
        return line.strip()  # most lines of a bill carry no markup: skip the five rewrites
    fence = _FENCE.match(line)
    if fence:
        return line[fence.end() :].strip()
    text = _TAG.sub("", line).strip()
    text = _QUOTE_MARK.sub("", text).strip()
    text = _HEADING_MARK.sub("", text).strip()
    text = _EMPHASIS_EDGE.sub("", text).strip()
    return _ESCAPE.sub(r"\1", text)


def read_text(data: bytes | str, *, source: str = "", markdown: bool | None = None) -> Document:
    """Read plain or Markdown-like text into blocks, one per non-empty line."""
    if isinstance(data, bytes):
        text, encoding = decode(data, source=source)
    else:
        text, encoding = data, "utf-8"
        if not text.strip():
            raise InputError("the document is empty", source=source)
    text = text.lstrip("\ufeff")
    if markdown is None:
        markdown = source.lower().endswith((".md", ".markdown")) or looks_like_markdown(text)
    raw_lines = text.splitlines()
    if markdown:
        # strip_markdown only for the lines with markup: a call per line is a tenth of the
        # time it takes to read a large bill
        markup = _MARKUP_CHAR.search
        lines = [strip_markdown(raw) if markup(raw) else raw.strip() for raw in raw_lines]
    else:
        lines = [raw.strip() for raw in raw_lines]
    blocks = [Block(line, number) for number, line in enumerate(lines, start=1) if line]
    if not blocks:
        raise InputError("the document has no text", source=source)
    return Document(
        tuple(blocks), source=source, encoding=encoding, format="markdown" if markdown else "text"
    )
