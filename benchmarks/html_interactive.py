"""Time from navigation to an interactive HTML report, measured in headless Chromium.

    python benchmarks/html_interactive.py [--corpus ../shared/corpus] [--old A --new B]
                                          [--html report.html] [--runs 5]

By default it compares de-sgb5-large 03 -> 04 from the corpus, writes the HTML report to a
temporary file and opens it via file:// in Debian's Chromium (/usr/bin/chromium) driven by
Playwright, several times, each in a fresh browser context. For each run it records:

- ready (in page): ``performance`` mark "billdiff-ready", set by the report's script when its
  controls work (it also sets ``document.body.dataset.ready``), in ms since navigation start;
- ready (wall): from ``page.goto`` to ``body[data-ready]`` seen by Playwright, in ms;
- DOMContentLoaded and load from the Navigation Timing entry;
- the latency of first interactions, each until the next frame is painted: filter "all",
  filter back to "changed only", a search, the side-by-side switch, and the next-change key.

Prints a Markdown table (medians over the runs) for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
CASE = "de-sgb5-large"
OLD = "03-2012-12-02-after-pflege-neuausrichtungs-gesetz.md"
NEW = "04-2018-11-08-consolidated.md"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Runs in the page: time one interaction until the frame after it has been painted.
_INTERACT = """async ([what, value]) => {
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const t0 = performance.now();
  if (what === "filter") {
    const f = document.getElementById("filter");
    f.value = value; f.dispatchEvent(new Event("change"));
  } else if (what === "search") {
    const s = document.getElementById("search");
    s.value = value; s.dispatchEvent(new Event("input"));
    s.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter"}));
  } else if (what === "click") {
    document.getElementById(value).click();
  } else if (what === "key") {
    document.dispatchEvent(new KeyboardEvent("keydown", {key: value}));
  }
  document.body.offsetHeight;
  await frame();
  return performance.now() - t0;
}"""

INTERACTIONS: list[tuple[str, str, str]] = [
    ("filter: all articles", "filter", "all"),
    ("filter: changed only", "filter", "changed"),
    ("search (Enter)", "search", "Krankenkasse"),
    ("clear search (Enter)", "search", ""),
    ("side by side", "click", "view-sxs"),
    ("inline", "click", "view-inline"),
    ("next change (j)", "key", "j"),
]


def _report(args: argparse.Namespace) -> tuple[Path, dict[str, Any]]:
    if args.html:
        path = Path(args.html)
        return path, {"source": str(path), "bytes": path.stat().st_size}
    import billdiff
    from billdiff.render.json import comparison_dict

    old = Path(args.old) if args.old else Path(args.corpus) / CASE / OLD
    new = Path(args.new) if args.new else Path(args.corpus) / CASE / NEW
    t0 = time.perf_counter()
    comparison = billdiff.compare(old, new)
    t1 = time.perf_counter()
    html = billdiff.render(comparison, "html")
    t2 = time.perf_counter()
    path = Path(tempfile.mkdtemp(prefix="billdiff-bench-")) / "report.html"
    path.write_text(html, "utf-8")
    summary = comparison_dict(comparison)["summary"]
    return path, {
        "source": f"{old.name} -> {new.name}",
        "bytes": len(html.encode("utf-8")),
        "articles": len(comparison.changes),
        "counts": {k: n for k, n in summary["counts"].items() if n},
        "compare_s": t1 - t0,
        "render_s": t2 - t1,
    }


def _run(browser: Any, url: str) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector("body[data-ready]", state="attached", timeout=60_000)
    wall = (time.perf_counter() - t0) * 1000
    timing = page.evaluate(
        """() => {
          const nav = performance.getEntriesByType("navigation")[0];
          const mark = performance.getEntriesByName("billdiff-ready")[0];
          return {ready: mark ? mark.startTime : NaN,
                  dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
                  articles: document.querySelectorAll("article.change").length};
        }"""
    )
    page.wait_for_load_state("load")
    out = {
        "ready (in page)": float(timing["ready"]),
        "ready (wall, from goto)": wall,
        "DOMContentLoaded": float(timing["dcl"]),
    }
    for name, what, value in INTERACTIONS:
        out[name] = float(page.evaluate(_INTERACT, [what, value]))
    if errors:
        raise SystemExit(f"the page reported errors: {errors}")
    context.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--old", help=f"older reading (default: {CASE}/{OLD})")
    parser.add_argument("--new", help=f"newer reading (default: {CASE}/{NEW})")
    parser.add_argument("--html", help="measure this report instead of making one")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    path, info = _report(args)
    print(f"report: {info}", file=sys.stderr)
    if info.get("articles") == 0:
        print("warning: no articles found; the measurement says little", file=sys.stderr)
    runs: list[dict[str, float]] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        version = browser.version
        _run(browser, path.resolve().as_uri())  # warm-up: the first context pays for start-up
        for _ in range(args.runs):
            runs.append(_run(browser, path.resolve().as_uri()))
        browser.close()

    cpu = ""
    try:
        cpu = subprocess.run(
            ["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        pass
    print(f"Chromium {version}, {platform.system()} {platform.machine()}, {cpu}")
    print(
        f"Report: {info['source']}, {info['bytes'] / 1e6:.2f} MB of HTML"
        + (f", {info['articles']} articles {info['counts']}" if "articles" in info else "")
    )
    if "compare_s" in info:
        print(f"Python: compare {info['compare_s']:.1f} s, render {info['render_s']:.2f} s")
    print()
    print(f"| step | median of {len(runs)} runs (ms) | min | max |")
    print("|---|---:|---:|---:|")
    for key in runs[0]:
        values = [run[key] for run in runs]
        print(
            f"| {key} | {statistics.median(values):.0f} | {min(values):.0f} | {max(values):.0f} |"
        )


if __name__ == "__main__":
    main()
