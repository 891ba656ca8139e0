"""HTML (an official journal's page, a saved web page) -> text blocks, one per block element.

lxml's HTML parser reads any real-world HTML; it is run with network access off. Huge-tree
mode is on: the HTML parser expands no declared entities, so the mode only lifts libxml2's
limits on depth (256 levels without it) and on a text node's length (10 MB), which real pages
reach (a whole bill in one ``<pre>``); the input's size is bounded before parsing and the depth
is checked here (:data:`MAX_HTML_DEPTH`). Scripts, styles, frames, objects and the document
head are dropped (they are not text a reader sees); the text of ``<noscript>`` and
``<template>`` and of an inline SVG's ``<title>``/``<text>`` is kept, as lines of their own:
such text may carry the bill, and billdiff never drops text silently. ``<br>`` and block
elements (paragraphs, headings, list items, table rows, divisions) end a line; table cells in a
row are separated by a space; character entities are decoded by the parser. Only the
``<body>`` is read when there is one.
"""

from __future__ import annotations

import re

from lxml import etree, html

from billdiff.errors import InputError
from billdiff.readers.base import Block, Document
from billdiff.readers.text import decode
from billdiff.readers.xml import MAX_XML_BYTES, check_depth, clean, localname, sourceline

_INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font",
        "i", "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike",
        "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "label", "img",
        "tspan", "textpath",
    }
)  # fmt: skip
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CELLS = frozenset({"td", "th"})
_DROP = frozenset({"script", "style", "head", "iframe", "object"})
#: Deepest nesting read; deeper pages are refused (libxml2 in huge-tree mode stops at 2048
#: and drops the rest, which the error log reports).
MAX_HTML_DEPTH = 1000


def read_html(data: bytes | str, *, source: str = "") -> Document:
    """HTML bytes or text -> a :class:`Document` of its visible lines."""
    if isinstance(data, bytes):
        if len(data) > MAX_XML_BYTES:
            raise InputError(f"the HTML is over {MAX_XML_BYTES:,} bytes", source=source)
        text, _ = decode(data, source=source)
    else:
        text = data
    # XHTML opens with an XML declaration, which lxml refuses in an already decoded string.
    text = _XML_DECLARATION.sub("", text.lstrip("\ufeff"), count=1)
    if not text.strip():
        raise InputError("the document is empty", source=source)
    parser = html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=True, recover=True
    )
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"the HTML cannot be read: {exc}", source=source) from None
    # The HTML parser recovers from everything, even by dropping what lies too deep: a limit
    # it hit means text was lost, which billdiff never does silently.
    for error in parser.error_log:
        message = error.message.strip()
        if "Excessive depth" in message:
            raise InputError(f"the HTML is nested too deeply ({message})", source=source)
        if error.type_name == "ERR_RESOURCE_LIMIT":
            raise InputError(f"the HTML is over a parser limit ({message})", source=source)
    check_depth(root, source=source, limit=MAX_HTML_DEPTH, kind="HTML")
    body = root.find("body")
    top = body if body is not None else root
    collector = _Collector()
    collector.walk(top)
    blocks = collector.finish()
    if not blocks:
        raise InputError("the HTML has no text", source=source)
    return Document(tuple(blocks), source=source, encoding="utf-8", format="html")


class _Collector:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.line = 0

    def add(self, text: str | None, line: int) -> None:
        if text:
            if not self.parts or not "".join(self.parts).strip():
                self.line = line
            self.parts.append(text)

    def flush(self) -> None:
        text = clean("".join(self.parts))
        if text:
            self.blocks.append(Block(text, self.line))
        self.parts = []

    def walk(self, top: etree._Element) -> None:
        # A loop, not recursion: a page may nest MAX_HTML_DEPTH deep, Python's stack less.
        # An element is entered, its children walked, then it is left (its tail read).
        stack: list[tuple[etree._Element, bool]] = [(top, False)]
        while stack:
            element, leaving = stack.pop()
            name = localname(element).lower()
            line = sourceline(element) or self.line
            read = bool(name) and name not in _DROP
            block = name not in _INLINE and name not in _CELLS
            if leaving:
                if read and block:
                    self.flush()
                elif read and name in _CELLS:
                    self.parts.append(" ")
                self.add(element.tail, line)
                continue
            if not read:
                self.add(element.tail, line)
                continue
            if block or name == "br":
                self.flush()
            if name in _CELLS:
                self.parts.append(" ")
            self.add(element.text, line)
            stack.append((element, True))
            stack.extend((child, False) for child in reversed(element))

    def finish(self) -> list[Block]:
        self.flush()
        return self.blocks
