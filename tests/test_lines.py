"""Lines without their dress (issue 13): the whole-document shortcut gives what undecorating
each line gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from billdiff.lines import undecorate, undecorate_all

# The marks that dress a line, among letters, digits and spaces, so that generated lines are
# dressed often (and in every place: first, last, inside).
_DRESS = "#=*_-•·‣▪◦<>\t\u00a0 "
_PIECE = st.sampled_from([*_DRESS, "a", "Z", "5", ".", "§", "/", "<b>", "</i>", "**"])
_LINE = st.lists(_PIECE, max_size=16).map("".join)


@given(st.lists(_LINE, max_size=30))
def test_undecorate_all_is_undecorate_of_every_line(lines: list[str]) -> None:
    assert undecorate_all(lines) == [undecorate(line) for line in lines]


def test_undecorate_all_on_real_dress() -> None:
    lines = [
        "####### Article L1142-1",
        "plain text",
        "== Article 5 ==",
        "Art. 2** Title",
        "- x",
        "x_",
    ]
    assert undecorate_all(lines) == [undecorate(line) for line in lines]
    assert undecorate_all(lines)[:4] == [
        "Article L1142-1",
        "plain text",
        "Article 5",
        "Art. 2 Title",
    ]
