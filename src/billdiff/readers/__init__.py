"""Readers turn a document into text blocks with provenance, the same for every format.

Structured XML (Akoma Ntoso from other systems, US USLM) is mapped onto the model directly
by :mod:`billdiff.readers.akn` and :mod:`billdiff.readers.uslm`; :mod:`billdiff.readers.detect`
says which reader a document needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from billdiff.readers.base import Block, Document
from billdiff.readers.text import decode, read_text

if TYPE_CHECKING:
    from billdiff.readers.docx import read_docx
    from billdiff.readers.html import read_html
    from billdiff.readers.pdf import read_pdf

# Most runs read text or XML: the DOCX, PDF and HTML readers are imported when first used
# (start-up time is most of what a user waits for on a small bill).
_LAZY = {
    "read_docx": "billdiff.readers.docx",
    "read_html": "billdiff.readers.html",
    "read_pdf": "billdiff.readers.pdf",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Block", "Document", "decode", "read_docx", "read_html", "read_pdf", "read_text"]
