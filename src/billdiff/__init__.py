"""billdiff: what changed between readings of a bill.

>>> import billdiff
>>> old = billdiff.parse("Статья 1. Цель\\nПравительство может.")
>>> new = billdiff.parse("Статья 1. Цель\\nПравительство обязано.")
>>> [str(change.kind) for change in billdiff.compare(old, new).changes]
['modified']
"""

from __future__ import annotations

import inspect
import sys
import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from billdiff import api
from billdiff.api import parse, read, render, render_history, to_xml, validate
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
from billdiff.history import BlameSegment, Dossier, History, Lineage, ReadingInfo, Step
from billdiff.model import Bill, PrefaceLine, StructureWarning, Unit
from billdiff.textdiff import Span

__version__ = "0.1.0"


class _CallableModule(types.ModuleType):
    """A submodule that shares its name with a public function (``billdiff.compare``,
    ``billdiff.history``). Python binds a submodule to its package's attribute when it is
    first imported, so a function of the same name would be replaced by the module the first
    time anyone imports it (a lazy import inside the library is enough). The attribute is
    therefore the module, and calling the module calls the public function: both
    ``billdiff.compare(old, new)`` and ``billdiff.compare.Options`` work, in any order."""

    _billdiff_function: Callable[..., Any]

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._billdiff_function(*args, **kwargs)


def _callable_module(name: str, function: Callable[..., Any]) -> types.ModuleType:
    __import__(f"{__name__}.{name}")
    module = sys.modules[f"{__name__}.{name}"]
    module.__class__ = _CallableModule
    module._billdiff_function = function  # type: ignore[attr-defined]
    # help() and IDEs: the call takes the function's arguments, not the module's
    module.__signature__ = inspect.signature(function)  # type: ignore[attr-defined]
    return module


if TYPE_CHECKING:  # to a type checker, the names are the functions they call
    from billdiff.api import compare, history
else:
    compare = _callable_module("compare", api.compare)
    history = _callable_module("history", api.history)

__all__ = [
    "CHANGE_KINDS",
    "Bill",
    "BilldiffError",
    "BlameSegment",
    "Change",
    "Comparison",
    "Dossier",
    "History",
    "InputError",
    "Lineage",
    "Options",
    "ParseError",
    "PrefaceLine",
    "ProfileError",
    "Reading",
    "ReadingInfo",
    "RenderError",
    "SchemaError",
    "Side",
    "Span",
    "Step",
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
