"""Real bills from ../shared/corpus: every test here skips when the corpus is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

import billdiff
from billdiff.changes import Change, Comparison

from .conftest import corpus_files
from .helpers import letters

pytestmark = pytest.mark.corpus

TEXT_FILES = corpus_files("*/*.md") + corpus_files("*/*.txt")


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_text_conservation(path: Path) -> None:
    """The Bill's text equals the document's text, whitespace and Markdown markup aside."""
    bill = billdiff.read(path)
    raw = path.read_text("utf-8")
    assert letters(bill.text()) == letters(raw)


def _compare(corpus: Path, case: str, old: str, new: str) -> Comparison:
    folder = corpus / case
    return billdiff.compare(next(folder.glob(old + "*")), next(folder.glob(new + "*")))


def _by_label(comparison: Comparison) -> dict[str, Change]:
    return {c.new.label: c for c in comparison.changes if c.new is not None}


def _inserted(change: Change) -> str:
    return "".join(s.text for s in change.spans if s.op == "insert")


def test_kz_ru_02_03(corpus: Path) -> None:
    comparison = _compare(corpus, "kz-ru-konst-zakon-o-pravitelstve", "02", "03")
    changes = comparison.changes
    assert len(changes) == 29
    assert all(c.old is not None and c.new is not None for c in changes)
    assert all(c.old.label == c.new.label for c in changes if c.old and c.new)
    by_label = _by_label(comparison)
    for label in ("21-1", "23"):
        change = by_label[label]
        # "modified into an excluded stub": issue 4 names this kind "excluded"
        assert change.kind == "excluded"
        assert change.spans and any(s.op == "delete" for s in change.spans)
        assert change.new is not None and "исключена" in change.new.text
        assert change.old is not None and len(change.new.text) < len(change.old.text) / 2
    assert by_label["14"].kind == "modified"
    nine = by_label["9"]
    assert nine.kind == "modified"
    inserted = _inserted(nine)
    for point in ("5-1)", "5-2)", "5-3)", "10-1)"):
        assert point in inserted
    # the table of contents is not reported as articles
    assert [c.new.num for c in changes if c.new][:3] == ["Статья 1.", "Статья 2.", "Статья 3."]
    assert comparison.changed


def test_kz_kk_01_02(corpus: Path) -> None:
    comparison = _compare(corpus, "kz-kk-konst-zan-ukimet-turaly", "01", "02")
    assert comparison.old.language == comparison.new.language == "kk"  # not "ru": same profile
    changes = comparison.changes
    assert len(changes) == 29
    assert all(c.old and c.new and c.old.label == c.new.label for c in changes)
    by_label = _by_label(comparison)
    for label in ("21-1", "23"):
        assert by_label[label].kind == "excluded"
        assert by_label[label].spans
        new = by_label[label].new
        assert new is not None and "алып тасталды" in new.text.lower()
    assert by_label["14"].kind == "modified"
    inserted = _inserted(by_label["9"])
    for point in ("5-1)", "5-2)", "5-3)", "10-1)"):
        assert point in inserted


def test_kz_ru_toc_is_preface(corpus: Path) -> None:
    bill = billdiff.read(
        corpus / "kz-ru-konst-zakon-o-pravitelstve" / "02-2014-09-29-redaction.rus.md"
    )
    toc = [line for line in bill.preface if line.role == "toc"]
    assert toc[0].text == "Оглавление"
    assert len(bill.articles()) == 29


def test_kz_ru_01_articles_in_code_fences_are_found(corpus: Path) -> None:
    bill = billdiff.read(next((corpus / "kz-ru-konst-zakon-o-pravitelstve").glob("01-*")))
    assert [a.label for a in bill.articles()] == [str(n) for n in range(1, 28)]


def test_self_comparison_of_every_kz_file_has_no_change(corpus: Path) -> None:
    for path in sorted(corpus.glob("kz-*/*.md")):
        bill = billdiff.read(path)
        assert not billdiff.compare(bill, bill).changed
