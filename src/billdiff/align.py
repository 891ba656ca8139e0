"""Match units between two readings by content; numbers and headings are evidence, not keys.

1. Units whose text is the same (numbers aside) are paired first.
2. The rest are scored by word overlap (Dice over word multisets), found through an inverted
   index of the less common words so that large bills do not cost a full cross product; pairs
   are taken best first, with the same number and the nearer position as tie-breakers.
3. The longest chain of pairs in the same order in both readings are the anchors; a pair
   outside it is a move.
4. Between two anchors, units left over on both sides are paired when they share a number, a
   heading or much of their text: a unit rewritten or excluded in place ("Статья 7.
   Исключена"), not a deletion and an addition.
5. A unit left over on one side whose words are mostly contained in a unit of the other side
   that lost (or gained) that much text is a split (or a merge) of it.

The same function matches articles of two bills and paragraphs or points of two articles.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NoReturn

from billdiff.normalize import for_matching
from billdiff.sequences import longest_increasing

_WORD = re.compile(r"\w+")

#: Below this similarity two units are not paired on content alone.
MATCH_THRESHOLD = 0.5
#: Share of a unit's words that must come from one unit of the other side for a split/merge.
CONTAINMENT_THRESHOLD = 0.75
#: Units shorter than this (in words) are never parts of a split or merge.
MIN_SPLIT_WORDS = 5


@dataclass(frozen=True)
class Pair:
    """A pair of indexes (``None`` for an added or deleted unit) and how they were paired."""

    old: int | None
    new: int | None
    similarity: float
    in_order: bool = True
    relation: str = ""  # "", "split" or "merged"


@dataclass(frozen=True)
class Item:
    """What the matcher needs to know of one unit."""

    label: str
    text: str  # body text, number aside
    stub: bool = False
    kind: str = ""  # only units of the same kind are paired (a note is never a point)
    heading: str = ""


def _frozen(*_: object, **__: object) -> NoReturn:
    raise TypeError("a bag of words is never changed after it is made: its size is kept")


class _Bag(Counter[str]):
    """The words of one unit, counted once: never changed after it is made, so its size is
    computed once (``Counter.total`` sums every time it is asked). The methods that would
    change it raise TypeError (item assignment is left alone: overriding it would take
    Counter's counting loop off its fast path)."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        dict.__init__(self)
        Counter.update(self, words)
        self._size = len(words) if isinstance(words, list) else sum(self.values())

    def total(self) -> int:
        return self._size

    update = subtract = clear = pop = popitem = setdefault = __delitem__ = _frozen
    __iadd__ = __isub__ = __ior__ = __iand__ = _frozen


class _Bags:
    """The bag of each text, made when it is first asked for: the units paired in step 1
    (the same text in both readings, most paragraphs of a changed article) never need one."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.keys = keys
        self.bags: list[_Bag | None] = [None] * len(keys)

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, index: int) -> _Bag:
        bag = self.bags[index]
        if bag is None:
            bag = self.bags[index] = _Bag(_WORD.findall(self.keys[index]))
        return bag


def _common(a: Counter[str], b: Counter[str]) -> int:
    # C-level loops: this is the innermost function of the matcher
    shared = a.keys() & b.keys()
    return sum(map(min, map(a.__getitem__, shared), map(b.__getitem__, shared)))


def _common_lost(whole: Counter[str], kept: Counter[str], piece: Counter[str]) -> int:
    """``_common(whole - kept, piece)``: the words of ``piece`` among those that ``whole``
    lost, without building the difference (``whole`` is a whole article)."""
    get = kept.get
    shared = piece.keys() & whole.keys()
    return sum(min(piece[w], whole[w] - get(w, 0)) for w in shared if whole[w] > get(w, 0))


def dice(a: Counter[str], b: Counter[str]) -> float:
    """Word overlap of two bags: 1.0 for the same words, 0.0 for none in common."""
    total = a.total() + b.total()
    if total == 0:
        return 1.0
    return 2 * _common(a, b) / total


class _Index:
    """An inverted index of the less common words of some bags, to find likely partners."""

    #: Up to this many members every pair is scored: it costs less than building the index.
    SMALL = 50

    def __init__(self, bags: _Bags, members: Sequence[int]) -> None:
        self.members = list(members)
        self.postings: dict[str, list[int]] = defaultdict(list)
        if len(self.members) <= self.SMALL:
            return
        frequency: Counter[str] = Counter()
        for j in members:
            frequency.update(bags[j].keys())
        # Words in more than a tenth of the units say little; the cap keeps a query's cost
        # bounded however large the bill (else it grows with the number of units).
        limit = min(max(3, len(members) // 10), 64)
        rare = {word for word, n in frequency.items() if n <= limit}
        for j in members:
            for word in bags[j].keys() & rare:
                self.postings[word].append(j)

    def nearest(self, bag: Counter[str], k: int) -> list[int]:
        if len(self.members) <= self.SMALL:
            return self.members
        postings = self.postings
        shared = Counter(itertools.chain.from_iterable(postings[w] for w in bag if w in postings))
        return [j for j, _ in shared.most_common(k)]


def align(old: Sequence[Item], new: Sequence[Item]) -> list[Pair]:
    """Pairs of indexes into ``old`` and ``new``, in the reading order of ``new``."""
    old_keys = [for_matching(item.text) for item in old]
    new_keys = [for_matching(item.text) for item in new]
    old_bags, new_bags = _Bags(old_keys), _Bags(new_keys)
    matched: dict[int, tuple[int, float]] = {}
    used_new: dict[int, int] = {}

    def preference(c: tuple[float, int, int]) -> tuple[float, bool, float]:
        score, i, j = c
        same_label = bool(old[i].label) and old[i].label == new[j].label
        distance = abs(i / max(len(old), 1) - j / max(len(new), 1))
        return (-score, not same_label, distance)

    # 1. identical texts; among duplicates prefer the same number, then the nearer position
    by_key: dict[str, list[int]] = defaultdict(list)
    for j, key in enumerate(new_keys):
        by_key[key].append(j)
    old_count = Counter(old_keys)
    # A text found more than once ("Исключена.", boilerplate) says little about which is
    # which: pair it on content only under the same number; the rest is left to the
    # positional pass below.
    by_key_label: dict[tuple[str, str], list[int]] = defaultdict(list)
    for j, key in enumerate(new_keys):
        if len(by_key[key]) > 1 or old_count[key] > 1:
            by_key_label[(key, new[j].label)].append(j)
    candidates: list[tuple[float, int, int]] = []
    for i, key in enumerate(old_keys):
        if key not in by_key:
            continue
        if old_count[key] == 1 and len(by_key[key]) == 1:
            partners: Sequence[int] = by_key[key]
        else:
            partners = _nearest_in_place(
                by_key_label.get((key, old[i].label), []), i * len(new) / max(len(old), 1)
            )
        candidates.extend((1.0, i, j) for j in partners if old[i].kind == new[j].kind)

    # 2. similar texts
    old_key_set = set(old_keys)
    pending_new = [j for j, key in enumerate(new_keys) if key not in old_key_set]
    index = _Index(new_bags, pending_new)
    new_by_label = {item.label: j for j, item in enumerate(new) if item.label}
    for i, key in enumerate(old_keys):
        if key not in by_key:
            nearest = set(index.nearest(old_bags[i], 5))
            same = new_by_label.get(old[i].label)
            if same is not None and new_keys[same] not in old_key_set:
                nearest.add(same)
            size = old_bags[i].total()
            for j in sorted(nearest):
                if old[i].kind != new[j].kind:
                    continue
                # Dice can be no higher than this: skip pairs of very different lengths cheaply
                other = new_bags[j].total()
                bound = 2 * min(size, other) / (size + other) if size + other else 1.0
                if bound + SAME_NUMBER_AND_HEADING < MATCH_THRESHOLD:
                    continue
                candidates.append((_evidence(old[i], new[j], old_bags[i], new_bags[j]), i, j))

    candidates.sort(key=preference)
    for score, i, j in candidates:
        if score < MATCH_THRESHOLD:
            break
        if i in matched or j in used_new:
            continue
        matched[i] = (j, dice(old_bags[i], new_bags[j]) if score != 1.0 else 1.0)
        used_new[j] = i

    # 3. anchors: the longest chain of pairs in the same order on both sides
    chain = longest_increasing([(i, matched[i][0]) for i in sorted(matched)])
    in_order = set(chain)

    # 4. units rewritten or excluded in place, between two anchors
    bounds = [(-1, -1), *chain, (len(old), len(new))]
    for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
        first = j0 + 1  # pairs made here keep their order: no two of them may cross
        left = [i for i in range(i0 + 1, i1) if i not in matched]
        finder = None
        if len(left) * (j1 - first) > IN_PLACE_SCAN:
            finder = _InPlaceCandidates(new, new_bags, first, j1)
        for i in left:
            if finder is None:
                tries: Iterable[int] = range(first, j1)
            else:
                tries = finder.after(old[i], old_bags[i], first)
            for j in tries:
                if j in used_new or old[i].kind != new[j].kind:
                    continue
                if _in_place(old[i], new[j], old_bags[i], new_bags[j]):
                    score = dice(old_bags[i], new_bags[j])
                    matched[i] = (j, score)
                    used_new[j] = i
                    in_order.add((i, j))
                    first = j + 1
                    break

    pairs = [Pair(i, j, round(score, 4), (i, j) in in_order) for i, (j, score) in matched.items()]
    kinds = ([item.kind for item in old], [item.kind for item in new])
    pairs.extend(_splits_and_merges(old_bags, new_bags, kinds, matched, used_new, pairs))
    covered_old = {p.old for p in pairs}
    covered_new = {p.new for p in pairs}
    pairs += [Pair(i, None, 0.0) for i in range(len(old)) if i not in covered_old]
    pairs += [Pair(None, j, 0.0) for j in range(len(new)) if j not in covered_new]
    return _reading_order(pairs, len(old))


#: How many units of the same text and number, on each side of its own place, a unit is
#: offered as partners: every pair of n copies of one text (hundreds of "Статья N.
#: Исключена." stubs, a text repeated under one number) would make the matcher quadratic.
#: The pairs are taken nearest place first, so the copies further away would lose anyway.
DUPLICATE_PARTNERS = 8


def _nearest_in_place(indexes: Sequence[int], place: float) -> Sequence[int]:
    """The ``DUPLICATE_PARTNERS`` indexes (sorted) each side of ``place``."""
    if len(indexes) <= 2 * DUPLICATE_PARTNERS:
        return indexes
    at = bisect.bisect_left(indexes, place)
    return indexes[max(0, at - DUPLICATE_PARTNERS) : at + DUPLICATE_PARTNERS]


#: Above this many (old, new) tries between two anchors, the in-place pass looks only at the
#: units that can pass ``_in_place`` (found through an index) instead of trying them all: two
#: readings with nothing in common leave thousands of units on each side of one gap.
IN_PLACE_SCAN = 20_000


class _InPlaceCandidates:
    """The units ``first <= j < end`` of the new side that ``_in_place`` can accept for an old
    unit: those sharing a word with it, its number, or (for an empty text) an empty text.
    Every other unit fails each of its tests, so the pass pairs exactly as a full scan would."""

    def __init__(self, new: Sequence[Item], bags: _Bags, first: int, end: int) -> None:
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.labels: dict[str, list[int]] = defaultdict(list)
        self.empty: list[int] = []
        for j in range(first, end):  # in order: every list is sorted
            bag = bags[j]
            for word in bag:
                self.postings[word].append(j)
            if new[j].label:
                self.labels[new[j].label].append(j)
            if not bag.total():
                self.empty.append(j)

    def after(self, item: Item, bag: _Bag, first: int) -> list[int]:
        lists = [self.postings.get(word, ()) for word in bag]
        lists.append(self.labels.get(item.label, ()) if item.label else ())
        lists.append(self.empty if not bag.total() else ())
        found: set[int] = set()
        for js in lists:
            found.update(itertools.islice(js, bisect.bisect_left(js, first), None))
        return sorted(found)


#: What the same number and the same heading add to the word overlap: enough for an article
#: that kept its number and heading but lost most of its text to others ("§ 16 Umlage" split
#: into §§ 16-16q) to stay itself, not enough to pair two unrelated texts.
SAME_NUMBER_AND_HEADING = 0.4


def _evidence(old: Item, new: Item, old_bag: Counter[str], new_bag: Counter[str]) -> float:
    score = dice(old_bag, new_bag)
    if old.label and old.label == new.label and old.heading and old.heading == new.heading:
        score += SAME_NUMBER_AND_HEADING
    return score


def _in_place(old: Item, new: Item, old_bag: Counter[str], new_bag: Counter[str]) -> bool:
    """May two leftover units between the same anchors be one unit rewritten in place?"""
    score = dice(old_bag, new_bag)
    if score >= 0.4:
        return True
    if old.label and old.label == new.label:
        # the same number in the same place: rewritten ("изложить в новой редакции"), excluded
        # ("Исключена") or restored, however little text the two share
        return True
    if old.heading and old.heading == new.heading and score >= 0.1:
        return True
    # one is the other with subsections cut out or added ("Short title" losing its (2))
    smaller = min(old_bag.total(), new_bag.total())
    return smaller >= MIN_SPLIT_WORDS and _common(old_bag, new_bag) / smaller >= 0.8


def _splits_and_merges(
    old_bags: _Bags,
    new_bags: _Bags,
    kinds: tuple[list[str], list[str]],
    matched: dict[int, tuple[int, float]],
    used_new: dict[int, int],
    pairs: list[Pair],
) -> list[Pair]:
    """Pairs for split and merged units; the 1:1 pairs they extend are relabelled in place."""
    extra: list[Pair] = []
    relabel: dict[tuple[int, int], str] = {}
    # split: a new unit left over whose words come from an old unit that lost them
    orphans_new = [
        j
        for j in range(len(new_bags))
        if j not in used_new and new_bags[j].total() >= MIN_SPLIT_WORDS
    ]
    index_old = _Index(old_bags, list(matched)) if orphans_new else None
    for j in orphans_new:
        assert index_old is not None
        bag = new_bags[j]
        for i in index_old.nearest(bag, 5):
            if kinds[0][i] != kinds[1][j]:
                continue
            if _common(old_bags[i], bag) < CONTAINMENT_THRESHOLD * bag.total():
                continue  # cannot pass the test below: spare the subtraction
            partner = matched[i][0]
            old_total = old_bags[i].total() or 1
            kept = _common(old_bags[i], new_bags[partner]) / old_total
            if kept >= 0.85:
                continue  # the old unit kept its text: nothing was split off
            # the piece must be made of the words the old unit lost, not just of its words
            taken = _common_lost(old_bags[i], new_bags[partner], bag)
            if taken / bag.total() >= CONTAINMENT_THRESHOLD and kept + taken / old_total >= 0.7:
                relabel[(i, partner)] = "split"
                extra.append(Pair(i, j, round(dice(old_bags[i], bag), 4), True, "split"))
                break
    # merge: an old unit left over whose words went into a new unit that gained them
    orphans_old = [
        i
        for i in range(len(old_bags))
        if i not in matched and old_bags[i].total() >= MIN_SPLIT_WORDS
    ]
    index_new = _Index(new_bags, list(used_new)) if orphans_old else None
    for i in orphans_old:
        assert index_new is not None
        bag = old_bags[i]
        for j in index_new.nearest(bag, 5):
            if kinds[0][i] != kinds[1][j]:
                continue
            if _common(new_bags[j], bag) < CONTAINMENT_THRESHOLD * bag.total():
                continue
            partner = used_new[j]
            if (partner, j) in relabel:
                continue  # that pair is already one of a split: a unit is never both
            new_total = new_bags[j].total() or 1
            kept = _common(new_bags[j], old_bags[partner]) / new_total
            if kept >= 0.85:
                continue  # the new unit is mostly its old self: nothing was merged in
            # the merged unit must have gained the words of the old one
            given = _common_lost(new_bags[j], old_bags[partner], bag)
            if given / bag.total() >= CONTAINMENT_THRESHOLD and kept + given / new_total >= 0.7:
                relabel[(partner, j)] = "merged"
                extra.append(Pair(i, j, round(dice(bag, new_bags[j]), 4), True, "merged"))
                break
    for k, pair in enumerate(pairs):
        relation = relabel.get((pair.old, pair.new))  # type: ignore[arg-type]
        if relation:
            pairs[k] = Pair(pair.old, pair.new, pair.similarity, pair.in_order, relation)
    return extra


def _reading_order(pairs: list[Pair], old_count: int) -> list[Pair]:
    """The new reading's order; a deleted unit comes right after the old unit before it."""
    new_of_old: dict[int, int] = {}
    for pair in pairs:
        if pair.old is not None and pair.new is not None:
            new_of_old.setdefault(pair.old, pair.new)
    previous: list[
        int
    ] = []  # for each old index, the new index of the nearest paired unit before it
    last = -1
    for i in range(old_count):
        previous.append(last)
        if i in new_of_old:
            last = new_of_old[i]

    def key(pair: Pair) -> tuple[int, int, int]:
        if pair.new is not None:
            return (pair.new, 0, pair.old if pair.old is not None else -1)
        assert pair.old is not None
        return (previous[pair.old], 1, pair.old)

    return sorted(pairs, key=key)
