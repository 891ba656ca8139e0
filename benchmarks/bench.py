"""Speed and memory of billdiff against the tools people use today, in one run.

    python benchmarks/bench.py [--corpus ../shared/corpus] [--repeat 3] [--scaling]
                               [--before SRC | --before-python PYTHON]

On each large corpus pair (default: de-sgb5-large 03 -> 04, 1.1 MB -> 2.2 MB) it measures:

- billdiff: parse throughput (MB/s of input text), comparison time, HTML rendering time, the
  whole ``billdiff diff --format html -o FILE`` command (a fresh process: start-up, reading,
  parsing, comparing, rendering, writing) and that command's peak RSS;
- baselines on the same files: difflib.HtmlDiff().make_file, difflib.unified_diff,
  diff-match-patch on the whole text with its default 1 s timeout (+ semantic clean-up), and
  ``git diff --no-index --word-diff`` when git is present;

and prints the ratios billdiff / baseline. With ``--before`` (another checkout's ``src/``) or
``--before-python`` (another environment's Python), the other billdiff's whole command and its
stages (parse of both files, compare, render, each once in a fresh process) are measured in
the same run, its runs alternating with this tree's so that the machine's drift weighs on both. ``--scaling`` also compares the bill concatenated
1x, 2x, 4x and 8x (every copy's §§ renumbered) and fits the growth exponent of the comparison
time in the number of articles. Times are wall-clock medians of ``--repeat`` runs; the machine
and the load average are printed with them.
"""

from __future__ import annotations

import argparse
import compileall
import difflib
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
PAIRS = [("de-sgb5-large", "03-*.md", "04-*.md")]


