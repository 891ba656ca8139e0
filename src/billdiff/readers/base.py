"""What every reader produces: a :class:`Document` of :class:`Block` lines."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """One line of text of the document, with markup removed, and where it came from."""

    text: str
    line: int  # 1-based line of the source


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]
    source: str = ""
    encoding: str = "utf-8"
    format: str = "text"
