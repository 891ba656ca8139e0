"""The renderer registry: output formats looked up by name or alias."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import ClassVar

from billdiff.changes import Comparison
from billdiff.errors import RenderError
from billdiff.textdiff import Span


class Renderer:
    """Turns a Comparison into text, or bytes for a binary format (docx). Renderers only
    render: they never recompute a diff."""

    name: ClassVar[str] = ""
    aliases: ClassVar[tuple[str, ...]] = ()
    extension: ClassVar[str] = ""
    media_type: ClassVar[str] = "text/plain"
    #: True when :meth:`render` returns bytes (a package such as docx), not text.
    binary: ClassVar[bool] = False

    def render(self, comparison: Comparison) -> str | bytes:
        raise NotImplementedError


_RENDERERS: dict[str, type[Renderer]] = {}

#: The formats billdiff renders itself, by name and alias, and the module of each: a module
#: is imported when its format is first asked for (a diff written as JSON loads neither jinja2
#: nor the Word writer; start-up is a large part of a typical bill's time).
BUILT_IN: dict[str, str] = {
    "json": "json",
    "text": "text",
    "txt": "text",
    "terminal": "text",
    "html": "html",
    "htm": "html",
    "report": "html",
    "docx": "docx",
    "word": "docx",
}


def register(cls: type[Renderer]) -> type[Renderer]:
    for key in (cls.name, *cls.aliases):
        if key in _RENDERERS and _RENDERERS[key] is not cls:
            raise ValueError(f"renderer name {key!r} is taken by {_RENDERERS[key].__name__}")
        _RENDERERS[key] = cls
    return cls


def _load(name: str) -> None:
    module = BUILT_IN.get(name)
    if module is not None and name not in _RENDERERS:
        import_module(f"billdiff.render.{module}")


def format_names() -> list[str]:
    """Every format's name and aliases, without loading a renderer."""
    return list(dict.fromkeys([*BUILT_IN, *_RENDERERS]))


def all_renderers() -> list[type[Renderer]]:
    for name in BUILT_IN:
        _load(name)
    seen: list[type[Renderer]] = []
    for cls in _RENDERERS.values():
        if cls not in seen:
            seen.append(cls)
    return seen


def get_renderer(name: str) -> Renderer:
    _load(name.lower())
    try:
        return _RENDERERS[name.lower()]()
    except KeyError:
        known = ", ".join(cls.name for cls in all_renderers())
        raise RenderError(f"unknown output format {name!r} (known: {known})") from None


#: What stands for the unchanged lines left out of a long text (see :func:`elide`).
ELISION = "…"


def elide(spans: Sequence[Span], context: int = 1) -> list[Span]:
    """The spans with long unchanged stretches cut to ``context`` lines around each edit and
    one ``…`` line for the rest: for the text around the articles, which may hold whole
    schedules or annexes of which one word changed. Edits are never cut."""
    if all(span.op == "equal" for span in spans):
        return list(spans)  # nothing changed: nothing to show around
    out: list[Span] = []
    last = len(spans) - 1
    for k, span in enumerate(spans):
        if span.op != "equal":
            out.append(span)
            continue
        lines = span.text.split("\n")
        # the first piece ends the line of the edit before, the last begins the next one's
        head = lines[: 1 + context] if k > 0 else []
        tail = lines[len(lines) - 1 - context :] if k < last else []
        if len(head) + len(tail) + 1 >= len(lines):
            out.append(span)
        else:
            out.append(Span("equal", "\n".join([*head, ELISION, *tail])))
    return out
