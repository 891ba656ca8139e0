"""The whole corpus through parse and compare (issue 7): every pair of consecutive readings of
every case, in every format the case has (.md, .txt, .xml), compared without a crash; the
spans of every change, at every depth, rebuild both texts; every article of both readings is
in the comparison. Text conservation of each document is tested in test_corpus.py.

All pairs are included: the slowest, de-sgb5-large 03->04 (1.1 MB -> 2.2 MB), takes about
8 s on one core.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import billdiff
from billdiff.changes import Change
from billdiff.textdiff import new_text, old_text

from .conftest import CORPUS
from .test_reliability_properties import assert_every_article_kept

pytestmark = pytest.mark.corpus

FORMATS = (".md", ".txt", ".xml")


def _pairs() -> list[tuple[Path, Path]]:
    if not CORPUS.is_dir():
        return []
    found = []
    for case in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        for ext in FORMATS:
            files = sorted(f for f in case.iterdir() if f.is_file() and f.suffix == ext)
            found.extend(itertools.pairwise(files))
    return found


PAIRS = _pairs()


def _walk(changes: tuple[Change, ...]) -> list[Change]:
    found: list[Change] = []
    for change in changes:
        found.append(change)
        found.extend(_walk(change.parts))
    return found


def test_the_corpus_has_pairs_in_every_format(corpus: Path) -> None:
    assert {old.suffix for old, _ in PAIRS} == set(FORMATS)
    assert len(PAIRS) >= 30


def _param(old: Path, new: Path) -> object:
    return pytest.param(old, new, id=f"{old.parent.name}/{old.name[:2]}-{new.name[:2]}{old.suffix}")


@pytest.mark.parametrize(("old", "new"), [_param(a, b) for a, b in PAIRS])
def test_consecutive_readings_compare_and_spans_rebuild_both_texts(old: Path, new: Path) -> None:
    a, b = billdiff.read(old), billdiff.read(new)
    comparison = billdiff.compare(a, b)
    changes = _walk((*comparison.frame, *comparison.changes))  # title and back matter too
    for change in changes:
        if change.spans:
            assert change.old is not None and change.new is not None
            assert old_text(change.spans) == change.old.text, change.eid
            assert new_text(change.spans) == change.new.text, change.eid
    units_a, units_b = a.articles() or a.body, b.articles() or b.body
    assert_every_article_kept(comparison, units_a, units_b)
    # every renderer takes the result without an error
    for fmt in ("text", "json", "html"):
        assert billdiff.render(comparison, fmt)
