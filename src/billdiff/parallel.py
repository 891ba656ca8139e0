"""Two pieces of work at once on a machine with more than one core, by forking.

Used for the large inputs that users wait for (reading two readings, diffing hundreds of
changed articles). The result is the same as running both pieces one after the other, which is
what happens whenever forking is not safe or not possible: on a platform without ``fork``
(Windows) or where it is unsafe (macOS), with one core, when other threads are running (a fork
copies their locks, not the threads), or when the forked child fails for any reason (its work is
then done again here, so errors surface as they would without it).
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")

#: Off when ``BILLDIFF_WORKERS=1`` (or when a test switches it off).
ENABLED = os.environ.get("BILLDIFF_WORKERS", "") != "1"


def available() -> bool:
    return (
        ENABLED
        and sys.platform == "linux"
        and hasattr(os, "fork")
        and len(os.sched_getaffinity(0)) > 1  # the cores this process may run on
        and _single_threaded()
        # a host that ignores or reaps its children itself would take ours from waitpid
        and signal.getsignal(signal.SIGCHLD) == signal.SIG_DFL
    )


def _single_threaded() -> bool:
    """No other thread, Python's or one started by C code (a fork copies their locks only)."""
    if threading.active_count() != 1:
        return False
    try:
        # bytes: the process name on the first line is not escaped ("сравни.py" run by its #!)
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"Threads:"):
                    return line.split()[1] == b"1"
    except (OSError, IndexError):
        pass
    return True


def both(first: Callable[[], A], second: Callable[[], B]) -> tuple[A, B]:
    """``(first(), second())``, with ``second`` run in a forked child when that is possible."""
    if not available():
        return first(), second()
    read_end, write_end = os.pipe()
    # Ctrl-C waits until each process is inside the code that cleans up after it
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = os.fork()
    except OSError:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        os.close(read_end)
        os.close(write_end)
        return first(), second()
    if pid == 0:  # the child: do the work, send it back, leave without cleaning up the parent's
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
            os.close(read_end)
            data = pickle.dumps(second(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
            os._exit(0)
        finally:
            os._exit(1)
    exited = False  # the child has ended (a zombie keeps its pid from reuse until reaped)
    reaped: int | None = None  # its wait status once reaped
    try:
        os.close(write_end)
        with os.fdopen(read_end, "rb") as source:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
            mine = first()
            data = source.read()
        os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
        exited = True
        _, reaped = os.waitpid(pid, 0)
    finally:
        if reaped is None:  # interrupted or failed here: the child's work is not wanted
            _end(pid, running=not exited)
    if os.waitstatus_to_exitcode(reaped) != 0:
        return mine, second()  # the child failed: do its work here, errors and all
    result: B = pickle.loads(data)
    return mine, result


def _end(pid: int, *, running: bool) -> None:
    """Stop the child if it may still run, and reap it unless that is done already."""
    if running:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
