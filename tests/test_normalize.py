from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from billdiff.normalize import dashes, for_matching, nfc, quotes, spaces

PIECES = st.sampled_from(
    [
        "«",
        "»",
        "„",
        "“",
        "‘",
        "’",
        "—",
        "–",
        "−",
        "-",
        '"',
        "  ",
        "\n",
        "Ä",
        "й",
        "и\u0306",
        "ẞ",
        "Straße",
        "Статья",
        "5",
    ]
)


@given(st.lists(PIECES, max_size=30).map("".join))
def test_for_matching_is_the_helpers_in_a_row(text: str) -> None:
    assert for_matching(text) == spaces(dashes(quotes(nfc(text)))).casefold()


def test_for_matching_example() -> None:
    assert for_matching("«Статья  5» —") == '"статья 5" -'