def timed(action: Callable[[], object], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def command(args: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time and peak RSS (bytes) of one process (its forked children included)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env and {**os.environ, **env}
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(
            f"{' '.join(args)} failed with {code}: {process.stderr.read().decode() if process.stderr else ''}"
        )
    return elapsed, usage.ru_maxrss * 1024


def median_command(
    args: list[str], repeat: int, env: dict[str, str] | None = None
) -> tuple[float, int]:
    results = [command(args, env) for _ in range(repeat)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


# Each stage once, in a fresh process (no text kept from an earlier call): what the command
# does, measured the same way for any billdiff that has read, compare and render.
_STAGES = """
import json, sys, time
import billdiff
old, new = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
a, b = billdiff.read(old), billdiff.read(new)
t1 = time.perf_counter()
c = billdiff.compare(a, b)
t2 = time.perf_counter()
billdiff.render(c, "html")
t3 = time.perf_counter()
print(json.dumps({"parse both files": t1 - t0, "compare": t2 - t1, "render html": t3 - t2}))
"""


def stage_times(python: str, old: Path, new: Path, env: dict[str, str]) -> dict[str, float]:
    """Seconds of each stage, measured in a fresh process of ``python`` (with ``env``)."""
    done = subprocess.run(
        [python, "-c", _STAGES, str(old), str(new)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    times: dict[str, float] = json.loads(done.stdout)
    return times


def fmt(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 100 else f"{seconds:.0f} s"


def bench_pair(
    old: Path, new: Path, repeat: int, baseline_src: Path | None = None
) -> list[tuple[str, str]]:
    from diff_match_patch import diff_match_patch

    import billdiff

    rows: list[tuple[str, str]] = []
    size = old.stat().st_size + new.stat().st_size
    text_old, text_new = old.read_text("utf-8"), new.read_text("utf-8")

    parse = timed(lambda: (billdiff.read(old), billdiff.read(new)), repeat)
    bill_old, bill_new = billdiff.read(old), billdiff.read(new)
    articles = (len(bill_old.articles()), len(bill_new.articles()))
    comparison = billdiff.compare(bill_old, bill_new)
    compare = timed(lambda: billdiff.compare(bill_old, bill_new), repeat)
    render = timed(lambda: billdiff.render(comparison, "html"), repeat)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.html"
        args = [sys.executable, "-m", "billdiff", "diff", str(old), str(new), "-f", "html"]
        whole, rss = median_command([*args, "-o", str(out)], repeat)
        html_bytes = out.stat().st_size
        # the same command in one process (as on Windows or macOS, or with one core)
        single, _ = median_command([*args, "-o", str(out)], repeat, {"BILLDIFF_WORKERS": "1"})
        if baseline_src is not None:  # another checkout's billdiff, e.g. the previous landing
            if baseline_src.is_dir():  # its src/ folder, run with this environment's packages
                compileall.compile_dir(baseline_src / "billdiff", quiet=1)
                env = {"PYTHONPATH": str(baseline_src)}
                python = sys.executable
            else:  # the Python of another environment where it is installed, with its packages
                env = {}
                python = str(baseline_src)
            # This machine's speed drifts from minute to minute: the two trees' runs alternate,
            # so that a drift weighs on both alike.
            mine, theirs, stages_mine, stages_theirs = [], [], [], []
            for _ in range(repeat):
                mine.append(command([*args, "-o", str(out)])[0])
                theirs.append(command([python, *args[1:], "-o", str(out)], env)[0])
                stages_mine.append(stage_times(sys.executable, old, new, {}))
                stages_theirs.append(stage_times(python, old, new, env))
            whole_alt, before = statistics.median(mine), statistics.median(theirs)

    lines_old, lines_new = text_old.splitlines(), text_new.splitlines()
    htmldiff = timed(lambda: difflib.HtmlDiff().make_file(lines_old, lines_new), 1)
    unified = timed(lambda: list(difflib.unified_diff(lines_old, lines_new, lineterm="")), repeat)

    def dmp_whole() -> None:
        dmp = diff_match_patch()  # default Diff_Timeout = 1.0 s
        diffs = dmp.diff_main(text_old, text_new)
        dmp.diff_cleanupSemantic(diffs)

    dmp_time = timed(dmp_whole, repeat)
    git = shutil.which("git")
    git_time = math.nan
    if git:
        git_time = median_command(
            [git, "diff", "--no-index", "--word-diff", "--no-color", str(old), str(new)], repeat
        )[0]

    rows += [
        (
            "input",
            f"{old.name} -> {new.name}: {size / 1e6:.2f} MB, {articles[0]} -> {articles[1]} articles",
        ),
        ("billdiff parse (both files)", f"{fmt(parse)} = {size / 1e6 / parse:.1f} MB/s"),
        ("billdiff compare", fmt(compare)),
        ("billdiff render html", f"{fmt(render)} ({html_bytes / 1e6:.2f} MB of HTML)"),
        ("billdiff diff --format html (whole command)", fmt(whole)),
        ("the same, one process (BILLDIFF_WORKERS=1)", fmt(single)),
        *(
            [
                ("the whole command again, alternating with the other tree", fmt(whole_alt)),
                (f"the same with the billdiff of {baseline_src}", fmt(before)),
                *(
                    (
                        f"{stage}, a fresh process (this tree / the other)",
                        f"{fmt(statistics.median(r[stage] for r in stages_mine))} / "
                        f"{fmt(statistics.median(r[stage] for r in stages_theirs))}",
                    )
                    for stage in ("parse both files", "compare", "render html")
                ),
            ]
            if baseline_src is not None
            else []
        ),
        ("billdiff diff peak RSS", f"{rss / 2**20:.0f} MB"),
        ("difflib.HtmlDiff().make_file", fmt(htmldiff)),
        ("difflib.unified_diff", fmt(unified)),
        ("diff-match-patch, whole text, 1 s timeout", fmt(dmp_time)),
        ("git diff --no-index --word-diff", fmt(git_time) if git else "git not found"),
        (
            "ratio: billdiff diff html / difflib.HtmlDiff",
            f"{whole / htmldiff:.4f} (1/{htmldiff / whole:.0f})",
        ),
        ("ratio: billdiff diff html / difflib.unified_diff", f"{whole / unified:.1f}"),
        ("ratio: billdiff diff html / diff-match-patch whole text", f"{whole / dmp_time:.2f}"),
        ("ratio: billdiff diff html / git word diff", f"{whole / git_time:.1f}" if git else "n/a"),
    ]
    return rows


_HEADING = re.compile(r"^(#+\s*§\s*)(\d+)", re.MULTILINE)


def concatenated(path: Path, copies: int) -> str:
    """The bill ``copies`` times over, each copy's §§ renumbered (copy k adds k*1000). The
    annexes at the end are cut off first: numbered lines after an annex are never articles."""
    text = path.read_text("utf-8")
    annex = re.search(r"(?m)^#+\s*Anlage", text)
    if annex:
        text = text[: annex.start()]
    return "\n".join(
        _HEADING.sub(lambda m, k=k: f"{m.group(1)}{int(m.group(2)) + 1000 * k}", text)
        for k in range(copies)
    )


def scaling(old: Path, new: Path, repeat: int) -> list[tuple[str, str]]:
    import billdiff

    points = []
    rows = []
    for copies in (1, 2, 4, 8):
        a = billdiff.parse(concatenated(old, copies), source=f"{copies}x-old.md")
        b = billdiff.parse(concatenated(new, copies), source=f"{copies}x-new.md")
        n = len(a.articles()) + len(b.articles())
        seconds = timed(lambda a=a, b=b: billdiff.compare(a, b), repeat)
        points.append((n, seconds))
        rows.append(
            (
                f"scaling {copies}x: {n} articles",
                f"compare {fmt(seconds)} ({seconds / n * 1000:.2f} ms per article)",
            )
        )
    (n0, t0), (n1, t1) = points[0], points[-1]
    exponent = math.log(t1 / t0) / math.log(n1 / n0)
    nlogn = math.log((n1 * math.log(n1)) / (n0 * math.log(n0))) / math.log(n1 / n0)
    rows.append(
        (
            "scaling: fitted exponent (time ~ n^k), 1x -> 8x",
            f"k = {exponent:.2f} (n log n over this range: k = {nlogn:.2f})",
        )
    )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scaling", action="store_true")
    parser.add_argument("--only-scaling", action="store_true", help="skip the baselines")
    parser.add_argument(
        "--before",
        type=Path,
        help="the src/ folder of another checkout (e.g. `git worktree add /tmp/old COMMIT`): "
        "its whole command is timed in the same run",
    )
    parser.add_argument(
        "--before-python",
        type=Path,
        help="the Python of another environment with another billdiff installed (e.g. a venv "
        "with the previous landing and the packages it installs): timed in the same run",
    )
    args = parser.parse_args(argv)
    if args.before_python is not None:
        args.before = args.before_python
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    import billdiff
    from billdiff import parallel, textdiff

    # as pip does at install time (this machine may run with PYTHONDONTWRITEBYTECODE set)
    compileall.compile_dir(Path(billdiff.__file__).parent, quiet=1)
    engine = "C++ port (fast-diff-match-patch)" if textdiff._fast else "Python diff-match-patch"
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, load average {os.getloadavg()[0]:.2f}"
    )
    print(f"billdiff: diff engine {engine}; two processes: {parallel.available()}")
    print("| measure | result |\n|---|---|")
    for case, old_glob, new_glob in PAIRS:
        old = next((args.corpus / case).glob(old_glob))
        new = next((args.corpus / case).glob(new_glob))
        rows = [] if args.only_scaling else bench_pair(old, new, args.repeat, args.before)
        if args.scaling or args.only_scaling:
            rows += scaling(old, new, max(1, args.repeat - 2))
        for name, value in rows:
            print(f"| {name} | {value} |", flush=True)
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
