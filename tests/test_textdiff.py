from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from billdiff import textdiff
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


# Words and marks that make count_words' lookbehind matter: combining marks alone or inside a
# word, digits, underscores, punctuation between words.
MARKS = st.lists(
    st.sampled_from(["a", "é", "\u0301", "\u0301\u0301", "_", "5", "-", " ", "ә", "«", "\n"]),
    max_size=30,
).map("".join)


@given(st.one_of(TEXTS, MARKS))
def test_count_words_counts_the_word_tokens(text: str) -> None:
    assert count_words(text) == sum(1 for token in tokenize(text) if re.match(r"\w", token))


CODES = st.lists(st.sampled_from("abcdefgh"), max_size=60).map("".join)


@pytest.mark.skipif(textdiff._fast is None, reason="fast-diff-match-patch is not installed")
@given(CODES, CODES)
def test_the_cpp_port_gives_the_python_diff(a: str, b: str) -> None:
    """billdiff uses diff-match-patch's C++ port when present: the same diff as the Python one."""
    dmp = textdiff.diff_match_patch()
    dmp.Diff_Timeout = 0
    assert textdiff._diff_main(dmp, a, b) == list(dmp.diff_main(a, b, False))


@pytest.mark.skipif(textdiff._fast is None, reason="fast-diff-match-patch is not installed")
@given(st.lists(WORDS, max_size=200).map("".join), st.lists(WORDS, max_size=200).map("".join))
def test_word_spans_do_not_depend_on_the_engine(old: str, new: str) -> None:
    fast = textdiff.diff_words.__wrapped__(old, new)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(textdiff, "FAST", False)
        assert textdiff.diff_words.__wrapped__(old, new) == fast
