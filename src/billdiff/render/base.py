"""The renderer registry: output formats looked up by name or alias."""

from __future__ import annotations

from typing import ClassVar

from billdiff.changes import Comparison
from billdiff.errors import RenderError


class Renderer:
    """Turns a Comparison into text. Renderers only render: they never recompute a diff."""

    name: ClassVar[str] = ""
    aliases: ClassVar[tuple[str, ...]] = ()
    extension: ClassVar[str] = ""
    media_type: ClassVar[str] = "text/plain"

    def render(self, comparison: Comparison) -> str:
        raise NotImplementedError


_RENDERERS: dict[str, type[Renderer]] = {}


def register(cls: type[Renderer]) -> type[Renderer]:
    for key in (cls.name, *cls.aliases):
        if key in _RENDERERS and _RENDERERS[key] is not cls:
            raise ValueError(f"renderer name {key!r} is taken by {_RENDERERS[key].__name__}")
        _RENDERERS[key] = cls
    return cls


def all_renderers() -> list[type[Renderer]]:
    seen: list[type[Renderer]] = []
    for cls in _RENDERERS.values():
        if cls not in seen:
            seen.append(cls)
    return seen


def get_renderer(name: str) -> Renderer:
    try:
        return _RENDERERS[name.lower()]()
    except KeyError:
        known = ", ".join(cls.name for cls in all_renderers())
        raise RenderError(f"unknown output format {name!r} (known: {known})") from None
