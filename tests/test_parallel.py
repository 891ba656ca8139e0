"""Work done in a forked child gives what the same work gives in one process."""

from __future__ import annotations

import threading
from collections.abc import Iterator
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


def _no_child_left() -> bool:
    import os

    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@needs_fork
def test_a_failure_here_leaves_no_child_behind() -> None:
    def first() -> int:
        raise KeyboardInterrupt  # Ctrl-C while this process works

    with pytest.raises(KeyboardInterrupt):
        parallel.both(first, lambda: sum(range(10**7)))
    assert _no_child_left()


def test_no_fork_where_the_host_reaps_its_children_itself() -> None:
    import signal

    before = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        assert not parallel.available()
        assert parallel.both(lambda: 1, lambda: 2) == (1, 2)
    finally:
        signal.signal(signal.SIGCHLD, before)


@pytest.mark.skipif(not hasattr(__import__("os"), "sched_setaffinity"), reason="Linux only")
def test_no_fork_on_one_core_of_many() -> None:
    import os

    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(before)})  # as under `taskset -c 0`
    try:
        assert not parallel.available()
    finally:
        os.sched_setaffinity(0, before)


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail instead of hanging: a pipe read a second time waits for a writer forever."""
    import signal

    def fail(*_: object) -> None:
        raise TimeoutError("still waiting after 30 s: was the pipe read twice?")

    before = signal.signal(signal.SIGALRM, fail)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, before)


def _fifo(tmp_path: Path, text: str) -> Path:
    """A named pipe with a writer behind it (a process, not a thread: no fork with threads)."""
    import os
    import shlex
    import subprocess

    path = tmp_path / "old.fifo"
    os.mkfifo(path)
    subprocess.Popen(["sh", "-c", f"printf %s {shlex.quote(text)} > {shlex.quote(str(path))}"])
    return path


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes")
@pytest.mark.usefixtures("deadline")
def test_an_old_reading_from_a_pipe_is_read_once_and_compared(tmp_path: Path) -> None:
    old_text = "Статья 1. Цель\nТекст закона.\nСтатья 2. Сфера\nДругой текст."
    new = tmp_path / "new.txt"
    new.write_text("Статья 1. Цель\nТекст закона изменён.\nСтатья 2. Сфера\nДругой текст.")
    (tmp_path / "old.txt").write_text(old_text, encoding="utf-8")
    from_pipe = billdiff.compare(_fifo(tmp_path, old_text), new)
    assert from_pipe.changes == billdiff.compare(tmp_path / "old.txt", new).changes


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes")
@pytest.mark.usefixtures("deadline")
def test_an_old_reading_from_a_pipe_over_the_limit_says_so(tmp_path: Path) -> None:
    new = tmp_path / "new.txt"
    new.write_text("Статья 1. Цель\nТекст.", encoding="utf-8")
    old = _fifo(tmp_path, "Статья 1. Цель\nТекст закона другой и очень длинный.")
    with pytest.raises(InputError, match="over the limit of 30 bytes"):
        billdiff.compare(old, new, max_bytes=30)


def test_a_process_named_in_cyrillic_still_compares(tmp_path: Path) -> None:
    """A script run by its #! line gives the process its own name, unescaped, in /proc."""
    import os
    import subprocess
    import sys

    script = tmp_path / "сравни.py"
    script.write_text(
        f"#!{sys.executable}\nfrom billdiff import parallel\nprint(parallel.available())\n",
        encoding="utf-8",
    )
    os.chmod(script, 0o755)
    done = subprocess.run([str(script)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() in ("True", "False")


def test_the_old_files_error_comes_first_whatever_the_new_path_raises(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("   \n", encoding="utf-8")
    with pytest.raises(InputError, match=r"old\.txt: the document is empty"):
        billdiff.compare(tmp_path / "old.txt", "new\0.txt")  # a NUL: ValueError from the OS layer
