"""The exceptions billdiff raises. Every one derives from :class:`BilldiffError`.

::

    BilldiffError                 anything billdiff refuses or cannot do
    ├── InputError                a document cannot be read (missing, empty, binary, undecodable)
    │   └── UnsupportedFormatError  a format billdiff does not read
    ├── ParseError                the text was read but its structure cannot be recovered
    ├── ProfileError              an unknown numbering profile was asked for
    ├── SchemaError               an XML document does not validate against a billdiff schema
    └── RenderError               an unknown output format, or output that cannot be written

Each error carries the file it concerns (``source``) and, where known, a line number and the
unit (an eId), so that the CLI can print one line such as ``bill.txt:12: ...``.
"""

from __future__ import annotations

import re

# Line breaks inside a message come from a library quoting its own multi-line text (lxml ends
# its messages with "\n"); other control characters come from the input (a file name with a
# newline or an escape). Either would break the promise of one line on stderr.
_BREAKS = re.compile(r"[ \t]*[\r\n\v\f\x85\u2028\u2029]+[ \t]*")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def escape_controls(text: str) -> str:
    r"""Control characters shown as Python escapes, so that the text stays one line.

    >>> escape_controls("two\nlines.txt")
    'two\\nlines.txt'
    """
    return _CONTROL.sub(lambda found: repr(found.group())[1:-1], text)


def _one_line(message: str) -> str:
    """A message joined into one line: a break becomes a space (none before a comma)."""
    joined = _BREAKS.sub(" ", message).strip().replace(" ,", ",")
    return escape_controls(joined)


class BilldiffError(Exception):
    """Root of every exception billdiff raises on purpose."""

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        unit: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.unit = unit

    def __str__(self) -> str:
        where = ""
        if self.source:
            where = escape_controls(self.source)
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        unit = f" (in {self.unit})" if self.unit else ""
        return f"{where}{_one_line(self.message)}{unit}"


class InputError(BilldiffError):
    """A document cannot be read: missing, empty, binary or in an unknown encoding."""


class UnsupportedFormatError(InputError):
    """The document is in a format billdiff does not read."""


class ParseError(BilldiffError):
    """The text was read but its structure cannot be recovered."""


class ProfileError(BilldiffError):
    """An unknown numbering profile was named."""


class SchemaError(BilldiffError):
    """An XML document does not validate against one of billdiff's schemas."""


class RenderError(BilldiffError):
    """An unknown output format was asked for, or the output cannot be written."""
