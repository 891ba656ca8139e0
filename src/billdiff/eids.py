"""Akoma Ntoso eId rules, as pure functions.

The eId of a unit is its parent's eId, two underscores, the kind's prefix, one underscore and
its cleaned number: ``chp_II__art_9__point_5-1``. Units without a number are counted:
``art_7__hcontainer_1``.
"""

from __future__ import annotations

import re

PREFIXES: dict[str, str] = {
    "part": "part",
    "title": "title",
    "chapter": "chp",
    "section": "sec",
    "article": "art",
    "paragraph": "para",
    "point": "point",
    "note": "hcontainer",
}

# Anything but a letter or a digit, "_" included: in an eId "_" separates a prefix from its
# number and "__" one step from the next, so "art_312_32_7" would read as nested levels; the
# naming convention writes that number "312-32-7".
_UNSAFE = re.compile(r"[\W_]+")
_SPACE = re.compile(r"\s+")


def clean_num(label: str) -> str:
    """A label made safe for an eId.

    >>> clean_num("5")
    '5'
    >>> clean_num("3-1")
    '3-1'
    >>> clean_num("47 a")
    '47a'
    >>> clean_num("(a)")
    'a'
    >>> clean_num("1.2")
    '1-2'
    >>> clean_num("312_32_7")
    '312-32-7'
    >>> clean_num("")
    ''
    """
    if label.isalnum():  # the usual number: nothing to clean
        return label
    label = _SPACE.sub("", label)
    return _UNSAFE.sub("-", label).strip("-")


def component(kind: str, label: str, ordinal: int) -> str:
    """One step of an eId.

    >>> component("article", "5", 1)
    'art_5'
    >>> component("note", "", 2)
    'hcontainer_2'
    >>> component("point", "а", 1)
    'point_а'
    """
    num = clean_num(label)
    return f"{PREFIXES[kind]}_{num or ordinal}"


def join(parent: str, step: str) -> str:
    """Join a parent eId and one step.

    >>> join("chp_I", "art_1")
    'chp_I__art_1'
    >>> join("", "art_1")
    'art_1'
    """
    return f"{parent}__{step}" if parent else step


def deduplicate(eid: str, taken: set[str], tried: dict[str, int] | None = None) -> str:
    """The first of ``eid``, ``eid_2``, ``eid_3``... that is not taken yet (and take it).

    ``tried`` remembers, for each ``eid``, the last suffix found free: as ``taken`` only
    grows, the search resumes there, and n copies of one eId cost n steps, not n² (hundreds
    of articles numbered alike, "Статья 1." repeated).

    >>> taken = {"art_5"}
    >>> deduplicate("art_5", taken)
    'art_5_2'
    """
    n = tried.get(eid, 1) if tried is not None else 1
    candidate = eid if n == 1 else f"{eid}_{n}"
    while candidate in taken:
        n += 1
        candidate = f"{eid}_{n}"
    if tried is not None:
        tried[eid] = n
    taken.add(candidate)
    return candidate
