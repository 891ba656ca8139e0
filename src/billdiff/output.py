"""Writing results: a file written whole or not at all, never over one of the inputs.

Kept apart from :mod:`billdiff.api` so that the rules for outputs (which files may be written,
how special files are treated) are in one place."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable

from billdiff.errors import InputError

PathLike = str | os.PathLike[str]


def encode(data: str | bytes) -> bytes:
    # A file name or a label given in a non-UTF-8 locale arrives as lone surrogates
    # (surrogateescape): they are written back as the bytes the user gave, as on stdout.
    return data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data


def _identity(path: PathLike) -> tuple[int, int] | None:
    try:
        info = os.stat(path)  # follows a symbolic link: its target is what gets written
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def check_output(output: PathLike, inputs: Iterable[PathLike]) -> None:
    """Refuse, before any work, an output that cannot be written: a folder (``-o .``), or one
    of ``inputs`` (the same file by device and inode, however spelled: a second name, a hard
    link, a symbolic link), which would be lost. A stream (a FIFO, /dev/stdout) is never a
    regular input file, so it may be both."""
    if os.path.isdir(output):
        raise InputError("Is a directory", source=os.fspath(output))
    mine = _identity(output)
    if mine is None or not os.path.isfile(output):
        return
    for path in inputs:
        if _identity(path) == mine:
            raise InputError(
                f"the output is the input {os.fspath(path)}; refusing to overwrite it",
                source=os.fspath(output),
            )


def write_atomic(path: PathLike, data: str | bytes) -> None:
    """Write a file so that it is either complete or absent: a temporary file renamed into place.

    A symbolic link is followed: its target is written atomically and the link stays a link. A
    FIFO or a device (``/dev/stdout``, ``/dev/null``) is written through as a stream: it cannot
    be renamed over, and a reader may be waiting on it."""
    name = os.fspath(path)
    raw = encode(data)
    if not name:
        raise InputError("the output file name is empty", source="''")
    try:
        if "\0" in name:
            raise InputError("the output file name contains a NUL character", source=repr(name))
        target = os.path.realpath(name)
        try:
            mode = os.stat(target).st_mode
        except FileNotFoundError:
            mode = 0
        if stat.S_ISDIR(mode):
            raise InputError("Is a directory", source=name)
        if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            with open(target, "wb") as stream:
                stream.write(raw)
            return
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), source=name) from None
    folder, base = os.path.split(target)
    tmp = os.path.join(folder, f".{base}.billdiff-tmp-{os.getpid()}")
    try:
        with open(tmp, "wb") as handle:
            handle.write(raw)
        if stat.S_ISREG(mode):  # keep the permissions of the file replaced
            os.chmod(tmp, stat.S_IMODE(mode))
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:  # the folder is missing or is a file: nothing was written there
            pass
        raise InputError(exc.strerror or str(exc), source=name) from None
