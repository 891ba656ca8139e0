"""The HTML report in a real browser: Debian's Chromium driven by Playwright (never
`playwright install`). Skipped, with the reason, when either is missing; CI has both."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from billdiff import api
from billdiff.render.json import comparison_dict
from tests.browser import Opened, launch, opener
from tests.conftest import CORPUS, FIXTURES

pytestmark = pytest.mark.browser


#: Pairs of readings whose reports are opened: (id, old, new), paths relative to the corpus.
CORPUS_PAIRS = [
    (
        "kz-ru-02-03",
        "kz-ru-konst-zakon-o-pravitelstve/02-2014-09-29-redaction.rus.md",
        "kz-ru-konst-zakon-o-pravitelstve/03-2024-07-05-redaction.rus.md",
    ),
    (
        "fr-ord58-1067-01-02",
        "fr-ord58-1067-conseil-constitutionnel-pjlo-retraites/01-en-vigueur-before-bill.md",
        "fr-ord58-1067-conseil-constitutionnel-pjlo-retraites/02-as-amended-by-pjlo-depose-an.md",
    ),
    (
        "uk-txt-01-02",
        "uk-social-housing-regulation-bill-2022/01-HL-lords-committee-stage-print-2022-09-07.txt",
        "uk-social-housing-regulation-bill-2022/02-HL-lords-report-stage-print-2022-10-19.txt",
    ),
]
PAIR_IDS = ["eu-fixture"] + [case for case, _, _ in CORPUS_PAIRS]

SHOWN_IS = "(n) => document.querySelectorAll('article.change:not([hidden])').length === n"

HOSTILE = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


@dataclass
class Report:
    path: Path
    data: dict[str, Any]

    @property
    def counts(self) -> dict[str, int]:
        return {k: n for k, n in self.data["summary"]["counts"].items() if n}

    @property
    def total(self) -> int:
        return len(self.data["changes"])


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch()


@pytest.fixture
def open_report(browser: Any) -> Iterator[Callable[..., Opened]]:
    yield from opener(browser)


def _write(tmp: Path, name: str, old: Path | str, new: Path | str) -> Report:
    comparison = api.compare(old, new)
    path = tmp / f"{name}.html"
    path.write_text(api.render(comparison, "html"), "utf-8")
    return Report(path, comparison_dict(comparison))


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Report]:
    """Reports of the fixture pair and, when the corpus is present, of the corpus pairs."""
    tmp = tmp_path_factory.mktemp("reports")
    out = {"eu-fixture": _write(tmp, "eu", FIXTURES / "eu.old.txt", FIXTURES / "eu.new.txt")}
    if CORPUS.is_dir():
        for case, old, new in CORPUS_PAIRS:
            out[case] = _write(tmp, case, CORPUS / old, CORPUS / new)
    return out


def _report(reports: dict[str, Report], case: str) -> Report:
    if case not in reports:
        pytest.skip(f"needs the corpus of real bills at {CORPUS} (absent in this checkout)")
    return reports[case]


@pytest.mark.parametrize("case", PAIR_IDS)
def test_report_opens_without_errors_or_requests(
    reports: dict[str, Report], open_report: Callable[..., Opened], case: str
) -> None:
    report = _report(reports, case)
    opened = open_report(report.path)
    page = opened.page
    assert opened.errors == []
    assert opened.dialogs == []
    assert opened.foreign_requests() == []
    assert opened.requests, "the page itself was not requested"
    assert page.locator("#controls").is_visible()
    assert page.locator("article.change").count() == report.total
    assert page.locator("#toc li").count() == report.total
    # The summary says what the JSON change list says.
    for kind, n in report.counts.items():
        assert page.locator(f'#summary [data-count="{kind}"]').inner_text() == str(n)


@pytest.mark.parametrize("case", PAIR_IDS)
def test_filter_shows_as_many_articles_per_kind_as_the_json(
    reports: dict[str, Report], open_report: Callable[..., Opened], case: str
) -> None:
    report = _report(reports, case)
    opened = open_report(report.path)
    page = opened.page
    unchanged = report.counts.get("unchanged", 0)
    # The default view: changed articles only.
    assert page.locator("#filter").input_value() == "changed"
    assert opened.visible("article.change") == report.total - unchanged
    assert opened.visible("#toc li") == report.total - unchanged
    assert opened.visible('article.change[data-kind="unchanged"]') == 0
    for kind, n in report.counts.items():
        page.select_option("#filter", kind)
        assert opened.visible("article.change") == n, kind
        assert opened.visible(f'article.change[data-kind="{kind}"]') == n, kind
        assert opened.visible("#toc li") == n, kind
    page.select_option("#filter", "all")
    assert opened.visible("article.change") == report.total
    # Only kinds that occur are offered.
    offered = set(page.locator("#filter option").evaluate_all("os => os.map(o => o.value)"))
    assert offered == {"changed", "all", *report.counts}
    assert opened.errors == []


def test_search_filters_by_text(
    reports: dict[str, Report], open_report: Callable[..., Opened]
) -> None:
    report = _report(reports, "kz-ru-02-03")
    changed = [c for c in report.data["changes"] if c["kind"] != "unchanged"]
    needle = "министерства"

    def has(change: dict[str, Any]) -> bool:
        texts = [
            side["text"] + " " + side["num"] for side in (change["old"], change["new"]) if side
        ]
        return any(needle in text.lower() for text in texts)

    expected = sum(1 for c in changed if has(c))
    assert 0 < expected < len(changed), "pick a word found in some changed articles only"
    opened = open_report(report.path)
    page = opened.page
    page.fill("#search", needle.upper())
    page.wait_for_function(SHOWN_IS, arg=expected)
    assert opened.visible("article.change") == expected
    assert opened.visible("#toc li") == expected
    assert str(expected) in page.locator("#shown").inner_text()
    # The matches are highlighted, once for each occurrence in the shown articles.
    marks = page.evaluate("CSS.highlights.get('billdiff-search').size")
    occurrences = page.evaluate(
        """(n) => [...document.querySelectorAll('article.change:not([hidden])')]
             .map(a => a.textContent.toLowerCase().split(n).length - 1)
             .reduce((x, y) => x + y, 0)""",
        needle,
    )
    assert marks == occurrences >= expected
    page.fill("#search", "")
    page.wait_for_function(SHOWN_IS, arg=len(changed))
    assert opened.errors == []


def _side_text(change: dict[str, Any], drop: str) -> str:
    return "".join(s["text"] for s in change["spans"] if s["op"] != drop)


@pytest.mark.parametrize("case", ["eu-fixture", "kz-ru-02-03"])
def test_view_switch_between_inline_and_side_by_side(
    reports: dict[str, Report], open_report: Callable[..., Opened], case: str
) -> None:
    report = _report(reports, case)
    index, change = next(
        (i, c)
        for i, c in enumerate(report.data["changes"])
        if c["kind"] == "modified" and c.get("spans")
    )
    opened = open_report(report.path)
    page = opened.page
    article = page.locator("article.change").nth(index)
    assert article.locator(".inline").is_visible()
    assert article.locator(".sxs").count() == 0
    page.click("#view-sxs")
    assert page.locator("#view-sxs").get_attribute("aria-pressed") == "true"
    assert not article.locator(".inline").is_visible()
    old, new = article.locator(".sxs .old"), article.locator(".sxs .new")
    assert old.is_visible() and new.is_visible()
    # Each column is exactly one reading's text: the old has no insertions, the new no deletions.
    assert old.locator("ins").count() == 0 and new.locator("del").count() == 0
    assert old.text_content() == _side_text(change, "insert") == change["old"]["text"]
    assert new.text_content() == _side_text(change, "delete") == change["new"]["text"]
    assert old.get_attribute("lang") and new.get_attribute("lang")
    # Side by side, the columns stand next to each other.
    old_box, new_box = old.bounding_box(), new.bounding_box()
    assert old_box and new_box and old_box["x"] + old_box["width"] <= new_box["x"]
    page.click("#view-inline")
    assert article.locator(".inline").is_visible()
    assert not old.is_visible()
    # One article on its own: its button switches it, and only it.
    others = page.locator("article.change.has-spans:visible")
    n_inline = others.locator(".inline:visible").count()
    article.locator(".alt-view").click()
    assert old.is_visible() and not article.locator(".inline").is_visible()
    assert others.locator(".inline:visible").count() == n_inline - 1
    assert article.locator(".alt-view").inner_text() == "Inline"
    article.locator(".alt-view").click()
    assert article.locator(".inline").is_visible() and not old.is_visible()
    assert opened.errors == []


def test_keyboard_moves_to_the_next_and_previous_change(
    reports: dict[str, Report], open_report: Callable[..., Opened]
) -> None:
    report = _report(reports, "kz-ru-02-03")
    changed = [c for c in report.data["changes"] if c["kind"] != "unchanged"]
    assert len(changed) >= 3
    ids = [a for a in _article_ids(report) if not _quiet(a[0], report)]
    opened = open_report(report.path)
    page = opened.page

    def current() -> str:
        return str(page.evaluate("document.querySelector('article.change.current')?.id || ''"))

    def in_view(anchor: str) -> bool:
        box = page.locator(f'article.change[id="{anchor}"]').bounding_box()
        return box is not None and 0 <= box["y"] < 300

    for expected in (0, 1, 2):
        page.keyboard.press("j")
        assert current() == ids[expected][0]
        assert in_view(ids[expected][0])
        assert page.url.endswith("#" + ids[expected][0])
    page.keyboard.press("k")
    assert current() == ids[1][0]
    assert in_view(ids[1][0])
    # The focus follows, so a screen reader reads the article.
    assert page.evaluate("document.activeElement.id") == ids[1][0]
    page.click("#next")
    assert current() == ids[2][0]
    assert opened.errors == []


def _quiet(anchor: str, report: Report) -> bool:
    """Whether the article has nothing to read but a number or noise (per the JSON)."""
    change = next(
        c
        for a, c in zip(_article_ids(report), report.data["changes"], strict=True)
        if a[0] == anchor
    )
    edits = [s for s in change.get("spans", []) if s["op"] != "equal"]
    return change["kind"] in ("unchanged", "renumbered") or bool(
        edits and all(s.get("noise") for s in edits)
    )


@pytest.mark.parametrize("width", [1280, 420])
def test_the_change_reached_is_not_under_the_sticky_controls(
    reports: dict[str, Report], open_report: Callable[..., Opened], width: int
) -> None:
    report = _report(reports, "kz-ru-02-03")
    opened = open_report(report.path, width=width)
    page = opened.page
    for _ in range(3):
        page.keyboard.press("j")
        heading = page.locator("article.change.current h3").bounding_box()
        controls = page.locator("#controls").bounding_box()
        assert heading and controls
        assert controls["y"] + controls["height"] <= heading["y"] < 900, width
    assert opened.errors == []


def _article_ids(report: Report) -> list[tuple[str, str]]:
    """(id, kind) of each article, in order, as the page numbers them."""
    seen: dict[str, int] = {}
    out = []
    for change in report.data["changes"]:
        side = change["new"] or change["old"]
        anchor = side["eId"] if change["new"] else f"deleted-{side['eId']}"
        seen[anchor] = seen.get(anchor, 0) + 1
        out.append((anchor if seen[anchor] == 1 else f"{anchor}--{seen[anchor]}", change["kind"]))
    return out


def test_renumbering_and_noise_are_quiet_headings_with_the_text_one_click_away(
    reports: dict[str, Report], open_report: Callable[..., Opened]
) -> None:
    report = _report(reports, "uk-txt-01-02")
    quiet = [a for a, kind in _article_ids(report) if kind != "unchanged" and _quiet(a, report)]
    loud = [a for a, kind in _article_ids(report) if kind != "unchanged" and not _quiet(a, report)]
    assert quiet and loud, "this pair should have renumbered and really changed articles"
    opened = open_report(report.path)
    page = opened.page

    def article(anchor: str) -> Any:
        return page.locator(f'article.change[id="{anchor}"]')

    # Changed only: quiet articles are listed, as headings; their text is one click away.
    for anchor in quiet:
        assert article(anchor).locator("h3").is_visible()
        assert not article(anchor).locator(".text").first.is_visible()
    assert article(loud[0]).locator(".text").first.is_visible()
    article(quiet[0]).locator(".expand").click()
    assert article(quiet[0]).locator(".text").first.is_visible()
    assert article(quiet[0]).locator(".expand").get_attribute("aria-expanded") == "true"
    # The keyboard goes from real change to real change.
    for expected in loud[:4]:
        page.keyboard.press("j")
        assert page.evaluate("document.querySelector('article.change.current').id") == expected
    # Chosen by kind, their text shows.
    page.select_option("#filter", "renumbered")
    renumbered = [a for a, kind in _article_ids(report) if kind == "renumbered"]
    assert renumbered
    for anchor in renumbered:
        assert article(anchor).locator(".text").first.is_visible()
    assert opened.errors == []


def test_permalink_to_an_unchanged_article_shows_it(
    reports: dict[str, Report], open_report: Callable[..., Opened]
) -> None:
    report = _report(reports, "fr-ord58-1067-01-02")
    anchor = next(a for a, kind in _article_ids(report) if kind == "unchanged")
    opened = open_report(report.path, fragment=f"#{anchor}")
    page = opened.page
    assert page.locator(f'article.change[id="{anchor}"]').is_visible()
    assert page.locator("#filter").input_value() == "all"
    assert opened.errors == []


def test_without_javascript_every_article_is_readable(
    reports: dict[str, Report], open_report: Callable[..., Opened]
) -> None:
    for case in PAIR_IDS:
        if case not in reports:
            continue
        report = reports[case]
        opened = open_report(report.path, javascript=False)
        page = opened.page
        assert page.locator("body[data-ready]").count() == 0  # the script really did not run
        assert not page.locator("#controls").is_visible()
        assert opened.visible("article.change") == report.total
        assert opened.visible("#toc li") == report.total
        for i, change in enumerate(report.data["changes"]):
            side = change["new"] or change["old"]
            if side["text"].strip():
                text = page.locator("article.change").nth(i).locator(".text").first
                assert text.is_visible(), (case, i)
        assert opened.foreign_requests() == []


def test_print_hides_the_controls_and_keeps_the_articles(
    reports: dict[str, Report], open_report: Callable[..., Opened]
) -> None:
    report = reports["eu-fixture"]
    opened = open_report(report.path)
    page = opened.page
    page.emulate_media(media="print")
    assert not page.locator("#controls").is_visible()
    assert not page.locator("#toc").is_visible()
    assert page.locator("#summary").is_visible()
    changed = report.total - report.counts.get("unchanged", 0)
    assert opened.visible("article.change") == changed
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


HOSTILE_OLD = f"""\
REGULATION ON {HOSTILE} PATROLS

