from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from billdiff.textdiff import Span, count_words, diff_words, new_text, old_text, tokenize

WORDS = st.sampled_from(
    [
        "может",
        "обязан",
        "бап",
        "Үкіметі",
        "құзыреті",
        "shall",
        "may",
        "Straße",
        "5-1)",
        "«",
        "»",
        ",",
        ".",
        " ",
        "\n",
        "статьей",
        "5",
        "Ескерту",
        "é",
    ]
)
TEXTS = st.lists(WORDS, max_size=40).map("".join)


def test_tokenize_keeps_kazakh_words_whole() -> None:
    assert tokenize("Үкіметінің құзыреті, 5-1)") == [
        "Үкіметінің",
        " ",
        "құзыреті",
        ",",
        " ",
        "5",
        "-",
        "1",
        ")",
    ]


def test_may_becomes_shall() -> None:
    spans = diff_words("Дружинник может применять силу.", "Дружинник обязан применять силу.")
    assert Span("delete", "может") in spans
    assert Span("insert", "обязан") in spans
    assert old_text(spans) == "Дружинник может применять силу."


def test_identical_texts_are_one_equal_span() -> None:
    assert diff_words("a b", "a b") == (Span("equal", "a b"),)
    assert diff_words("", "") == ()


def test_count_words() -> None:
    assert count_words("Статья 5-1, пункт «а»") == 5


@given(TEXTS, TEXTS)
def test_spans_rebuild_both_texts(old: str, new: str) -> None:
    spans = diff_words(old, new)
    assert old_text(spans) == old
    assert new_text(spans) == new


@given(TEXTS, TEXTS)
def test_a_span_never_splits_a_word(old: str, new: str) -> None:
    spans = diff_words(old, new)
    for side, keep in ((old, "insert"), (new, "delete")):
        position = 0
        bounds = set()
        for span in spans:
            if span.op == keep:
                continue
            position += len(span.text)
            bounds.add(position)
        words = {0, len(side)}
        at = 0
        for token in tokenize(side):
            at += len(token)
            words.add(at)
        assert bounds <= words
