"""Make the screenshots of the HTML history in this folder, with headless Chromium.

    python docs/screenshots/make_history.py [--corpus ../shared/corpus]

The history of uk-social-housing-regulation-bill-2022 through its four stages (the .xml files),
labelled as a manifest would label them, opened via file:// in Debian's Chromium driven by
Playwright:

- history-uk.png: the readings and the top of the matrix;
- history-uk-matrix.png: the matrix where clauses were inserted and later ones renumbered;
- history-uk-timeline.png: the timeline of a clause renumbered twice and modified once, with its
  blame open.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from billdiff import api
from billdiff.history import Dossier, History, Lineage

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

UK = "uk-social-housing-regulation-bill-2022"
READINGS = [
    (
        "01-HL-lords-committee-stage-print-2022-09-07.xml",
        "Lords committee stage print",
        "2022-09-07",
        "House of Lords, committee",
    ),
    (
        "02-HL-lords-report-stage-print-2022-10-19.xml",
        "Lords report stage print",
        "2022-10-19",
        "House of Lords, report",
    ),
    (
        "03-HC-brought-from-lords-2022-10-31.xml",
        "Brought from the Lords",
        "2022-10-31",
        "House of Commons, first reading",
    ),
    (
        "04-HC-as-amended-in-public-bill-committee-2022-11-30.xml",
        "As amended in Public Bill Committee",
        "2022-11-30",
        "House of Commons, committee",
    ),
]


def _renumbered_and_modified(history: History) -> Lineage:
    """The shortest clause whose number changed more than once and into which whole phrases
    were inserted (not only references), with passages from more than one reading."""

    def numbers(line: Lineage) -> int:
        return len({s.side.label for s in line.steps if s.side is not None})

    candidates = [
        line
        for line in history.lineages
        if numbers(line) > 2
        and any(
            span.op == "insert" and len(span.text.split()) >= 5
            for step in line.steps
            if step.change
            for span in step.change.spans
        )
        and len({b.reading for b in history.blame(line)}) > 1
    ]
    return min(candidates, key=lambda line: sum(len(b.text) for b in history.blame(line)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args = parser.parse_args()
    folder = Path(args.corpus) / UK
    dossier = Dossier.from_files(
        [folder / file for file, _, _, _ in READINGS],
        labels=[label for _, label, _, _ in READINGS],
        dates=[date for _, _, date, _ in READINGS],
        stages=[stage for _, _, _, stage in READINGS],
        title="Social Housing (Regulation) Bill",
    )
    history = api.history(dossier)
    path = Path(tempfile.mkdtemp(prefix="billdiff-shots-")) / "history-uk.html"
    path.write_text(api.render_history(history, "html"), "utf-8")
    clause = _renumbered_and_modified(history)
    inserted = next(line for line in history.lineages if line.appeared > 0)

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(path.resolve().as_uri())
        page.wait_for_selector("body[data-ready]", state="attached")
        page.screenshot(path=HERE / "history-uk.png")
        # The matrix from the row above the first inserted clause, under its sticky header.
        page.locator(f'tr[id="m-{inserted.id}"]').scroll_into_view_if_needed()
        page.evaluate(
            "(id) => { const row = document.getElementById('m-' + id).previousElementSibling;"
            " window.scrollTo(0, row.getBoundingClientRect().top + scrollY - 90); }",
            inserted.id,
        )
        page.screenshot(path=HERE / "history-uk-matrix.png")
        page.goto(path.resolve().as_uri() + f"#{clause.id}")
        page.wait_for_selector("body[data-ready]", state="attached")
        page.locator(f'details[id="{clause.id}--blame"]').evaluate("(el) => { el.open = true; }")
        page.locator(f'article[id="{clause.id}"]').scroll_into_view_if_needed()
        page.evaluate(
            "(id) => window.scrollTo(0, document.getElementById(id).getBoundingClientRect().top"
            " + scrollY - 8)",
            clause.id,
        )
        page.screenshot(path=HERE / "history-uk-timeline.png")
        browser.close()


if __name__ == "__main__":
    main()
