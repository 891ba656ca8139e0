"""The HTML history in a real browser: Debian's Chromium driven by Playwright (never
`playwright install`). Skipped, with the reason, when either is missing, and the corpus cases
when the corpus of real bills is absent."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from billdiff import api
from billdiff.history import Dossier, History, build
from tests.browser import Opened, launch, opener
from tests.conftest import FIXTURES

pytestmark = pytest.mark.browser

UK = "uk-social-housing-regulation-bill-2022"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., Opened]]:
    yield from opener(browser)


@dataclass
class Written:
    path: Path
    history: History


def _write(history: History, path: Path) -> Written:
    path.write_text(api.render_history(history, "html"), "utf-8")
    return Written(path, history)


@pytest.fixture(scope="module")
def uk(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Written:
    """The UK bill's four stages, from the .xml files, labelled by file name."""
    files = sorted((corpus / UK).glob("0*.xml"))
    assert len(files) == 4
    return _write(api.history(files), tmp_path_factory.mktemp("uk") / "uk-history.html")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Written:
    """The three-reading Russian dossier of fixtures/history (no corpus needed)."""
    history = api.history(FIXTURES / "history" / "dossier.toml")
    return _write(history, tmp_path_factory.mktemp("sample") / "sample-history.html")


def _guid_rows(corpus: Path) -> list[dict[str, str]]:
    path = corpus / UK / "alignment" / "clause-guid-map.derived.csv"
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


#: The text of an element's own text nodes (a blame marker's number without the hidden words).
OWN_TEXT = "(el) => [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join('')"


