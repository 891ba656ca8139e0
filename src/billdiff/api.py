"""The public facade: everything the CLI does is one call of a function here."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from billdiff import akn
from billdiff.changes import Comparison
from billdiff.compare import Options
from billdiff.compare import compare as _compare
from billdiff.errors import InputError, UnsupportedFormatError
from billdiff.model import Bill
from billdiff.parse import parse as _parse
from billdiff.profiles import Profile, detect_profile, get_profile
from billdiff.readers import read_text
from billdiff.render import get_renderer
from billdiff.schema import validate as _validate

PathLike = str | os.PathLike[str]

#: Inputs larger than this are refused unless a larger limit is passed.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def _load(path: PathLike, max_bytes: int) -> bytes:
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        if size > max_bytes:
            raise InputError(
                f"the file is {size:,} bytes, over the limit of {max_bytes:,}", source=name
            )
        with open(name, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise InputError("is a directory, not a file", source=name) from None
    except FileNotFoundError:
        raise InputError("no such file", source=name) from None
    except PermissionError:
        raise InputError("permission denied", source=name) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), source=name) from None


def sniff(data: bytes) -> str:
    """The format of a document from its first bytes: "akn", "xml", "docx", "pdf" or "text"."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"<?xml") or head.startswith(b"<akomaNtoso"):
        return "akn" if b"akomaNtoso" in data[:4096] else "xml"
    return "text"


def parse(
    data: str | bytes, *, profile: str | Profile | None = None, source: str = "<string>"
) -> Bill:
    """Parse a document given as text or bytes into a Bill."""
    if isinstance(data, bytes):
        kind = sniff(data)
        if kind == "akn":
            return akn.from_bytes(data, source=source)
        if kind != "text":
            raise UnsupportedFormatError(
                f"reading {kind} documents is not supported", source=source
            )
    document = read_text(data, source=source)
    return _parse(document, profile)


def read(
    path: PathLike, *, profile: str | Profile | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Bill:
    """Read and parse a file: plain or Markdown-like text in any common encoding, or Akoma
    Ntoso XML."""
    return parse(_load(path, max_bytes), profile=profile, source=os.fspath(path))


def compare(
    old: Bill | PathLike,
    new: Bill | PathLike,
    *,
    options: Options | None = None,
    profile: str | None = None,
) -> Comparison:
    """Compare two readings, given as Bills or as paths to read."""
    old_bill = old if isinstance(old, Bill) else read(old, profile=profile)
    new_bill = new if isinstance(new, Bill) else read(new, profile=profile)
    return _compare(old_bill, new_bill, options)


def render(comparison: Comparison, format: str = "text", **kwargs: bool) -> str:
    """A comparison as text in the named format ("text", "json", "html")."""
    renderer = get_renderer(format)
    for key, value in kwargs.items():
        setattr(renderer, key, value)
    return renderer.render(comparison)


def to_xml(bill: Bill) -> bytes:
    """A Bill as Akoma Ntoso 3.0 XML (valid against schemas/billdiff-akn.xsd)."""
    return akn.to_bytes(bill)


@dataclass(frozen=True)
class Explanation:
    """Why a profile was chosen, for ``billdiff parse --explain``."""

    profile: str
    confidence: float
    articles: int
    scores: dict[str, int]


def explain(path: PathLike, *, profile: str | None = None) -> Explanation:
    data = _load(path, DEFAULT_MAX_BYTES)
    document = read_text(data, source=os.fspath(path))
    lines = [block.text for block in document.blocks]
    from billdiff.profiles import all_profiles

    scores = {cls.name: cls().score(lines) for cls in all_profiles()}
    if profile:
        chosen, confidence = get_profile(profile), 1.0
    else:
        chosen, confidence = detect_profile(lines)
    bill = _parse(document, chosen)
    return Explanation(chosen.name, confidence, len(bill.articles()), scores)


def validate(path: PathLike) -> list[str]:
    """Errors of an XML file against billdiff's Akoma Ntoso schema; empty when valid."""
    data = _load(path, DEFAULT_MAX_BYTES)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"the XML is not well-formed: {exc}", source=os.fspath(path)) from None
    return _validate(root)


def write_atomic(path: PathLike, data: str | bytes) -> None:
    """Write a file so that it is either complete or absent: a temporary file renamed into place."""
    target = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    tmp = target.with_name(f".{target.name}.billdiff-tmp-{os.getpid()}")
    try:
        tmp.write_bytes(raw)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(exc.strerror or str(exc), source=os.fspath(path)) from None
