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
            where = self.source
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        unit = f" (in {self.unit})" if self.unit else ""
        return f"{where}{self.message}{unit}"


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
