"""Terminal text: one block per changed article, word changes marked as [-old-]{+new+}
(as ``git diff --word-diff``), coloured when asked."""

from __future__ import annotations

from billdiff.changes import Change, Comparison, Side
from billdiff.render.base import Renderer, elide, register

_RED, _GREEN, _BOLD, _DIM, _RESET = "\033[31m", "\033[32m", "\033[1m", "\033[2m", "\033[0m"

# Control characters of a hostile bill must not drive the terminal (ESC sequences can set the
# window title or clear the screen): each is shown as its visible Unicode "control picture".
_VISIBLE = {c: 0x2400 + c for c in range(0x20) if chr(c) not in "\n\t"} | {0x7F: 0x2421}
_VISIBLE |= {c: 0xFFFD for c in range(0x80, 0xA0)}  # C1 controls (CSI is 0x9B)


def _safe(text: str) -> str:
    """``"a\x1b[2J"`` -> ``"a␛[2J"``: bill text made harmless for a terminal."""
    return text.translate(_VISIBLE)


def _name(side: Side | None) -> str:
    if side is None:
        return "—"
    return " ".join(part for part in (side.num, side.heading) if part) or side.eid


@register
class TextRenderer(Renderer):
    name = "text"
    aliases = ("txt", "terminal")
    extension = ".txt"

    def __init__(self, *, color: bool = False, all_articles: bool = False) -> None:
        self.color = color
        self.all_articles = all_articles

    def _c(self, code: str, text: str) -> str:
        text = _safe(text)
        return f"{code}{text}{_RESET}" if self.color else text

    def render(self, comparison: Comparison) -> str:
        out: list[str] = []
        old = comparison.old.label or comparison.old.source
        new = comparison.new.label or comparison.new.source
        out.append(self._c(_BOLD, f"billdiff: {old} -> {new}"))
        counts = ", ".join(f"{n} {kind}" for kind, n in comparison.counts.items() if n)
        out.append(
            f"{len(comparison.changes)} articles: {counts}; "
            f"{comparison.words_inserted} words inserted, {comparison.words_deleted} deleted"
        )
        # before any change: a reader must know the structure is doubtful before trusting it
        for reading, name in ((comparison.old, old), (comparison.new, new)):
            for warning in reading.warnings:
                out.append(self._c(_RED, f"warning: {name}: {warning.message}"))
        frame = {id(change) for change in comparison.frame}
        for change in (*comparison.frame, *comparison.changes):
            if change.kind == "unchanged" and not self.all_articles:
                continue
            out.append("")
            out.append(self._header(change))
            # the text around the articles can be long (schedules, annexes): its changed lines
            body = self._body(change, elided=id(change) in frame)
            if body:
                out.append(body)
        return "\n".join(out) + "\n"

    def _header(self, change: Change) -> str:
        kind = change.kind.upper()
        if change.old and change.new and change.old.num != change.new.num:
            where = f"{_name(change.old)} -> {_name(change.new)}"
        else:
            where = _name(change.new or change.old)
        header = self._c(_BOLD, f"== {kind}: {where}")
        if change.spans and change.noise_only:
            classes = sorted({s.noise for s in change.spans if s.noise})
            header += self._c(_DIM, f" (noise only: {', '.join(classes)})")
        return header

    def _mark(self, op: str, text: str, noise: str) -> str:
        if op == "equal":
            return _safe(text)
        if op == "delete":
            return self._c(_DIM if noise else _RED, f"[-{text}-]")
        return self._c(_DIM if noise else _GREEN, f"{{+{text}+}}")

    def _body(self, change: Change, *, elided: bool = False) -> str:
        if change.spans:
            spans = elide(change.spans) if elided else change.spans
            return "".join(self._mark(span.op, span.text, span.noise) for span in spans)
        if change.kind == "added" and change.new:
            return self._c(_GREEN, change.new.text)
        if change.kind == "deleted" and change.old:
            return self._c(_RED, change.old.text)
        return ""
