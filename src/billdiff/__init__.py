"""billdiff: what changed between readings of a bill.

>>> import billdiff
>>> old = billdiff.parse("Статья 1. Цель\\nПравительство может.")
>>> new = billdiff.parse("Статья 1. Цель\\nПравительство обязано.")
>>> [change.kind for change in billdiff.compare(old, new).changes]
['modified']
"""

from __future__ import annotations

from billdiff.api import compare, history, parse, read, render, render_history, to_xml, validate
from billdiff.changes import CHANGE_KINDS, Change, Comparison, Reading, Side
from billdiff.compare import Options
from billdiff.errors import (
    BilldiffError,
    InputError,
    ParseError,
    ProfileError,
    RenderError,
    SchemaError,
    UnsupportedFormatError,
)
from billdiff.model import Bill, PrefaceLine, StructureWarning, Unit
from billdiff.textdiff import Span

__version__ = "0.1.0"

__all__ = [
    "CHANGE_KINDS",
    "Bill",
    "BilldiffError",
    "Change",
    "Comparison",
    "InputError",
    "Options",
    "ParseError",
    "PrefaceLine",
    "ProfileError",
    "Reading",
    "RenderError",
    "SchemaError",
    "Side",
    "Span",
    "StructureWarning",
    "Unit",
    "UnsupportedFormatError",
    "__version__",
    "compare",
    "history",
    "parse",
    "read",
    "render",
    "render_history",
    "to_xml",
    "validate",
]