def _matrix(page: Any) -> list[dict[str, Any]]:
    """Every row of the matrix as the page has it: the id, whether it is shown, and for each
    cell its number (the data-num attribute), the text it shows (without the words only a
    screen reader gets) and its badge."""
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll('table.matrix tbody tr')].map(tr => ({
                 id: tr.id,
                 shown: !tr.hidden,
                 cells: [...tr.querySelectorAll('td')].map(td => ({
                   num: td.getAttribute('data-num'),
                   text: [...td.querySelectorAll('.vh')]
                     .reduce((t, vh) => t.replace(vh.innerText, ''), td.innerText).trim(),
                   badge: td.querySelector('.badge')?.innerText || '',
                 })),
               }))"""
        )
    )


# --- the UK bill: four stages ---------------------------------------------------------------


@pytest.mark.corpus
def test_uk_history_opens_without_errors_or_requests(
    uk: Written, open_page: Callable[..., Opened]
) -> None:
    opened = open_page(uk.path)
    page = opened.page
    assert opened.errors == []
    assert opened.dialogs == []
    assert opened.requests, "the page itself was not requested"
    assert opened.foreign_requests() == []
    assert page.evaluate("document.documentElement.lang") == "en"
    for landmark in ("header", "main", "footer", "nav"):
        assert page.locator(landmark).count() >= 1, landmark
    assert page.locator("h1").count() == 1
    headings = page.locator("h2").all_inner_texts()
    assert headings == ["Readings", "Articles × readings", "Timelines and blame"]
    # The readings come first: one row each, in order, before the matrix.
    readings = page.locator("#readings tbody tr")
    assert readings.count() == 4
    names = [info.name for info in uk.history.dossier.readings]
    for k, name in enumerate(names):
        assert name in readings.nth(k).inner_text()
    readings_box = page.locator("#readings").bounding_box()
    matrix_box = page.locator("#matrix").bounding_box()
    assert readings_box and matrix_box and readings_box["y"] < matrix_box["y"]
    # The bill text is marked with its language.
    assert page.locator("article.lineage .text[lang='en']").count() > 0
    # Ids are unique and every link inside the page leads somewhere.
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
    targets = page.evaluate(
        "[...document.querySelectorAll('a[href^=\"#\"]')]"
        ".map(a => decodeURIComponent(a.getAttribute('href').slice(1)))"
    )
    assert targets and set(targets) <= set(ids)


@pytest.mark.corpus
def test_uk_matrix_equals_the_clause_guid_map(
    uk: Written, corpus: Path, open_page: Callable[..., Opened]
) -> None:
    rows = _guid_rows(corpus)
    opened = open_page(uk.path)
    page = opened.page
    # One column per reading (after the article column), one row per clause lineage.
    assert page.locator("table.matrix thead th").count() == 1 + 4
    matrix = _matrix(page)
    assert len(matrix) == len(rows) == len(uk.history.lineages)
    expected = sorted(tuple(row[f"v0{k}_num"] or "-" for k in range(1, 5)) for row in rows)
    found = sorted(tuple(cell["num"] or "-" for cell in row["cells"]) for row in matrix)
    assert found == expected
    # What a person reads in each cell says the same: the number it has in that reading, the
    # number it had before ("16 → 18") when that changed, a dash when the clause is absent.
    for row in matrix:
        numbers = [cell["num"] or "-" for cell in row["cells"]]
        for k, cell in enumerate(row["cells"]):
            if numbers[k] == "-":
                assert cell["text"] in ("—", "deleted"), cell
                continue
            shown = cell["text"].removesuffix(cell["badge"]).strip()
            before = numbers[k - 1] if k else "-"
            if before not in ("-", numbers[k]):
                assert shown == f"{before} → {numbers[k]}", (row["id"], k, cell)
                assert cell["badge"], "a new number is a change, with a badge in words"
            else:
                assert shown == numbers[k], (row["id"], k, cell)
    # Unchanged cells are quiet: no badge at all in the first reading.
    assert all(row["cells"][0]["badge"] == "" for row in matrix)
    assert opened.errors == []


@pytest.mark.corpus
def test_uk_matrix_header_stays_on_screen(uk: Written, open_page: Callable[..., Opened]) -> None:
    opened = open_page(uk.path)
    page = opened.page
    page.locator("table.matrix tbody tr").nth(35).scroll_into_view_if_needed()
    page.mouse.wheel(0, 300)
    page.wait_for_function("window.scrollY > 800")
    header = page.locator("table.matrix thead th").first.bounding_box()
    assert header is not None and abs(header["y"]) < 1
    assert opened.errors == []


@pytest.mark.corpus
def test_uk_timelines_and_the_changed_only_filter(
    uk: Written, open_page: Callable[..., Opened]
) -> None:
    history = uk.history
    opened = open_page(uk.path)
    page = opened.page
    lineages = page.locator("article.lineage")
    assert lineages.count() == len(history.lineages)
    assert page.locator("article.lineage details.timeline").count() == len(history.lineages)
    # A clause whose words changed shows the word changes as <ins>/<del>, in an open timeline
    # (an edit of quotation marks or spacing only is noise: it may stay closed).
    for k, lineage in enumerate(history.lineages):
        edits = [
            s
            for s in lineage.steps
            if s.change and any(sp.op != "equal" and not sp.noise for sp in s.change.spans)
        ]
        article = lineages.nth(k)
        assert article.get_attribute("id") == lineage.id
        if edits and lineage.appeared == 0:
            assert article.locator("details.timeline").get_attribute("open") is not None
            assert article.locator(".steps ins, .steps del").count() > 0, lineage.id

    # The filter "changed articles only": rows whose cells have no badge go, with their
    # timelines; every other row stays.
    all_rows = _matrix(page)
    assert all(row["shown"] for row in all_rows)
    page.select_option("#filter", "changed")
    rows = _matrix(page)
    changed = [any(c["badge"] for c in row["cells"]) for row in rows]
    assert 0 < sum(changed) < len(rows)
    assert [row["shown"] for row in rows] == changed
    shown_lineages = page.evaluate(
        "[...document.querySelectorAll('article.lineage')].map(a => !a.hidden)"
    )
    assert shown_lineages == changed
    assert opened.visible("table.matrix tbody tr") == sum(changed)
    assert f"{sum(changed)} of {len(rows)}" in page.locator("#shown").inner_text()
    # The lineages with a change are those with any step other than "unchanged"/"absent"
    # after their first reading.
    expected = [
        lineage.appeared > 0
        or any(s.kind not in ("unchanged", "absent") for s in lineage.steps[1:])
        for lineage in history.lineages
    ]
    assert changed == expected
    page.select_option("#filter", "all")
    assert opened.visible("table.matrix tbody tr") == len(rows)
    assert opened.errors == []


@pytest.mark.corpus
def test_uk_matrix_leads_to_the_timelines(uk: Written, open_page: Callable[..., Opened]) -> None:
    history = uk.history
    opened = open_page(uk.path)
    page = opened.page
    # A cell leads to that reading of the clause: its word changes, in an open timeline.
    k, lineage = next(
        (k, line)
        for k, line in enumerate(history.lineages)
        if line.appeared == 0 and line.steps[1].kind == "modified"
    )
    row = page.locator("table.matrix tbody tr").nth(k)
    row.locator("td").nth(1).locator("a").click()
    step = page.locator(f'li[id="{lineage.id}--r2"]')
    assert page.url.endswith(f"#{lineage.id}--r2")
    assert step.is_visible()
    assert step.locator("ins, del").count() > 0
    # A click elsewhere in a row (here an empty cell) opens that clause's timeline.
    k, lineage = next((k, line) for k, line in enumerate(history.lineages) if line.appeared > 0)
    page.locator("table.matrix tbody tr").nth(k).locator("td.k-absent").first.click()
    page.wait_for_function("(id) => location.hash === '#' + id", arg=lineage.id)
    article = page.locator(f'article[id="{lineage.id}"]')
    assert article.locator("details.timeline").get_attribute("open") is not None
    box = article.bounding_box()
    assert box is not None and 0 <= box["y"] < 300
    # Back to the matrix from the timeline.
    article.locator("a.up").click()
    assert page.url.endswith(f"#m-{lineage.id}")
    assert opened.errors == []


@pytest.mark.corpus
def test_uk_keys_go_from_changed_clause_to_changed_clause(
    uk: Written, open_page: Callable[..., Opened]
) -> None:
    changed = [
        line.id
        for line in uk.history.lineages
        if line.appeared > 0 or any(s.kind not in ("unchanged", "absent") for s in line.steps[1:])
    ]
    opened = open_page(uk.path)
    page = opened.page

    def current() -> str:
        return str(page.evaluate("document.querySelector('article.lineage.current')?.id || ''"))

    for expected in changed[:3]:
        page.keyboard.press("j")
        assert current() == expected
        article = page.locator(f'article[id="{expected}"]')
        box = article.bounding_box()
        assert box is not None and 0 <= box["y"] < 100
        assert article.locator("details.timeline").get_attribute("open") is not None
        assert page.url.endswith("#" + expected)
    page.keyboard.press("k")
    assert current() == changed[1]
    assert page.evaluate("document.activeElement.id") == changed[1]
    # The matrix row of the current clause is marked too.
    assert page.locator(f'tr[id="m-{changed[1]}"]').get_attribute("class") == "current"
    assert opened.errors == []


@pytest.mark.corpus
def test_uk_permalink_to_a_hidden_clause_shows_it(
    uk: Written, open_page: Callable[..., Opened]
) -> None:
    history = uk.history
    unchanged = next(
        line
        for line in history.lineages
        if all(s.kind in ("added", "unchanged") for s in line.steps) and line.appeared == 0
    )
    opened = open_page(uk.path)
    page = opened.page
    page.select_option("#filter", "changed")
    assert not page.locator(f'article[id="{unchanged.id}"]').is_visible()
    page.evaluate("(id) => { location.hash = id; }", f"{unchanged.id}--r3")
    step = page.locator(f'li[id="{unchanged.id}--r3"]')
    step.wait_for(state="visible")
    assert page.locator("#filter").input_value() == "all"
    assert "Same text" in step.inner_text()
    # Opened on a permalink, the page shows that clause's timeline.
    again = open_page(uk.path, fragment=f"#{unchanged.id}")
    article = again.page.locator(f'article[id="{unchanged.id}"]')
    assert article.locator("details.timeline").get_attribute("open") is not None
    assert article.locator(".steps .text").first.is_visible()
    assert opened.errors == [] and again.errors == []


@pytest.mark.corpus
def test_uk_blame_marks_each_passage_with_its_reading(
    uk: Written, open_page: Callable[..., Opened]
) -> None:
    history = uk.history
    lineage = next(
        line for line in history.lineages if len({b.reading for b in history.blame(line)}) > 1
    )
    opened = open_page(uk.path, fragment=f"#{lineage.id}--blame")
    page = opened.page
    blame = page.locator(f'details[id="{lineage.id}--blame"]')
    assert blame.get_attribute("open") is not None
    text = blame.locator(".text")
    assert text.is_visible()
    segments = history.blame(lineage)
    last = max(s.reading for s in lineage.steps if s.side is not None)
    side = lineage.steps[last].side
    assert side is not None
    # The passages rebuild the text; every passage names its reading in a tooltip, and every
    # passage newer than the oldest starts with its reading's number (no colour needed).
    spans = text.locator("span.b")
    assert spans.count() == len(segments)
    oldest = min(s.reading for s in segments)
    for n, segment in enumerate(segments):
        span = spans.nth(n)
        title = span.get_attribute("title") or ""
        assert title.startswith(f"From reading {segment.reading + 1}:"), title
        marker = span.locator(".bm")
        if segment.reading == oldest:
            assert marker.count() == 0
        else:
            number = marker.evaluate(OWN_TEXT)  # the visible part, not the screen reader's words
            assert number == str(segment.reading + 1)
    copied = page.evaluate(
        "(el) => [...el.querySelectorAll('span.b')].map(s => [...s.childNodes]"
        ".filter(n => !n.classList?.contains('bm')).map(n => n.textContent).join('')).join('')",
        text.element_handle(),
    )
    assert copied == side.text
    # The styles differ by reading, not by colour alone: each newer reading has its own
    # underline style.
    styles = page.evaluate(
        "(el) => [...el.querySelectorAll('span.b:not(.base)')].map(s => "
        "[s.querySelector('.bm').lastChild.previousSibling.data, "
        "getComputedStyle(s.querySelector('.bt')).textDecorationStyle])",
        text.element_handle(),
    )
    by_reading: dict[str, set[str]] = {}
    for reading, style in styles:
        by_reading.setdefault(reading, set()).add(style)
    assert all(len(s) == 1 for s in by_reading.values())
    if len(by_reading) > 1:
        assert len({next(iter(s)) for s in by_reading.values()}) == len(by_reading)
    # The legend lists every reading.
    assert page.locator(".blame-legend li").count() == 4
    assert opened.errors == []


@pytest.mark.corpus
def test_uk_history_reads_without_javascript(uk: Written, open_page: Callable[..., Opened]) -> None:
    opened = open_page(uk.path, javascript=False)
    page = opened.page
    # No control and no key is offered that would not work.
    assert not page.locator("#controls").is_visible()
    assert not page.locator("footer .js-only").is_visible()
    assert opened.visible("table.matrix tbody tr") == len(uk.history.lineages)
    assert opened.visible("article.lineage h3") == len(uk.history.lineages)
    assert opened.visible("article.lineage .steps ins") > 0
    assert opened.foreign_requests() == []
    # A cell is a plain link to its reading of the clause: the browser opens the timeline.
    lineage = next(line for line in uk.history.lineages if line.appeared == 0)
    page.locator(f'tr[id="m-{lineage.id}"] td a').nth(2).click()
    assert page.locator(f'li[id="{lineage.id}--r3"]').is_visible()
    assert opened.errors == []


@pytest.mark.corpus
def test_uk_history_prints_every_timeline(uk: Written, open_page: Callable[..., Opened]) -> None:
    opened = open_page(uk.path)
    page = opened.page
    closed = page.locator("article.lineage details:not([open]):not(.whole) .text")
    folded = page.locator("article.lineage details.whole .text")
    assert closed.count() > 0 and folded.count() > 0
    assert not closed.first.is_visible() and not closed.last.is_visible()
    page.emulate_media(media="print")
    assert not page.locator("#controls").is_visible()
    assert closed.first.is_visible() and closed.last.is_visible()
    # A reading's whole text stays folded on paper: the word changes after it show it.
    assert not folded.first.is_visible()
    header = page.locator("table.matrix thead th").first
    assert header.evaluate("(el) => getComputedStyle(el).position") == "static"
    assert opened.errors == []


@pytest.mark.corpus
def test_a_large_code_opens_with_timelines_folded(
    corpus: Path, tmp_path: Path, open_page: Callable[..., Opened]
) -> None:
    """de-sgb5-large: five readings, about 690 sections. The page stays usable: every
    timeline starts folded, the browser lays out only the sections near the screen, and the
    filter and the keys work."""
    files = sorted((corpus / "de-sgb5-large").glob("0*.md"))
    assert len(files) == 5
    history = api.history(files)
    assert len(history.lineages) > 600
    written = _write(history, tmp_path / "sgb5-history.html")
    opened = open_page(written.path)
    page = opened.page
    assert opened.errors == [] and opened.foreign_requests() == []
    assert page.locator("table.matrix tbody tr").count() == len(history.lineages)
    assert page.locator("table.matrix thead th").count() == 1 + 5
    assert page.locator("article.lineage details[open]").count() == 0
    assert (
        page.locator("article.lineage").first.evaluate(
            "(el) => getComputedStyle(el).contentVisibility"
        )
        == "auto"
    )
    page.select_option("#filter", "edited")
    edited = int(page.locator("body").get_attribute("data-edited") or 0)
    assert 0 < edited < len(history.lineages)
    assert opened.visible("table.matrix tbody tr") == edited
    page.keyboard.press("j")
    current = page.locator("article.lineage.current")
    assert current.count() == 1
    assert current.locator("details.timeline").get_attribute("open") is not None
    assert opened.errors == []


# --- no corpus needed --------------------------------------------------------------------------


def _cells_follow_the_lineages(matrix: list[dict[str, Any]], history: History) -> None:
    """Each row is one lineage: its number in each reading, and the kind of each step in
    words (none for an unchanged or absent one)."""
    assert len(matrix) == len(history.lineages)
    for row, lineage in zip(matrix, history.lineages, strict=True):
        assert row["id"] == f"m-{lineage.id}"
        assert [c["num"] or "-" for c in row["cells"]] == [
            s.side.label if s.side else "-" for s in lineage.steps
        ]
        assert row["cells"][0]["badge"] == ""
        for cell, step in zip(row["cells"][1:], lineage.steps[1:], strict=True):
            if step.kind in ("unchanged", "absent"):
                assert cell["badge"] == ""
            else:
                assert cell["badge"].removesuffix(" (noise)") == step.kind


SPLIT_OLD = """Статья 1. Цель
Цель закона.
Статья 2. Права и обязанности
Дружинник вправе задерживать правонарушителей и доставлять их в органы внутренних дел. \
Дружинник обязан соблюдать законность и уважать права и свободы граждан при исполнении обязанностей.
Статья 3. Финансирование
Дружины финансируются за счёт местного бюджета.
Статья 4. Контроль
Контроль осуществляют органы внутренних дел.
"""
SPLIT_NEW = """Статья 1. Цель
Цель закона.
Статья 2. Права
Дружинник вправе задерживать правонарушителей и доставлять их в органы внутренних дел.
Статья 3. Обязанности
Дружинник обязан соблюдать законность и уважать права и свободы граждан при исполнении обязанностей.
Статья 4. Финансирование
Дружины финансируются за счёт местного бюджета.
"""


def test_split_merge_delete_and_restore_are_shown_and_linked(
    tmp_path: Path, open_page: Callable[..., Opened]
) -> None:
    # An article split in two, merged back; another deleted, then restored.
    bills = [
        api.parse(text, source=f"r{k}.txt")
        for k, text in enumerate([SPLIT_OLD, SPLIT_NEW, SPLIT_OLD])
    ]
    dossier = Dossier.from_files(["r0.txt", "r1.txt", "r2.txt"], labels=["One", "Two", "Three"])
    history = build(dossier, bills)
    kinds = {s.kind for line in history.lineages for s in line.steps}
    assert {"split", "merged", "deleted", "restored"} <= kinds, "the case lost its point"
    written = _write(history, tmp_path / "split.html")
    opened = open_page(written.path)
    page = opened.page
    _cells_follow_the_lineages(_matrix(page), history)
    # The pieces of a split, and the articles of a merge, link to each other's timelines.
    links = page.locator(".steps .note a")
    assert links.count() >= 4
    ids = {line.id for line in history.lineages}
    for k in range(links.count()):
        href = links.nth(k).get_attribute("href") or ""
        assert href.removeprefix("#") in ids
        own = links.nth(k).evaluate("(a) => a.closest('article').id")
        assert href != f"#{own}"
    restored = next(line for line in history.lineages if line.steps[-1].kind == "restored")
    step = page.locator(f'li[id="{restored.id}--r3"]')
    assert "restored" in step.inner_text()
    side = restored.steps[-1].side
    assert side is not None and step.locator(".text").inner_text() == side.text
    assert opened.errors == []


def test_sample_dossier_shows_every_kind_in_words(
    sample: Written, open_page: Callable[..., Opened]
) -> None:
    opened = open_page(sample.path)
    page = opened.page
    assert opened.errors == [] and opened.foreign_requests() == []
    matrix = _matrix(page)
    _cells_follow_the_lineages(matrix, sample.history)
    # The legend explains every kind shown.
    legend = page.locator("#matrix .kinds .badge:not(.noise)").all_inner_texts()
    shown = {c["badge"].removesuffix(" (noise)") for row in matrix for c in row["cells"]} - {""}
    assert set(legend) == shown
    # The readings with their label, date and stage.
    first = page.locator("#readings tbody tr").first.inner_text()
    assert "Внесён в Мажилис" in first and "2024-02-01" in first and "introduced" in first
    assert page.locator("h1").inner_text() == "О добровольных народных дружинах"
    assert page.locator("h1").get_attribute("lang") == "ru"


HOSTILE = "<script>window.pwned = 1; alert(1)</script>"
HOSTILE_IMG = '<img src=x onerror="window.pwned = 2; alert(2)">'


def test_bill_text_with_markup_shows_as_text_and_runs_nothing(
    tmp_path: Path, open_page: Callable[..., Opened]
) -> None:
    texts = [
        f"Статья 1. Цель {HOSTILE}\nЦель закона.\nСтатья 2. Права\nДружинник вправе.\n",
        f"Статья 1. Цель {HOSTILE}\nЦель закона {HOSTILE_IMG}.\n"
        f"Статья 2. Права\nДружинник вправе {HOSTILE}.\nСтатья 3. {HOSTILE_IMG}\nНовая.\n",
    ]
    bills = [api.parse(text, source=f"r{k}.txt") for k, text in enumerate(texts)]
    dossier = Dossier.from_files(
        ["r0.txt", "r1.txt"],
        labels=[HOSTILE, HOSTILE_IMG],
        stages=[HOSTILE_IMG, ""],
        title=HOSTILE,
    )
    written = _write(build(dossier, bills), tmp_path / "hostile.html")
    opened = open_page(written.path)
    page = opened.page
    assert opened.dialogs == []
    assert page.evaluate("window.pwned") is None
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 1  # the page's own
    assert page.locator("h1").inner_text() == HOSTILE
    body = page.locator("body").inner_text()
    assert body.count(HOSTILE) >= 4 and body.count(HOSTILE_IMG) >= 3
    # Inserted markup shows as inserted words.
    inserted = " ".join(page.locator(".steps ins").all_inner_texts())
    assert "onerror" in inserted and "<script>" in inserted
    assert opened.errors == []
    assert opened.foreign_requests() == []
    # The policy forbids any other script or style, should markup ever get through.
    csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert csp and "default-src 'none'" in csp
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", csp)
