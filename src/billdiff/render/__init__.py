"""Output formats: json, text, html, docx (and xml for parsed bills, in billdiff.akn). Each
format's module is imported when the format is first used (:data:`base.BUILT_IN`)."""

from __future__ import annotations

from billdiff.render.base import Renderer, all_renderers, format_names, get_renderer, register

__all__ = ["Renderer", "all_renderers", "format_names", "get_renderer", "register"]
