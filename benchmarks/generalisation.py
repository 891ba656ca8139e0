"""How billdiff reads documents it was not built on: the generalisation suite, per source.

    python benchmarks/generalisation.py [--misses]

For every document of ``fixtures/real/<source>/expected.csv`` (real documents from public
sources outside the shared corpus, each with an article count obtained independently of
billdiff; see fixtures/real/README.md) it reads the file as a user would (``billdiff.read``)
and prints, per source: the documents, those whose article count is exact, and the
documents missed, with the profile chosen and whether billdiff warned that the structure is
in doubt. ``--misses`` lists every missed document with its recorded reason.

Exact means the count of articles equals the independent count; the suite's tests
(tests/test_generalisation.py) also check that every letter and digit of text inputs is kept
and that a collapsed structure is announced.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import defaultdict
from pathlib import Path

import billdiff
from billdiff.errors import BilldiffError

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "fixtures" / "real"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every missed document")
    args = parser.parse_args(argv)
    per_source: dict[str, list[tuple[str, int, int, str, bool, str]]] = defaultdict(list)
    started = time.perf_counter()
    for manifest in sorted(REAL.glob("*/expected.csv")):
        with manifest.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                path = manifest.parent / row["file"]
                try:
                    bill = billdiff.read(path)
                    found, profile, warned = len(bill.articles()), bill.profile, bool(bill.warnings)
                except BilldiffError as error:
                    found, profile, warned = -1, f"refused: {error}", True
                reason = (row.get("known_gap") or "").strip()
                per_source[manifest.parent.name].append(
                    (row["file"], int(row["articles"]), found, profile, warned, reason)
                )
    elapsed = time.perf_counter() - started
    total = sum(len(docs) for docs in per_source.values())
    exact = sum(
        found == expected for docs in per_source.values() for _, expected, found, *_ in docs
    )
    print("| source | documents | exact | missed (found/expected, profile, warned) |")
    print("|---|---|---|---|")
    for source, docs in per_source.items():
        misses = [
            f"{name}: {found}/{expected} {profile}{' ⚠' if warned else ''}"
            for name, expected, found, profile, warned, _ in docs
            if found != expected
        ]
        hits = len(docs) - len(misses)
        print(f"| {source} | {len(docs)} | {hits} | {'; '.join(misses)} |")
    print(
        f"| **all** | **{total}** | **{exact}** ({exact / total:.1%}) | "
        f"{len(per_source)} sources, read in {elapsed:.1f} s |"
    )
    if args.misses:
        print()
        for source, docs in per_source.items():
            for name, expected, found, _, _, reason in docs:
                if found != expected:
                    print(f"- {source}/{name}: {reason or '(no reason recorded)'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
