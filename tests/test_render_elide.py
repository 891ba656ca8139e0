from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from billdiff.render.base import ELISION, elide
from billdiff.textdiff import Span, diff_words


def test_unchanged_lines_far_from_an_edit_are_cut() -> None:
    old = "\n".join(f"line {n}" for n in range(10))
    new = old.replace("line 5", "line five")
    spans = elide(diff_words(old, new))
    text = "".join(s.text if s.op != "delete" else "" for s in spans)
    assert text.split("\n") == [ELISION, "line 4", "line five", "line 6", ELISION]


def test_no_edit_nothing_cut() -> None:
    spans = (Span("equal", "a\nb\nc\nd\ne"),)
    assert elide(spans) == list(spans)


LINES = st.lists(st.sampled_from(["a", "b b", "c", "", "d."]), max_size=12).map("\n".join)


@given(LINES, LINES)
def test_every_edit_is_kept_in_order(old: str, new: str) -> None:
    spans = diff_words(old, new)
    out = elide(spans)
    assert [s for s in out if s.op != "equal"] == [s for s in spans if s.op != "equal"]
    for span, cut in zip(
        [s for s in spans if s.op == "equal"], [s for s in out if s.op == "equal"], strict=True
    ):
        # an equal span keeps its ends, whole, and loses at most its middle lines
        if cut.text != span.text:
            assert ELISION in cut.text.split("\n")
            assert cut.text.count("\n") < span.text.count("\n")
