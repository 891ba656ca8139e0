"""Input, up to the parser: a file's bytes within a size limit, and a document as the parser
or the model takes it (:func:`open_document`), whatever its format. The facade (``api``) and
the CLI read every input through here."""

from __future__ import annotations

import os
from typing import BinaryIO

from billdiff.errors import InputError, UnsupportedFormatError
from billdiff.model import Bill
from billdiff.readers.base import Document
from billdiff.readers.detect import sniff
from billdiff.readers.text import read_text

#: Inputs larger than this are refused unless a larger limit is passed.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def load(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a file, at most ``max_bytes`` of them: every refusal (missing, a folder,
    no permission, too large, a never-ending device) is an :class:`InputError` naming it."""
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        if size > max_bytes:
            raise InputError(
                f"the file is {size:,} bytes, over the limit of {max_bytes:,}", source=name
            )
        with open(name, "rb") as handle:
            data = _read_bounded(handle, max_bytes)
    except IsADirectoryError:
        raise InputError("is a directory, not a file", source=name) from None
    except FileNotFoundError:
        raise InputError("no such file", source=name) from None
    except PermissionError:
        raise InputError("permission denied", source=name) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), source=name) from None
    except ValueError:  # os refuses a name with a NUL in it
        raise InputError("the file name contains a NUL character", source=repr(name)) from None
    if len(data) > max_bytes:
        raise InputError(f"the input is over the limit of {max_bytes:,} bytes", source=name)
    return data


def _read_bounded(handle: BinaryIO, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes. A pipe or a device (/dev/zero) reports size 0 and may
    never end; it is read in chunks because read(n) allocates n bytes at once, and a limit
    such as 10**30 must not be an allocation."""
    chunks: list[bytes] = []
    left = max_bytes + 1
    while left > 0:
        chunk = handle.read(min(left, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


_CHUNK = 1 << 20


#: Formats whose structure is marked up rather than found by a profile.
XML_KINDS = ("akn", "uslm", "xml")


def open_document(data: str | bytes, source: str = "") -> Bill | Document:
    """The read -> parse boundary, in one call: a document given as text or bytes of any
    format billdiff reads, as a Bill when its XML marks the structure up (Akoma Ntoso, USLM),
    else as the Document (lines with provenance) that a profile will find the structure in."""
    kind = sniff(data, source) if isinstance(data, bytes) else "text"
    if kind in XML_KINDS:
        assert isinstance(data, bytes)
        return _read_xml(data, source)
    return _document(data, kind, source)


def _read_xml(data: bytes, source: str) -> Bill:
    from billdiff import akn
    from billdiff.readers.akn import is_akn, keepable_eids, read_akn
    from billdiff.readers.uslm import in_uslm_namespace, read_uslm
    from billdiff.readers.xml import parse_xml

    root = parse_xml(data, source=source)
    if in_uslm_namespace(root):  # read, or refused by name (a regulation, a fragment)
        return read_uslm(root, source=source)
    if is_akn(root):
        # billdiff's own output round-trips exactly; edited by hand so that an eId is empty,
        # spaced or repeated, it is read as any Akoma Ntoso, whose reader regenerates those.
        if akn.BD_NS in root.nsmap.values() and keepable_eids(root)[1]:
            return akn.from_xml(root, source=source)
        return read_akn(root, source=source)
    raise UnsupportedFormatError(
        "an XML document that is neither Akoma Ntoso nor USLM", source=source
    )


def _document(data: str | bytes, kind: str, source: str) -> Document:
    if isinstance(data, str) or kind == "text":
        return read_text(data, source=source)
    if kind == "docx":
        from billdiff.readers.docx import read_docx

        return read_docx(data, source=source)
    if kind == "pdf":
        from billdiff.readers.pdf import read_pdf

        return read_pdf(data, source=source)
    if kind == "html":
        from billdiff.readers.html import read_html

        return read_html(data, source=source)
    raise UnsupportedFormatError(f"reading {kind} documents is not supported", source=source)
