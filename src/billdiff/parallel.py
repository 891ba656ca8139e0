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
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1
    )


def both(first: Callable[[], A], second: Callable[[], B]) -> tuple[A, B]:
    """``(first(), second())``, with ``second`` run in a forked child when that is possible."""
    if not available():
        return first(), second()
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return first(), second()
    if pid == 0:  # the child: do the work, send it back, leave without cleaning up the parent's
        status = 1
        try:
            os.close(read_end)
            data = pickle.dumps(second(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    try:
        mine = first()
    except BaseException:
        os.close(read_end)
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        raise
    with os.fdopen(read_end, "rb") as source:
        data = source.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return mine, second()  # the child failed: do its work here, errors and all
    result: B = pickle.loads(data)
    return mine, result
