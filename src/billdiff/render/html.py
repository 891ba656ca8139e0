"""The HTML report: one self-contained file (no network, no CDN), readable without JavaScript,
better with it, printable. Rendered with Jinja2, autoescaping on.

The renderer turns the :class:`~billdiff.changes.Comparison` into small view records (titles,
badges, spans with their CSS class) and hands them to ``templates/report.html.j2``. It never
recomputes a diff: the spans come from the change model. Kinds of change are rendered
generically, so a kind added to :data:`~billdiff.changes.CHANGE_KINDS` (or met in a change)
gets a badge, a count and a filter without touching this module.

The inline style and script are hashed into the Content-Security-Policy, which forbids every
other source: the report cannot load anything, even if a bill's text smuggled markup past the
autoescaping.
"""

from __future__ import annotations

import base64
import hashlib
import os
import pickle
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import jinja2

from billdiff import changes as _changes
from billdiff.changes import Change, Comparison, Reading, Side
from billdiff.model import Bill
from billdiff.render.base import Renderer, elide, register

_WORDY = re.compile(r"\w")

#: How many articles the summary lists as the most changed.
MOST_CHANGED = 10

#: Kinds whose article keeps its text unchanged: shown quietly, never as an edit.
QUIET_KINDS = frozenset({"unchanged", "renumbered"})


@cache
def _asset(name: str) -> str:
    return resources.files("billdiff.render").joinpath("templates", name).read_text("utf-8")


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


class _QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """jinja2's cache of compiled templates (a directory of the user's own under the system's
    temporary folder, checked by jinja2 to be private): compiling the report's templates takes
    30 ms of every run, loading them 0.4 ms. A cache that cannot be read or written is no
    cache, never an error: the templates are then compiled as without one."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError, pickle.UnpicklingError):  # a damaged file
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    if os.environ.get("BILLDIFF_NO_TEMPLATE_CACHE"):
        return None
    try:
        return _QuietBytecodeCache()
    except (OSError, RuntimeError):  # no private temporary folder to be had
        return None


_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("billdiff.render", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
    bytecode_cache=_bytecode_cache(),
)


@dataclass(frozen=True)
class SpanView:
    """One span as the template writes it: ``tag`` is "" (plain), "ins" or "del"."""

    tag: str
    text: str
    noise: str = ""  # the noise class, "" for a real edit

    @property
    def title(self) -> str:
        return NOISE_TITLES.get(self.noise, self.noise)


@dataclass(frozen=True)
class ArticleView:
    """One change as the report shows it."""

    id: str
    kind: str
    kind_label: str
    badge: str
    title: str
    toc_num: str
    toc_heading: str
    old_lang: str
    new_lang: str
    spans: tuple[SpanView, ...]
    text: str  # the whole text, for an article without spans
    text_tag: str  # "ins" (added), "del" (deleted) or "" (same text on both sides)
    words_inserted: int
    words_deleted: int
    noise: str  # a quiet note when the change is classified as noise, else ""
    noise_classes: str  # what that noise is ("quotation marks only"), else ""
    parts: str  # a summary of the changes of paragraphs and points inside, else ""

    @property
    def changed(self) -> bool:
        return self.kind != "unchanged"

    @property
    def quiet(self) -> bool:
        """Nothing to read but a number or noise: shown as a heading in the "changed only"
        view (its text one click away), never as an edit."""
        return self.kind in QUIET_KINDS or bool(self.noise)


@dataclass(frozen=True)
class ReadingView:
    title: str
    label: str
    date: str
    file: str
    lang: str


def _label(kind: str) -> str:
    return kind.replace("_", " ").replace("-", " ")


def _name(side: Side) -> str:
    return " ".join(part for part in (side.num, side.heading) if part) or side.eid


#: How the report explains each class of noise (billdiff.changes.NOISE_CLASSES); a class
#: missing here is shown by its name.
NOISE_TITLES: dict[str, str] = {
    "whitespace": "spacing only",
    "quotes": "quotation marks only",
    "dashes": "dashes only",
    "numbering": "number changed by renumbering",
    "reference": "reference to a renumbered article",
}


def _noise(span: Any) -> str:
    """The noise class of a span ("" for a real edit). Read with getattr so that a model
    without noise classification renders too."""
    value = getattr(span, "noise", "")
    if not value:
        return ""
    return value if isinstance(value, str) else "noise"


def _noise_classes(change: Change) -> str:
    """What the edits are, when every edit of a change is classified noise; else ""."""
    classes = sorted({_noise(s) for s in change.spans if s.op != "equal"})
    if not classes or "" in classes:
        return ""
    return ", ".join(NOISE_TITLES.get(c, c) for c in classes)


def _parts(change: Change) -> str:
    """A one-line summary of the changes inside the article ("paragraphs: 2 modified, 1 added")."""
    parts = getattr(change, "parts", ())
    counter = Counter(p.kind for p in parts if p.kind != "unchanged")
    if not counter:
        return ""
    order = [k for k in _changes.CHANGE_KINDS if k in counter] + sorted(
        k for k in counter if k not in _changes.CHANGE_KINDS
    )
    return "Inside: " + ", ".join(f"{counter[k]} {_label(k)}" for k in order)


def _badge(change: Change) -> str:
    """The kind in words, with the number change when there is one: "renumbered 16 → 18"."""
    label = _label(change.kind)
    old, new = change.old, change.new
    if old and new and old.label != new.label:
        return f"{label} {old.label or old.num} → {new.label or new.num}"
    return label


def _title(reading: Reading) -> str:
    """The reading's title, unless it is no title at all (a Markdown rule such as "---")."""
    title = reading.title.strip()
    return title if _WORDY.search(title) else ""


