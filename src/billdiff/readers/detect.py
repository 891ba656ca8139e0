"""Which reader a document needs, from its first bytes (the file name is only a hint)."""

from __future__ import annotations

import re

from billdiff.errors import InputError

#: GPO's USLM 2.x namespace and the House's USLM 1.0 one (US Code titles).
USLM_NAMESPACES = (b"http://schemas.gpo.gov/xml/uslm", b"http://xml.house.gov/schemas/uslm/1.0")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# The first element of an XML document, after its prolog (declaration, comments, PIs, DOCTYPE).
_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>|\s+)*", re.S)
_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)")
# UTF-32 first: its little-endian BOM begins with UTF-16's.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
#: Where a PDF header may stand: at the start of the file or of a line within its first
#: 1024 bytes, as PDF readers tolerate a little junk before it (ISO 32000-2 annex H); a
#: "%PDF-" inside a sentence of a text file is text.
_PDF_HEADER = re.compile(rb"(?:\A|[\r\n])%PDF-\d")

#: Extensions that name a format; the bytes decide, but a mismatch is reported clearly.
EXTENSIONS = {
    ".docx": "docx",
    ".docm": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "xml",
    ".akn": "xml",
}


def _head(data: bytes) -> bytes:
    """The first few KiB as ASCII-compatible bytes (UTF-16 XML is transcoded)."""
    head = data[:8192]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            if encoding != "utf-8":
                unit = 4 if encoding.startswith("utf-32") else 2
                head = head[: len(head) // unit * unit]
                return head.decode(encoding, "replace").encode("utf-8")
            return head
    if head[:4] in (b"<\x00?\x00", b"<\x00a\x00"):
        return head[: len(head) // 2 * 2].decode("utf-16-le", "replace").encode("utf-8")
    if head[:4] in (b"\x00<\x00?", b"\x00<\x00a"):
        return head[: len(head) // 2 * 2].decode("utf-16-be", "replace").encode("utf-8")
    return head


def root_name(data: bytes) -> str:
    """The local name of the first element of an XML or HTML document ("" if none)."""
    head = _head(data)
    start = _PROLOG.match(head)
    rest = head[start.end() if start else 0 :]
    found = _ROOT.match(rest)
    return found.group(2).decode("ascii", "replace") if found else ""


def sniff(data: bytes, source: str = "") -> str:
    """The format of a document: "akn", "uslm", "xml", "html", "docx", "pdf" or "text".

    Magic bytes first (ZIP; %PDF at the start of a line in the first KiB), then the root
    element for markup: ``akomaNtoso`` (or 1.0's ``akomantoso``) in any namespace, a USLM
    document (``bill``, ``pLaw``, ``uscDoc`` ...: see
    :data:`billdiff.readers.uslm.ROOTS`, and the regulations it refuses by name) in either USLM
    namespace, ``html``. The extension of
    ``source`` only breaks ties (an HTML fragment without ``<html>``) and turns a wrong
    file into a clear error: a ``.docx`` that is not a ZIP archive is corrupt, not text.
    """
    head = _head(data)
    stripped = head.lstrip(b" \t\r\n")
    hint = next((kind for ext, kind in EXTENSIONS.items() if source.lower().endswith(ext)), "")
    if stripped.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "docx"
    if _PDF_HEADER.search(data[:1024]):
        return "pdf"
    if data.startswith(_OLE):
        # Word writes password-protected DOCX, and old .doc files, as OLE compound files.
        raise InputError(
            "an OLE compound file: a password-protected DOCX or a legacy Word .doc; "
            "save it as DOCX without a password",
            source=source,
        )
    if hint == "docx":
        raise InputError(
            "not a DOCX document (no ZIP signature): corrupt or mis-named", source=source
        )
    if hint == "pdf":
        raise InputError("not a PDF document (no %PDF header): corrupt or mis-named", source=source)
    if stripped.startswith(b"<"):
        name = root_name(data)
        if name in ("akomaNtoso", "akomantoso"):  # the second is Akoma Ntoso 1.0's
            return "akn"
        if any(ns in head for ns in USLM_NAMESPACES):
            # the reader's roots (those refused by name too, for a clear message); imported
            # here, with lxml, since a text document needs neither
            from billdiff.readers.uslm import ROOTS, UNMAPPED

            if name in ROOTS or name in UNMAPPED:
                return "uslm"
        if name.lower() == "html" or re.match(rb"<!doctype\s+html", stripped, re.I):
            return "html"
        if stripped.startswith(b"<?xml") or hint == "xml":
            # XML whatever its root (one hidden behind a huge DOCTYPE included): the XML
            # readers name or refuse it, the text reader never sees markup it cannot judge.
            return "xml"
        if stripped[:9].upper() == b"<!DOCTYPE" and not name:
            return "xml"
        # Anything else starting with "<" (a Markdown file opening with an anchor) is text,
        # unless it is named .html.
    if hint == "html":
        return "html"
    return "text"
