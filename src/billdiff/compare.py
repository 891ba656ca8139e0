"""Two Bills -> a :class:`~billdiff.changes.Comparison`. Pure: no I/O, no rendering."""

from __future__ import annotations

from dataclasses import dataclass

from billdiff.align import Item, Pair, align
from billdiff.changes import Change, Comparison, Reading, Side
from billdiff.errors import ProfileError
from billdiff.model import Bill, Unit
from billdiff.normalize import nfc, spaces
from billdiff.profiles import get_profile
from billdiff.textdiff import diff_words


@dataclass(frozen=True)
class Options:
    """How to compare. ``old_label``/``new_label`` and dates name the readings in reports."""

    old_label: str = ""
    new_label: str = ""
    old_date: str = ""
    new_date: str = ""


def compare(old: Bill, new: Bill, options: Options | None = None) -> Comparison:
    """Match the articles of two readings and describe every pair."""
    options = options or Options()
    old_units, new_units = _units(old), _units(new)
    pairs = align(_items(old, old_units), _items(new, new_units))
    changes = tuple(_change(pair, old_units, new_units) for pair in pairs)
    return Comparison(
        old=Reading.of(old, label=options.old_label, date=options.old_date),
        new=Reading.of(new, label=options.new_label, date=options.new_date),
        changes=changes,
    )


def _units(bill: Bill) -> tuple[Unit, ...]:
    """The units compared: the articles, or the top-level units of a bill without articles."""
    return bill.articles() or bill.body


def _items(bill: Bill, units: tuple[Unit, ...]) -> list[Item]:
    try:
        profile = get_profile(bill.profile) if bill.profile else None
    except ProfileError:  # a Bill read from XML may name a profile this version lacks
        profile = None
    return [
        Item(
            label=unit.label,
            text=unit.body_text(),
            stub=profile.is_stub(unit.text()) if profile else False,
        )
        for unit in units
    ]


def _same(a: str, b: str) -> bool:
    return spaces(nfc(a)) == spaces(nfc(b))


def _change(pair: Pair, old_units: tuple[Unit, ...], new_units: tuple[Unit, ...]) -> Change:
    old = old_units[pair.old] if pair.old is not None else None
    new = new_units[pair.new] if pair.new is not None else None
    if old is None:
        assert new is not None
        return Change("added", None, Side.of(new), 0.0)
    if new is None:
        return Change("deleted", Side.of(old), None, 0.0)
    before, after = Side.of(old), Side.of(new)
    if _same(before.text, after.text):
        if not pair.in_order:
            kind = "moved"
        elif old.label != new.label:
            kind = "renumbered"
        else:
            kind = "unchanged"
        return Change(kind, before, after, 1.0)
    kind = "modified" if pair.in_order else "moved"
    return Change(kind, before, after, pair.similarity, diff_words(before.text, after.text))
