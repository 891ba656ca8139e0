"""Safe XML parsing and the text of mixed-content XML, shared by the XML-based readers.

Documents come from outside (parliament sites, forwarded files), so the parser is locked down:
no entity expansion, no DTD loading, no network, no huge-tree mode. A document that declares
entities in its DOCTYPE is refused outright rather than parsed with the declarations ignored:
such declarations are the vehicle of billion-laughs and XXE attacks, and no bill needs them.
Size and nesting depth are limited too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from lxml import etree

from billdiff.errors import InputError

#: Largest XML document (in bytes) the readers accept.
MAX_XML_BYTES = 64 * 1024 * 1024
#: Deepest element nesting accepted; real bills in the corpus nest at most 23 deep.
MAX_DEPTH = 200

# "<!ENTITY" in UTF-8/ASCII and in UTF-16 (either byte order).
_ENTITY_DECL = (
    b"<!ENTITY",
    "<!ENTITY".encode("utf-16-le"),
    "<!ENTITY".encode("utf-16-be"),
)
_DOCTYPE = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
    )


def check_doctype(data: bytes, *, source: str) -> None:
    """Refuse a document whose DOCTYPE declares entities (billion laughs, XXE)."""
    upper = data.upper()
    if not any(marker in upper for marker in _DOCTYPE):
        return
    if any(marker in upper for marker in _ENTITY_DECL):
        raise InputError(
            "the XML declares entities in its DOCTYPE (a billion-laughs or XXE pattern); refused",
            source=source,
        )


def parse_xml(data: bytes, *, source: str, max_bytes: int = MAX_XML_BYTES) -> etree._Element:
    """Bytes -> the root element, or an :class:`InputError` naming what is wrong."""
    if len(data) > max_bytes:
        raise InputError(
            f"the XML is {len(data):,} bytes, over the limit of {max_bytes:,}", source=source
        )
    if not data.strip():
        raise InputError("the document is empty", source=source)
    check_doctype(data, source=source)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"the XML is not well-formed: {_lxml(exc)}", source=source) from None
    except (ValueError, etree.LxmlError) as exc:  # e.g. an unknown encoding declaration
        raise InputError(f"the XML cannot be read: {_lxml(exc)}", source=source) from None
    if root is None:
        raise InputError("the XML has no root element", source=source)
    docinfo = root.getroottree().docinfo
    dtd = docinfo.internalDTD
    # lxml-stubs lacks DTD.iterentities; it exists on every lxml this project supports.
    entities = getattr(dtd, "iterentities", None) if dtd is not None else None
    if entities is not None and any(True for _ in entities()):
        raise InputError("the XML declares entities in its DOCTYPE; refused", source=source)
    check_depth(root, source=source)
    return root


def _lxml(exc: Exception) -> str:
    # lxml names the in-memory document "<string>": noise beside billdiff's own file name
    return _STRING.sub("", str(exc))


_STRING = re.compile(r" \(<string>, line \d+\)$")


def check_depth(
    root: etree._Element, *, source: str, limit: int = MAX_DEPTH, kind: str = "XML"
) -> None:
    """Refuse trees nested deeper than ``limit`` (they only serve to exhaust the stack)."""
    stack: list[tuple[etree._Element, int]] = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > limit:
            raise InputError(f"the {kind} is nested more than {limit} levels deep", source=source)
        for child in element:
            if isinstance(child, etree._Entity):
                # resolve_entities=False leaves references in the tree: text we cannot show.
                raise InputError(
                    f"the XML refers to an undeclared entity &{child.name};", source=source
                )
            stack.append((child, depth + 1))


def sourceline(element: etree._Element) -> int:
    """The element's line in the source, 0 when unknown."""
    line: object = element.sourceline
    return line if isinstance(line, int) else 0


def localname(element: etree._Element) -> str:
    """The tag without its namespace; "" for comments and processing instructions."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """One line of text: runs of whitespace (including XML indentation) become one space."""
    return _SPACES.sub(" ", text).strip()


class LineBuilder:
    """Collects mixed content into lines: inline text joins the current line, block elements
    start a new one."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._parts: list[str] = []
        #: The pending line holds only a number ("(ca)"), which must stay with its text.
        self.number_only = False

    def add(self, text: str | None) -> None:
        if text:
            self._parts.append(text)
            if text.strip():
                self.number_only = False

    def pending(self) -> str:
        return clean("".join(self._parts))

    def flush(self) -> None:
        line = self.pending()
        if line:
            self.lines.append(line)
        self._parts = []
        self.number_only = False

    def finish(self) -> list[str]:
        self.flush()
        return self.lines


def text_lines(
    elements: Iterable[etree._Element],
    *,
    inline: frozenset[str],
    skip: frozenset[str] = frozenset(),
    glue: frozenset[str] = frozenset(),
    skip_if: Callable[[etree._Element], bool] | None = None,
) -> list[str]:
    """The text of ``elements`` as lines, in document order.

    ``inline`` are the local names that continue the current line (references, emphasis,
    terms); every other element begins and ends a line (paragraphs, table cells, the units of
    a quotation). ``skip`` are dropped with their text (but not their tail); ``glue`` are
    inline elements after which a space is kept (a number before its heading); ``skip_if``
    drops more elements, judged by more than their name (a USLM ``<ref class="footnoteRef">``).
    Processing instructions and comments are dropped, their tails kept.
    A line holding only a number is not cut off from the block that follows it, so a quoted
    "(ca)" and its text stay on one line.
    """
    builder = LineBuilder()
    for element in elements:
        _walk(element, builder, inline, skip, glue, skip_if, top=True)
    return builder.finish()


def _walk(
    element: etree._Element,
    out: LineBuilder,
    inline: frozenset[str],
    skip: frozenset[str],
    glue: frozenset[str],
    skip_if: Callable[[etree._Element], bool] | None,
    *,
    top: bool = False,
) -> None:
    name = localname(element)
    if name and name not in skip and not (skip_if is not None and skip_if(element)):
        is_block = name not in inline or top
        if (is_block and not out.number_only) or name in ("br", "eol"):
            out.flush()
        number_starts_line = name in glue and not out.pending()
        out.add(element.text)
        for child in element:
            _walk(child, out, inline, skip, glue, skip_if)
        if name in glue:
            out.add(" ")
            out.number_only = number_starts_line and bool(out.pending())
        elif is_block:
            out.flush()
    if not top:
        out.add(element.tail)


def iter_children(element: etree._Element) -> Iterator[etree._Element]:
    """Element children only (no comments or processing instructions)."""
    for child in element:
        if isinstance(child.tag, str):
            yield child


_LABEL_WORDS = re.compile(r"^(?:[^\W\d_]+\.?\s+)+")
_LABEL_EDGES = "()[]{}.:;,—–-§ \u00a0"


def label_of(num: str) -> str:
    """The normalised number of a written one, for ids and matching.

    >>> label_of("SEC. 101.")
    '101'
    >>> label_of("(a)")
    'a'
    >>> label_of("Part 2")
    '2'
    >>> label_of("5A")
    '5A'
    >>> label_of("TITLE IV—")
    'IV'
    """
    text = clean(num)
    stripped = _LABEL_WORDS.sub("", text)
    return (stripped or text).strip(_LABEL_EDGES)
