"""Issue 21: many alike units must cost O(n log n), never a hang.

No timings are asserted: the matcher's work is counted where it can be, else a generous alarm
turns a hang (60 s and more before the fix) into a failure.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any, NoReturn

import pytest
from typer.testing import CliRunner

import billdiff
from billdiff import align as align_module
from billdiff import api, cli, drafts
from billdiff.align import Item, align
from billdiff.errors import ParseError

from .helpers import alarm


class _CountingSet(set[str]):
    lookups = 0

    def __contains__(self, item: object) -> bool:
        self.lookups += 1
        return super().__contains__(item)


def test_alike_eids_are_made_unique_in_linear_work() -> None:
    count = 3000
    taken = _CountingSet()
    units = drafts.freeze(
        [drafts.Draft("article", "1", "1", content=["Same text."]) for _ in range(count)],
        taken=taken,
    )
    assert [u.eid for u in units[:3]] == ["art_1", "art_1_2", "art_1_3"]
    assert units[-1].eid == f"art_1_{count}"
    # before: the k-th copy tried art_1, art_1_2, ... art_1_k (4.5 million lookups here)
    assert taken.lookups <= 3 * count, taken.lookups


def test_identical_articles_in_text_are_compared_without_a_hang() -> None:
    text = "Article 1\nSame text.\n" * 6000
    with alarm(30):
        bill = billdiff.parse(text)
        comparison = billdiff.compare(bill, bill)
    assert len(comparison.changes) == 6000
    assert all(c.kind == "unchanged" for c in comparison.changes)
    # each copy with itself, in order
    assert all(c.old and c.new and c.old.eid == c.new.eid for c in comparison.changes)


def test_identical_articles_in_akoma_ntoso_are_compared_without_a_hang() -> None:
    article = '<article eId="art_1"><num>Article 1</num><content><p>Same.</p></content></article>'
    xml = (
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
        f'<bill name="bill"><body>{article * 6000}</body></bill></akomaNtoso>'
    ).encode()
    with alarm(30):
        bill = billdiff.parse(xml)
        comparison = billdiff.compare(bill, bill)
    assert len(bill.articles()) == 6000
    assert all(c.kind == "unchanged" for c in comparison.changes)


def test_copies_of_one_text_are_paired_nearest_place_first() -> None:
    # 300 "excluded" stubs under one number, two more of them in the new reading at the start:
    # each old copy keeps the partner nearest its place, none is left out
    old = [Item("1", "Исключена.") for _ in range(300)]
    new = [Item("1", "Исключена.") for _ in range(302)]
    with alarm(30):
        pairs = align(old, new)
    paired = [(p.old, p.new) for p in pairs if p.old is not None and p.new is not None]
    assert len(paired) == 300
    assert sorted(i for i, _ in paired) == list(range(300))
    assert all(abs(i * 302 / 300 - j) <= 2 for i, j in paired)
    assert sum(1 for p in pairs if p.old is None) == 2


@pytest.mark.parametrize("count", [1000, 5000])
def test_a_flat_run_of_identical_headings_is_parsed(count: int) -> None:
    # issue 21: every repeat of "Статья 1." cut the run of headings one recursion level deeper,
    # so a flat 16 KB file was refused as "nested too deeply"
    text = "Статья 1.\n" * count
    with alarm(60):
        bill = billdiff.parse(text, source="flat.txt")
    assert len(bill.articles()) == count
    assert all(a.num == "Статья 1." for a in bill.articles())


def test_a_depth_error_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # any structure still deeper than the stack is refused naming the file, like every refusal
    path = tmp_path / "deep.txt"
    path.write_text("Article 1\nText.\n", encoding="utf-8")

    def too_deep(*_: object, **__: object) -> NoReturn:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(api, "parse_detected", too_deep)
    with pytest.raises(ParseError) as caught:
        billdiff.read(path)
    assert caught.value.source == str(path)
    result = CliRunner().invoke(cli.app, ["parse", str(path)])
    assert result.exit_code == 2
    assert (
        result.stderr == f"billdiff: error: {path}: the document is nested too deeply to process\n"
    )


def _unrelated(count: int) -> tuple[list[Item], list[Item]]:
    old = [Item(str(k), "foo bar baz") for k in range(count)]
    new = [Item(str(k + 10_000), "qux quux corge grault") for k in range(count)]
    return old, new


def test_unrelated_readings_are_matched_without_trying_every_pair(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # no anchor at all: the in-place pass once tried every old unit against every new one
    # (360,000 tries here; 6,000 articles each way took a minute)
    tries = 0
    in_place = align_module._in_place

    def counting(*args: Any) -> bool:
        nonlocal tries
        tries += 1
        return in_place(*args)

    monkeypatch.setattr(align_module, "_in_place", counting)
    old, new = _unrelated(600)
    pairs = align(old, new)
    assert sum(1 for p in pairs if p.old is not None and p.new is not None) == 0
    assert len(pairs) == 1200
    assert tries <= 10 * 600, tries


_WORDS = "alpha beta gamma delta epsilon zeta eta theta iota kappa".split()


def _reading(rng: random.Random) -> list[Item]:
    return [
        Item(
            rng.choice(["", "1", "2", "3", str(rng.randrange(40))]),
            " ".join(rng.choices(_WORDS, k=rng.choice([0, 1, 3, 6, 12]))),
            heading=rng.choice(["", "", "Scope"]),
            kind=rng.choice(["article", "article", "note"]),
        )
        for _ in range(rng.randrange(1, 40))
    ]


@pytest.mark.parametrize("seed", range(40))
def test_the_in_place_index_pairs_exactly_as_a_full_scan(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    for _ in range(10):
        old, new = _reading(rng), _reading(rng)
        full = align(old, new)
        monkeypatch.setattr(align_module, "IN_PLACE_SCAN", 0)
        indexed = align(old, new)
        monkeypatch.undo()
        assert indexed == full
