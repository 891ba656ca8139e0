"""Mutable drafts of units, as parsers and readers build them, frozen into the model once.

Every builder (the text parser, the Akoma Ntoso and USLM readers) grows a tree of
:class:`Draft` and calls :func:`freeze`, so eIds are made one way everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from billdiff import eids
from billdiff.model import Unit


@dataclass
class Draft:
    kind: str
    num: str = ""
    label: str = ""
    heading: str = ""
    content: list[str] = field(default_factory=list)
    children: list[Draft] = field(default_factory=list)
    eid: str = ""  # a document's own eId, kept as given; else one is made from the numbers
    line: int = 0


def freeze(
    drafts: Sequence[Draft],
    parent_eid: str = "",
    taken: set[str] | None = None,
    tried: dict[str, int] | None = None,
) -> tuple[Unit, ...]:
    """Immutable units with eIds: ``parent__kind_label``, counted per kind where a unit has no
    number, made unique within the document (``taken`` holds the eIds already used, ``tried``
    the suffix each was last made unique with)."""
    taken = set() if taken is None else taken
    tried = {} if tried is None else tried
    counts: dict[str, int] = {}
    units: list[Unit] = []
    for draft in drafts:
        counts[draft.kind] = counts.get(draft.kind, 0) + 1
        eid = draft.eid or eids.deduplicate(
            eids.join(parent_eid, eids.component(draft.kind, draft.label, counts[draft.kind])),
            taken,
            tried,
        )
        units.append(
            Unit(
                kind=draft.kind,
                num=draft.num,
                label=draft.label,
                heading=draft.heading,
                content=tuple(draft.content),
                children=freeze(draft.children, eid, taken, tried),
                eid=eid,
                line=draft.line,
            )
        )
    return tuple(units)
