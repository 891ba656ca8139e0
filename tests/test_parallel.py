"""Work done in a forked child gives what the same work gives in one process."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import billdiff
from billdiff import parallel
from billdiff.compare import PARALLEL_ABOVE
from billdiff.errors import InputError

needs_fork = pytest.mark.skipif(not parallel.available(), reason="forking is not used here")


@needs_fork
def test_both_returns_the_results_in_order() -> None:
    assert parallel.both(lambda: [1, 2], lambda: {"a": (3, "ж")}) == ([1, 2], {"a": (3, "ж")})


@needs_fork
def test_a_failure_in_the_child_is_raised_here_as_itself() -> None:
    def second() -> int:
        raise InputError("broken", source="old.txt")

    with pytest.raises(InputError, match=r"old\.txt: broken"):
        parallel.both(lambda: 1, second)


@needs_fork
def test_a_failure_here_is_raised_and_the_child_reaped() -> None:
    def first() -> int:
        raise ValueError("here")

    with pytest.raises(ValueError, match="here"):
        parallel.both(first, lambda: 2)


def test_no_fork_while_other_threads_run() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not parallel.available()
        assert parallel.both(lambda: 1, lambda: 2) == (1, 2)
    finally:
        stop.set()
        thread.join()


def _big_bill(version: int) -> str:
    """Enough changed text for the articles to be diffed in two processes."""
    articles = []
    for n in range(1, 121):
        words = " ".join(f"слово{(n * k + version * (k % 7 == 0)) % 97}" for k in range(260))
        articles.append(f"Статья {n}. Заголовок {n}\n1. {words}.\n2. Пункт {n + version}.")
    return "\n".join(articles)


def test_the_article_diffs_do_not_depend_on_forking(monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = billdiff.parse(_big_bill(0)), billdiff.parse(_big_bill(1))
    changed = sum(len(a.text()) for a in new.articles())
    assert changed > PARALLEL_ABOVE  # the parallel path is taken where it can be
    forked = billdiff.compare(old, new)
    monkeypatch.setattr(parallel, "ENABLED", False)
    assert billdiff.compare(old, new) == forked
    assert {c.kind for c in forked.changes} == {"modified"}


def test_the_old_file_is_named_first_when_both_are_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"old\.txt: no such file"):
        billdiff.compare(tmp_path / "old.txt", tmp_path / "new.txt")


def test_the_new_file_is_named_when_only_it_is_missing(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("Статья 1. Цель\nТекст.", encoding="utf-8")
    with pytest.raises(InputError, match=r"new\.txt: no such file"):
        billdiff.compare(tmp_path / "old.txt", tmp_path / "new.txt")
