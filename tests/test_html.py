"""The HTML report without a browser: self-containment, CSP, escaping, lang, generic kinds,
noise, ids. The browser behaviour is in test_browser.py."""

from __future__ import annotations

import base64
import hashlib
import re
from html import unescape
from html.parser import HTMLParser
from importlib import resources

import pytest

from billdiff import api
from billdiff.changes import Change, Comparison, Reading, Side
from billdiff.render import html as html_renderer
from billdiff.render.html import HtmlRenderer
from billdiff.textdiff import Span
from tests.conftest import FIXTURES


class _Collect(HTMLParser):
    """Start tags with their attributes, and the text inside <style> and <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"style": [], "script": []}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw[self._in][-1] += data


def _parse(page: str) -> _Collect:
    collect = _Collect()
    collect.feed(page)
    return collect


def _side(label: str, text: str, num: str | None = None) -> Side:
    return Side(f"art_{label}", num or f"Article {label}", label, "", text)


def _render(*changes: Change, language: str = "en") -> str:
    reading = Reading(source="/somewhere/private/bill.txt", title="A Bill", language=language)
    return HtmlRenderer().render(Comparison(reading, reading, changes))


@pytest.fixture(scope="module")
def sample() -> str:
    comparison = api.compare(FIXTURES / "sample.old.txt", FIXTURES / "sample.new.txt")
    return api.render(comparison, "html")


def test_templates_ship_in_the_package() -> None:
    folder = resources.files("billdiff.render").joinpath("templates")
    for name in ("report.html.j2", "report.css", "report.js"):
        assert folder.joinpath(name).is_file(), name


def test_one_file_with_nothing_to_load(sample: str) -> None:
    collect = _parse(sample)
    for tag, attrs in collect.tags:
        for name in ("src", "srcset", "data", "action", "poster"):
            assert name not in attrs, (tag, attrs)
        if "href" in attrs:
            assert (attrs["href"] or "").startswith("#"), (tag, attrs)
    assert [t for t, _ in collect.tags if t in ("link", "iframe", "object", "embed", "img")] == []
    assert "@import" not in sample and "url(" not in "".join(collect.raw["style"])


def test_csp_forbids_everything_but_the_inline_style_and_script(sample: str) -> None:
    collect = _parse(sample)
    csp = next(
        a["content"] or ""
        for t, a in collect.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    (style,), (script,) = collect.raw["style"], collect.raw["script"]

    def sha(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()

    assert f"style-src 'sha256-{sha(style)}'" in csp
    assert f"script-src 'sha256-{sha(script)}'" in csp
    # No inline style attributes or event handlers, which the CSP would block.
    for tag, attrs in collect.tags:
        assert "style" not in attrs, tag
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)


def test_lang_comes_from_the_document_language(sample: str) -> None:
    collect = _parse(sample)
    html_attrs = next(a for t, a in collect.tags if t == "html")
    assert html_attrs["lang"] == "en"  # the report's own words are English
    texts = [a for t, a in collect.tags if "text" in (a.get("class") or "").split()]
    assert texts and all(a.get("lang") == "ru" for a in texts)
    assert next(a for t, a in collect.tags if t == "h1").get("lang") == "ru"


def test_landmarks_and_headings(sample: str) -> None:
    parsed = _parse(sample).tags
    tags = [t for t, _ in parsed]
    for landmark in ("header", "nav", "main", "footer"):
        assert tags.count(landmark) == 1, landmark
    assert tags.count("h1") == 1
    frame = sum(1 for _, a in parsed if "frame-change" in (a.get("class") or "").split())
    assert frame == 1  # the table of contents in the preface changed
    # + "Changes by kind", "Most changed", and one heading per changed preface/back matter
    assert tags.count("article") == tags.count("h3") - 2 - frame


def test_bill_text_is_escaped() -> None:
    hostile = '<script>alert(1)</script><img src=x onerror=alert(1)> & "quotes"'
    page = _render(
        Change("added", None, _side("1", hostile, num=hostile)),
        Change(
            "modified",
            _side("2", "a " + hostile),
            _side("2", "b " + hostile),
            0.5,
            (Span("delete", "a"), Span("insert", "b"), Span("equal", " " + hostile)),
        ),
    )
    assert page.count("<script>") == 1  # the report's own
    assert "<img" not in page and "onerror=alert(1)>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page


def test_every_kind_is_rendered_generically(monkeypatch: pytest.MonkeyPatch) -> None:
    kinds = (*html_renderer._changes.CHANGE_KINDS, "brand_new")
    changes = [
        Change(kind, _side(str(i), f"text {i}"), _side(str(i), f"text {i}"))
        for i, kind in enumerate(kinds)
    ]
    page = _render(*changes)
    collect = _parse(page)
    options = [a.get("value") for t, a in collect.tags if t == "option"]
    assert options == ["changed", "all", *kinds]
    for kind in kinds:
        assert f'<span class="n" data-count="{kind}">1</span>' in page
    articles = [a.get("data-kind") for t, a in collect.tags if t == "article"]
    assert articles == list(kinds)
    assert "brand new" in page  # labelled in words


def test_renumbering_is_a_quiet_badge() -> None:
    page = _render(
        Change("renumbered", _side("16", "same text"), _side("18", "same text")),
        Change(
            "modified",
            _side("4", "old words"),
            _side("5", "new words"),
            0.5,
            (Span("delete", "old"), Span("insert", "new"), Span("equal", " words")),
        ),
    )
    assert page.count("renumbered 16 → 18") == 2  # contents and article
    assert page.count("modified 4 → 5") == 2
    assert 'class="change quiet" id="art_18"' in page


def test_noise_is_shown_quietly() -> None:
    spans = (
        Span("equal", "see "),
        Span("delete", "Article 5", "reference"),
        Span("insert", "Article 6", "reference"),
    )
    noisy = Change("modified", _side("1", "see Article 5"), _side("1", "see Article 6"), 0.9, spans)
    page = _render(noisy)
    assert '<del class="noise" data-noise="reference"' in page
    assert '<ins class="noise" data-noise="reference"' in page
    assert "Only noise, no edit to read: reference to a renumbered article." in page
    assert page.count('class="badge k-modified noise"') == 2  # contents and article
    assert '<article class="change quiet has-spans"' in page and 'class="expand"' in page
    real = Change(
        "modified",
        _side("1", "see Article 5"),
        _side("1", "see Article 6 now"),
        0.9,
        (*spans, Span("insert", " now")),
    )
    assert "Only noise" not in _render(real)


def test_ids_are_unique_and_first_keeps_the_eid() -> None:
    merged = [
        Change("merged", _side("1", "one"), _side("1", "one two")),
        Change("merged", _side("2", "two"), _side("1", "one two")),
        Change("deleted", _side("1", "gone"), None),
    ]
    ids = [a["id"] for t, a in _parse(_render(*merged)).tags if t == "article"]
    assert ids == ["art_1", "art_1--2", "deleted-art_1"]


def test_summary_matches_the_comparison(sample: str) -> None:
    comparison = api.compare(FIXTURES / "sample.old.txt", FIXTURES / "sample.new.txt")
    for kind, n in comparison.counts.items():
        if n:
            assert f'<span class="n" data-count="{kind}">{n}</span>' in sample
    assert f"{comparison.words_inserted} words inserted" in sample
    assert f"{comparison.words_deleted} words deleted" in sample


def test_report_names_files_without_their_folders() -> None:
    page = _render(Change("unchanged", _side("1", "x"), _side("1", "x")))
    assert "bill.txt" in page and "/somewhere/private" not in page


def test_spans_rebuild_the_texts_in_the_inline_view(sample: str) -> None:
    comparison = api.compare(FIXTURES / "sample.old.txt", FIXTURES / "sample.new.txt")
    for change in comparison.changes:
        if not change.spans:
            continue
        inline = re.search(
            rf'id="{re.escape(change.eid)}".*?<div class="text inline"[^>]*>(.*?)</div>',
            sample,
            re.S,
        )
        assert inline, change.eid
        body = inline.group(1)
        old = re.sub(r"<ins[^>]*>.*?</ins>|<[^>]+>", "", body, flags=re.S)
        new = re.sub(r"<del[^>]*>.*?</del>|<[^>]+>", "", body, flags=re.S)
        assert change.old and change.new
        assert unescape(old) == change.old.text
        assert unescape(new) == change.new.text


def test_a_title_without_words_is_not_a_title() -> None:
    reading = Reading(source="bill.md", title="---", language="de")
    page = HtmlRenderer().render(Comparison(reading, reading, ()))
    assert "<h1>Changes between two readings</h1>" in page
    assert ">---<" not in page


def test_no_change_is_said_in_words() -> None:
    page = _render(Change("unchanged", _side("1", "x"), _side("1", "x")))
    assert "No article changed between these readings." in page
    changed = _render(Change("added", None, _side("1", "x")))
    assert "No article changed" not in changed
