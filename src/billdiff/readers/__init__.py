"""Readers turn a document into text blocks with provenance, the same for every format."""

from __future__ import annotations

from billdiff.readers.base import Block, Document
from billdiff.readers.text import decode, read_text

__all__ = ["Block", "Document", "decode", "read_text"]
