"""Small, pure sequence algorithms shared by the matcher and the word diff."""

from __future__ import annotations

import bisect
from collections.abc import Sequence


def longest_increasing(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of ``pairs`` (sorted by their first index) whose second indexes
    increase: the pairs that keep their order on both sides (patience sorting, O(n log n)).

    >>> longest_increasing([(0, 2), (1, 0), (2, 1), (3, 3)])
    [(1, 0), (2, 1), (3, 3)]
    >>> longest_increasing([])
    []
    """
    tails: list[int] = []
    tail_at: list[int] = []
    parent: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos] = j
            tail_at[pos] = k
        parent[k] = tail_at[pos - 1] if pos else -1
    out: list[tuple[int, int]] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        out.append(pairs[k])
        k = parent[k]
    return out[::-1]


def longest_increasing_keys(keys: Sequence[tuple[int, tuple[int, ...], str]]) -> list[int]:
    """The indexes of the longest strictly increasing subsequence of ``keys`` (numbering keys
    such as ``(3, (1,), "a")``), by patience sorting, O(n log n).

    >>> longest_increasing_keys([(1, (), ""), (3, (), "a"), (2, (), ""), (3, (), "")])
    [0, 2, 3]
    """
    tails: list[tuple[int, tuple[int, ...], str]] = []
    tail_at: list[int] = []
    parent: list[int] = [-1] * len(keys)
    for k, key in enumerate(keys):
        pos = bisect.bisect_left(tails, key)
        if pos == len(tails):
            tails.append(key)
            tail_at.append(k)
        else:
            tails[pos] = key
            tail_at[pos] = k
        parent[k] = tail_at[pos - 1] if pos else -1
    out: list[int] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        out.append(k)
        k = parent[k]
    return out[::-1]
