"""Readers turn a document into text blocks with provenance, the same for every format.

Structured XML (Akoma Ntoso from other systems, US USLM) is mapped onto the model directly
by :mod:`billdiff.readers.akn` and :mod:`billdiff.readers.uslm`; :mod:`billdiff.readers.detect`
says which reader a document needs.
"""

from __future__ import annotations

from billdiff.readers.base import Block, Document
from billdiff.readers.docx import read_docx
from billdiff.readers.html import read_html
from billdiff.readers.pdf import read_pdf
from billdiff.readers.text import decode, read_text

__all__ = ["Block", "Document", "decode", "read_docx", "read_html", "read_pdf", "read_text"]
