"""Match units between two readings by content; numbers and headings are evidence, not keys.

1. Articles whose text is the same (numbers aside) are paired first.
2. The rest are scored by word overlap (Dice over word multisets), found through an inverted
   index of rare words so that large bills do not cost a full cross product; pairs are taken
   best first, with the same number and the nearer position as tie-breakers.
3. The longest run of pairs in the same order in both readings are the anchors; pairs outside
   it are moves.
4. Between two anchors, articles left over on both sides are paired when they share a number
   and one of them is a stub ("Статья 7. Исключена") or their texts still overlap: this is an
   article rewritten or excluded in place, not a deletion and an addition.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from billdiff.normalize import for_matching

_WORD = re.compile(r"\w+")

#: Below this similarity two articles are not paired on content alone.
MATCH_THRESHOLD = 0.5
#: Below this, not even two articles with the same number in the same place.
IN_PLACE_THRESHOLD = 0.2


@dataclass(frozen=True)
class Pair:
    old: int | None
    new: int | None
    similarity: float
    in_order: bool = True


@dataclass(frozen=True)
class Item:
    """What the matcher needs to know of one unit."""

    label: str
    text: str  # body text, number aside
    stub: bool = False


def _bag(text: str) -> Counter[str]:
    return Counter(_WORD.findall(for_matching(text)))


def dice(a: Counter[str], b: Counter[str]) -> float:
    total = sum(a.values()) + sum(b.values())
    if total == 0:
        return 1.0
    common = sum((a & b).values())
    return 2 * common / total


def align(old: Sequence[Item], new: Sequence[Item]) -> list[Pair]:
    """Pairs of indexes into ``old`` and ``new`` (``None`` for an added or deleted unit)."""
    old_keys = [for_matching(item.text) for item in old]
    new_keys = [for_matching(item.text) for item in new]
    old_bags = [_bag(item.text) for item in old]
    new_bags = [_bag(item.text) for item in new]
    matched: dict[int, tuple[int, float]] = {}
    used_new: set[int] = set()

    # 1. identical texts; among duplicates prefer the same number, then the nearer position
    by_key: dict[str, list[int]] = defaultdict(list)
    for j, key in enumerate(new_keys):
        by_key[key].append(j)
    candidates: list[tuple[float, int, int, float]] = []
    for i, key in enumerate(old_keys):
        for j in by_key.get(key, ()):
            candidates.append((1.0, i, j, 1.0))

    # 2. similar texts, through an inverted index of the less common words
    old_key_set = set(old_keys)
    pending_old = [i for i, key in enumerate(old_keys) if key not in by_key]
    pending_new = [j for j, key in enumerate(new_keys) if key not in old_key_set]
    candidates.extend(_similar(pending_old, pending_new, old_bags, new_bags))

    def preference(c: tuple[float, int, int, float]) -> tuple[float, bool, float]:
        score, i, j, _ = c
        same_label = old[i].label == new[j].label and bool(old[i].label)
        distance = abs(i / max(len(old), 1) - j / max(len(new), 1))
        return (-score, not same_label, distance)

    candidates.sort(key=preference)
    for score, i, j, _ in candidates:
        if score < MATCH_THRESHOLD:
            break
        if i in matched or j in used_new:
            continue
        matched[i] = (j, score)
        used_new.add(j)

    # 3. anchors: the longest chain of pairs in the same order on both sides
    chain = _longest_increasing([(i, matched[i][0]) for i in sorted(matched)])
    anchors = set(chain)

    # 4. articles rewritten or excluded in place, between two anchors
    bounds = [(-1, -1), *sorted((i, j) for i, j in chain), (len(old), len(new))]
    for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
        olds = [i for i in range(i0 + 1, i1) if i not in matched]
        news = [j for j in range(j0 + 1, j1) if j not in used_new]
        for i in olds:
            for j in news:
                if j in used_new:
                    continue
                score = dice(old_bags[i], new_bags[j])
                same = bool(old[i].label) and old[i].label == new[j].label
                if (same and (old[i].stub or new[j].stub or score >= IN_PLACE_THRESHOLD)) or (
                    score >= MATCH_THRESHOLD * 0.8
                ):
                    matched[i] = (j, score)
                    used_new.add(j)
                    anchors.add((i, j))
                    break

    pairs = [Pair(i, j, round(s, 4), (i, j) in anchors) for i, (j, s) in matched.items()]
    pairs += [Pair(i, None, 0.0) for i in range(len(old)) if i not in matched]
    pairs += [Pair(None, j, 0.0) for j in range(len(new)) if j not in used_new]
    return _reading_order(pairs, matched)


def _similar(
    olds: list[int],
    news: list[int],
    old_bags: list[Counter[str]],
    new_bags: list[Counter[str]],
    per_unit: int = 5,
) -> list[tuple[float, int, int, float]]:
    """Candidate pairs with their Dice score: for each old unit, the few new units that share
    the most of its less common words."""
    if not olds or not news:
        return []
    frequency: Counter[str] = Counter()
    for j in news:
        frequency.update(new_bags[j].keys())
    limit = max(3, len(news) // 10)  # words in more than a tenth of the units say little
    index: dict[str, list[int]] = defaultdict(list)
    for j in news:
        for word in new_bags[j]:
            if frequency[word] <= limit:
                index[word].append(j)
    out: list[tuple[float, int, int, float]] = []
    for i in olds:
        shared: Counter[int] = Counter()
        for word in old_bags[i]:
            for j in index.get(word, ()):
                shared[j] += 1
        nearest = [j for j, _ in shared.most_common(per_unit)]
        if len(news) <= 50:
            nearest = news  # small bills: score every pair, it costs nothing
        for j in nearest:
            score = dice(old_bags[i], new_bags[j])
            out.append((score, i, j, score))
    return out


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of ``pairs`` (sorted by old index) whose new indexes increase."""
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


def _reading_order(pairs: list[Pair], matched: dict[int, tuple[int, float]]) -> list[Pair]:
    """New reading's order; a deleted unit comes right after the old unit before it."""
    old_to_new = {i: j for i, (j, _) in matched.items()}

    def key(pair: Pair) -> tuple[int, int, int]:
        if pair.new is not None:
            return (pair.new, 0, 0)
        assert pair.old is not None
        before = [old_to_new[i] for i in range(pair.old - 1, -1, -1) if i in old_to_new][:1]
        return (before[0] if before else -1, 1, pair.old)

    return sorted(pairs, key=key)