Article 1
Subject matter {HOSTILE_IMG}
This Regulation lays down rules on volunteer patrols. {HOSTILE}

Article 2
Definitions
A 'patrol' means a group of volunteers.
"""

HOSTILE_NEW = f"""\
REGULATION ON {HOSTILE} PATROLS

Article 1
Subject matter {HOSTILE_IMG}
This Regulation lays down rules on volunteer patrols {HOSTILE_IMG} and their powers.

Article 2
Definitions
A 'patrol' means a group of volunteers. <iframe src="https://example.org/"></iframe>

Article 3
Powers {HOSTILE}
Volunteers may ask persons <svg onload=alert(2)> to respect public order. {HOSTILE_IMG}
"""


def test_markup_in_the_bill_is_shown_as_text_and_runs_nothing(
    tmp_path: Path, open_report: Callable[..., Opened]
) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(HOSTILE_OLD, "utf-8")
    new.write_text(HOSTILE_NEW, "utf-8")
    report = _write(tmp_path, "hostile", old, new)
    assert report.counts.get("added") == 1 and report.counts.get("modified", 0) >= 1
    opened = open_report(report.path)
    page = opened.page
    page.select_option("#filter", "all")
    page.click("#view-sxs")  # the side-by-side copies are made by script: they too stay text
    page.fill("#search", HOSTILE_IMG)
    page.wait_for_timeout(300)
    page.fill("#search", "")
    page.wait_for_timeout(300)
    page.keyboard.press("j")
    assert opened.dialogs == []
    assert opened.errors == []
    assert opened.foreign_requests() == []
    # The markup is there, as text.
    text = page.locator("body").text_content() or ""
    assert HOSTILE in text and HOSTILE_IMG in text and "<svg onload=alert(2)>" in text
    assert page.locator("h1").inner_text() == f"REGULATION ON {HOSTILE} PATROLS"
    # ... and never as elements.
    assert page.locator("img, iframe, svg").count() == 0
    assert page.locator("script").count() == 1
    assert re.search(r"<img|<iframe|<svg", report.path.read_text("utf-8")) is None


def test_a_reading_compared_with_itself_says_so(
    tmp_path: Path, open_report: Callable[..., Opened]
) -> None:
    report = _write(tmp_path, "same", FIXTURES / "eu.old.txt", FIXTURES / "eu.old.txt")
    assert report.total and set(report.counts) == {"unchanged"}
    opened = open_report(report.path)
    page = opened.page
    assert opened.visible("article.change") == 0
    assert page.locator("#none").is_visible()
    assert "No article changed" in page.locator("#summary").inner_text()
    page.keyboard.press("j")  # nothing to go to, and no error
    page.select_option("#filter", "all")
    assert opened.visible("article.change") == report.total
    assert not page.locator("#none").is_visible()
    assert opened.errors == []
