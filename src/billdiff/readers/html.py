"""HTML (an official journal's page, a saved web page) -> text blocks, one per block element.

lxml's HTML parser reads any real-world HTML; it is run with network access off and without
huge-tree mode. Scripts, styles, templates and the document head are dropped (they are not
text a reader sees); ``<br>`` and block elements (paragraphs, headings, list items, table
rows, divisions) end a line; table cells in a row are separated by a space; character
entities are decoded by the parser. Only the ``<body>`` is read when there is one.
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
    }
)  # fmt: skip
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CELLS = frozenset({"td", "th"})
_DROP = frozenset({"script", "style", "template", "noscript", "head", "iframe", "object", "svg"})


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
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False, recover=True
    )
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"the HTML cannot be read: {exc}", source=source) from None
    # The HTML parser recovers from everything, even by dropping what lies too deep: a limit
    # it hit means text was lost, which billdiff never does silently.
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in error.message:
            raise InputError(f"the HTML is nested too deeply ({error.message})", source=source)
    check_depth(root, source=source, limit=1000)
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

    def walk(self, element: etree._Element) -> None:
        name = localname(element).lower()
        line = sourceline(element) or self.line
        if name and name not in _DROP:
            block = name not in _INLINE and name not in _CELLS
            if block or name == "br":
                self.flush()
            if name in _CELLS:
                self.parts.append(" ")
            self.add(element.text, line)
            for child in element:
                self.walk(child)
            if block:
                self.flush()
            elif name in _CELLS:
                self.parts.append(" ")
        self.add(element.tail, line)

    def finish(self) -> list[Block]:
        self.flush()
        return self.blocks
