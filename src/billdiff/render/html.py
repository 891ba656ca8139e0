"""The HTML report: one self-contained file (no network, no CDN), readable without JavaScript,
better with it, printable. Rendered with Jinja2, autoescaping on."""

from __future__ import annotations

import base64
import hashlib
from importlib import resources
from typing import Any

import jinja2

from billdiff.changes import CHANGE_KINDS, Change, Comparison
from billdiff.render.base import Renderer, register


def _asset(name: str) -> str:
    return resources.files("billdiff.render").joinpath("templates", name).read_text("utf-8")


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("billdiff.render", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


def _name(side: Any) -> str:
    if side is None:
        return ""
    return " ".join(part for part in (side.num, side.heading) if part) or side.eid


def _badge(change: Change) -> str:
    if change.kind in ("renumbered", "moved") and change.old and change.new:
        if change.old.label != change.new.label:
            return f"{change.kind} {change.old.label} → {change.new.label}"
    return change.kind


@register
class HtmlRenderer(Renderer):
    name = "html"
    aliases = ("htm", "report")
    extension = ".html"
    media_type = "text/html"

    def render(self, comparison: Comparison) -> str:
        style, script = _asset("report.css"), _asset("report.js")
        csp = (
            "default-src 'none'; img-src data:; "
            f"style-src {_csp_hash(style)}; script-src {_csp_hash(script)}; "
            "base-uri 'none'; form-action 'none'"
        )
        most = sorted(
            (c for c in comparison.changes if c.spans),
            key=lambda c: -(c.words_inserted + c.words_deleted),
        )[:5]
        template = _ENV.get_template("report.html.j2")
        return template.render(
            comparison=comparison,
            counts=comparison.counts(),
            kinds=CHANGE_KINDS,
            most_changed=most,
            style=style,
            script=script,
            csp=csp,
            lang=comparison.new.language or comparison.old.language or "und",
            name=_name,
            badge=_badge,
        )
