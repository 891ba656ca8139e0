"""Output formats: json, text, html, docx (and xml for parsed bills, in billdiff.akn)."""

from __future__ import annotations

from billdiff.render import docx, html, json, text
from billdiff.render.base import Renderer, all_renderers, get_renderer, register

__all__ = ["Renderer", "all_renderers", "docx", "get_renderer", "html", "json", "register", "text"]
