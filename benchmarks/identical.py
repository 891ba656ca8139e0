"""Time to parse and compare a bill of n identical articles with itself (issue 21).

    python benchmarks/identical.py [--sizes 1000,2000,4000,8000] [--repeat 3]

Real bills carry hundreds of «Статья N. Исключена.» stubs; the worst case is every article
the same text under the same number (``Article 1 / Same text.`` repeated, and 6,000
``<article eId="art_1">`` in Akoma Ntoso). Matching must stay O(n log n): the script prints
the median times per size and the growth exponent between the smallest and the largest size
(1 is linear, 2 quadratic). To time an older tree: ``PYTHONPATH=OLD/src python ...``.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import time

import billdiff

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def text_bill(n: int) -> str:
    return "Article 1\nSame text.\n" * n


def akn_bill(n: int) -> bytes:
    article = (
        '<article eId="art_1"><num>Article 1</num><content><p>Same text.</p></content></article>'
    )
    return f'<akomaNtoso xmlns="{AKN}"><bill name="bill"><body>{article * n}</body></bill></akomaNtoso>'.encode()


def measure(source: str | bytes, repeat: int) -> tuple[float, float]:
    parse_times, compare_times = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        bill = billdiff.parse(source)
        middle = time.perf_counter()
        comparison = billdiff.compare(bill, bill)
        end = time.perf_counter()
        if any(c.kind != "unchanged" for c in comparison.changes):
            raise SystemExit("a bill compared with itself shows a change: the benchmark is void")
        parse_times.append(middle - start)
        compare_times.append(end - middle)
    return statistics.median(parse_times), statistics.median(compare_times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,2000,4000,8000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"billdiff from {os.path.dirname(billdiff.__file__)}; load {os.getloadavg()[0]:.1f}")
    print("| input | articles | parse (s) | compare (s) | total (s) |")
    print("|---|---:|---:|---:|---:|")
    for name, make in (("text", text_bill), ("Akoma Ntoso", akn_bill)):
        totals = []
        for n in sizes:
            parse_s, compare_s = measure(make(n), args.repeat)
            totals.append(parse_s + compare_s)
            print(f"| {name} | {n:,} | {parse_s:.2f} | {compare_s:.2f} | {totals[-1]:.2f} |")
        if len(sizes) > 1 and totals[0] > 0:
            exponent = math.log(totals[-1] / totals[0]) / math.log(sizes[-1] / sizes[0])
            print(
                f"| {name}: growth exponent {sizes[0]:,} -> {sizes[-1]:,} | | | | {exponent:.2f} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
