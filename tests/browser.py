"""The harness of the browser tests: Debian's Chromium driven by Playwright, and a page that
records every request, console error and dialog of what it opens."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class Opened:
    """A page open in the browser, with everything the page did recorded."""

    page: Any
    url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Requests for anything but the page itself (or a data: URI inside it)."""
        own = self.url.split("#", 1)[0]
        return [u for u in self.requests if u.split("#", 1)[0] != own and not u.startswith("data:")]

    def visible(self, selector: str) -> int:
        return int(self.page.locator(f"{selector}:visible").count())


def launch() -> Iterator[Any]:
    """Chromium for one test module; the module is skipped when it cannot run here."""
    if not CHROMIUM.exists():
        pytest.skip(f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("needs the playwright Python package (pip install -e '.[test]')")
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield instance
        instance.close()


def opener(browser: Any) -> Iterator[Callable[..., Opened]]:
    """A function that opens a file in a fresh context and waits until its script is ready."""
    contexts: list[Any] = []

    def _open(
        path: Path, *, javascript: bool = True, fragment: str = "", width: int = 1280
    ) -> Opened:
        context = browser.new_context(
            java_script_enabled=javascript, viewport={"width": width, "height": 900}
        )
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, path.resolve().as_uri())
        page.on("request", lambda r: opened.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))

        def on_dialog(dialog: Any) -> None:
            opened.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(opened.url + fragment)
        if javascript:
            page.wait_for_selector("body[data-ready]", state="attached", timeout=15_000)
        return opened

    yield _open
    for context in contexts:
        context.close()