def _lang(reading: Reading, fallback: str = "") -> str:
    return reading.language or fallback


def _article(
    change: Change, anchor: str, old_lang: str, new_lang: str, *, elided: bool = False
) -> ArticleView:
    old, new = change.old, change.new
    side = new or old
    assert side is not None
    spans: tuple[SpanView, ...] = ()
    text, text_tag = "", ""
    noise = _noise_classes(change)
    if change.spans:
        spans = tuple(
            SpanView(
                "" if span.op == "equal" else ("ins" if span.op == "insert" else "del"),
                span.text,
                _noise(span),
            )
            for span in (elide(change.spans) if elided else change.spans)
        )
    elif old is None:
        text, text_tag = side.text, "ins"
    elif new is None:
        text, text_tag = side.text, "del"
    else:
        text = side.text
    return ArticleView(
        id=anchor,
        kind=change.kind,
        kind_label=_label(change.kind),
        badge=_badge(change),
        title=_name(side),
        toc_num=side.num or side.label or side.eid,
        toc_heading=side.heading,
        old_lang=old_lang,
        new_lang=new_lang,
        spans=spans,
        text=text,
        text_tag=text_tag,
        words_inserted=change.words_inserted,
        words_deleted=change.words_deleted,
        noise=f"Only noise, no edit to read: {noise}." if noise else "",
        noise_classes=noise,
        parts=_parts(change),
    )


def _articles(comparison: Comparison, old_lang: str, new_lang: str) -> list[ArticleView]:
    """One view per change, with ids unique in the page (a merge can give two changes the
    same new eId; the first keeps the plain eId so that permalinks stay #eId)."""
    seen: Counter[str] = Counter()
    out: list[ArticleView] = []
    for change in comparison.changes:
        anchor = change.eid or "article"
        seen[anchor] += 1
        if seen[anchor] > 1:
            anchor = f"{anchor}--{seen[anchor]}"
        out.append(_article(change, anchor, old_lang, new_lang))
    return out


def _kinds(comparison: Comparison) -> list[tuple[str, str, int]]:
    """(kind, label, count) for every kind present, in the order of CHANGE_KINDS, then any
    kind the model produced that CHANGE_KINDS does not list yet."""
    counter = Counter(change.kind for change in comparison.changes)
    order = list(_changes.CHANGE_KINDS) + sorted(
        k for k in counter if k not in _changes.CHANGE_KINDS
    )
    return [(kind, _label(kind), counter[kind]) for kind in order if counter[kind]]


def warning_lines(*readings: tuple[Reading | Bill, str]) -> list[tuple[str, str]]:
    """(reading name, message) for every structure warning, for the reports' banner."""
    return [(name, warning.message) for reading, name in readings for warning in reading.warnings]


def _reading(reading: Reading, lang: str) -> ReadingView:
    file = os.path.basename(reading.source) if reading.source else ""
    return ReadingView(_title(reading), reading.label, reading.date, file, lang)


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
        new_lang = _lang(comparison.new, comparison.old.language)
        old_lang = _lang(comparison.old, new_lang)
        articles = _articles(comparison, old_lang or "und", new_lang or "und")
        frame = [
            _article(
                change, f"frame-{change.eid}", old_lang or "und", new_lang or "und", elided=True
            )
            for change in comparison.frame
            if change.kind != "unchanged"
        ]
        most = sorted(
            (a for a in articles if a.words_inserted + a.words_deleted),
            key=lambda a: -(a.words_inserted + a.words_deleted),
        )[:MOST_CHANGED]
        kinds = _kinds(comparison)
        title = _title(comparison.new) or _title(comparison.old)
        old_name = comparison.old.label or os.path.basename(comparison.old.source)
        new_name = comparison.new.label or os.path.basename(comparison.new.source)
        template = _ENV.get_template("report.html.j2")
        return template.render(
            title=title,
            old=_reading(comparison.old, old_lang or "und"),
            new=_reading(comparison.new, new_lang or "und"),
            articles=articles,
            frame=frame,
            kinds=kinds,
            total=len(articles),
            n_changed=sum(1 for a in articles if a.changed),
            words_inserted=comparison.words_inserted,
            words_deleted=comparison.words_deleted,
            most_changed=most,
            style=style,
            script=script,
            csp=csp,
            lang=new_lang or "und",
            warnings=warning_lines(
                (comparison.old, old_name or "the old reading"),
                (comparison.new, new_name or "the new reading"),
            ),
        )
