"""Make the screenshots of HTML reports in this folder, with headless Chromium.

    python docs/screenshots/make.py [--corpus ../shared/corpus]

Reports of two corpus pairs, a Russian one (kz-ru-konst-zakon-o-pravitelstve 02 -> 03) and an
English one (uk-social-housing-regulation-bill-2022, plain text, 01 -> 02), opened via file://
in Debian's Chromium driven by Playwright.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

import billdiff
from billdiff.compare import Options

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

KZ = "kz-ru-konst-zakon-o-pravitelstve"
UK = "uk-social-housing-regulation-bill-2022"
REPORTS = {
    "ru": (
        f"{KZ}/02-2014-09-29-redaction.rus.md",
        f"{KZ}/03-2024-07-05-redaction.rus.md",
        Options(
            "Redaction of 29 September 2014", "Redaction of 5 July 2024", "2014-09-29", "2024-07-05"
        ),
    ),
    "en": (
        f"{UK}/01-HL-lords-committee-stage-print-2022-09-07.txt",
        f"{UK}/02-HL-lords-report-stage-print-2022-10-19.txt",
        Options("HL committee stage print", "HL report stage print", "2022-09-07", "2022-10-19"),
    ),
}


def _page(browser: Any, path: Path) -> Any:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(path.resolve().as_uri())
    page.wait_for_selector("body[data-ready]", state="attached")
    return page


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args = parser.parse_args()
    corpus = Path(args.corpus)
    tmp = Path(tempfile.mkdtemp(prefix="billdiff-shots-"))
    paths = {}
    for lang, (old, new, options) in REPORTS.items():
        comparison = billdiff.compare(corpus / old, corpus / new, options=options)
        paths[lang] = tmp / f"{lang}.html"
        paths[lang].write_text(billdiff.render(comparison, "html"), "utf-8")

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for lang in REPORTS:
            page = _page(browser, paths[lang])
            page.screenshot(path=HERE / f"report-{lang}.png")
            # The first change reached with the keyboard, side by side.
            page.click("#view-sxs")
            page.keyboard.press("j")
            page.screenshot(path=HERE / f"report-{lang}-side-by-side.png")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
