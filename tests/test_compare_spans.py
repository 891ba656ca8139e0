"""Spans rebuild both texts when an article has parts without any line (issue 21, fuzzer).

An Akoma Ntoso ``<paragraph>`` whose ``<p>`` is empty is a unit with no line: it adds nothing
to its article's text, so the spans of a changed article must not add a line break for it.
"""

from __future__ import annotations

import pytest

import billdiff
from billdiff.textdiff import new_text, old_text

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
EMPTY = '<paragraph eId="art_1__para_9"><content><p></p></content></paragraph>'


def _bill(second: str, *, empty_at: int | None) -> bytes:
    paragraphs = [
        f'<paragraph eId="art_1__para_{k}"><content><p>{text}</p></content></paragraph>'
        for k, text in enumerate(["First paragraph here.", second, "Third one."], start=1)
    ]
    if empty_at is not None:
        paragraphs.insert(empty_at, EMPTY)
    return (
        f'<akomaNtoso xmlns="{AKN}"><act name="act"><body><article eId="art_1"><num>1</num>'
        f"{''.join(paragraphs)}</article></body></act></akomaNtoso>"
    ).encode()


@pytest.mark.parametrize(
    ("old_empty", "new_empty"),
    [(3, 3), (0, 0), (1, 1), (None, 3), (3, None), (0, None)],
    ids=["end", "start", "middle", "new-only", "old-only", "old-start"],
)
def test_spans_rebuild_both_texts_beside_an_empty_part(
    old_empty: int | None, new_empty: int | None
) -> None:
    old = billdiff.parse(_bill("Second paragraph text.", empty_at=old_empty), source="old.xml")
    new = billdiff.parse(_bill("Second paragraph new text.", empty_at=new_empty), source="new.xml")
    (change,) = billdiff.compare(old, new).changes
    assert change.kind == "modified"
    assert change.old is not None and change.new is not None
    assert old_text(change.spans) == change.old.text
    assert new_text(change.spans) == change.new.text
