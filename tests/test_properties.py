"""Hypothesis properties of parsing and comparing generated bills."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import billdiff
from billdiff.textdiff import new_text, old_text

from .helpers import letters

_LINES = [
    "Глава 1. Общие положения",
    "Глава II. Компетенция",
    "Статья 1. Основные понятия",
    "Статья 2.",
    "Статья 3-1. Присяга",
    "5-бап. Мәртебесi",
    "1. Правительство образуется Президентом.",
    "2. Дружинник может применять силу.",
    "1) разрабатывает направления;",
    "5-1) образует комиссию;",
    "а) в случае угрозы;",
    "Сноска. Статья исключена Законом от 19.06.2007 № 267.",
    "Оглавление",
    "Article 4",
    "Definitions",
    "(a) 'patrol' means a group;",
    "(i) act alone;",
    "Текст без номера, который продолжает пункт.",
    "Үкiмет алқалы орган болып табылады.",
    "CHAPTER II",
]
_WORD = st.text(
    alphabet=st.characters(
        categories=("L", "N", "P", "S", "Zs"),
        exclude_characters="\x00\ufeff",
    ),
    min_size=1,
    max_size=30,
)


@st.composite
def documents(draw: st.DrawFn) -> str:
    """Bills made of real structural lines, free text and odd characters."""
    lines = draw(st.lists(st.one_of(st.sampled_from(_LINES), _WORD), min_size=1, max_size=25))
    text = "\n".join(lines)
    if not text.strip():
        text += "\nТекст."
    return text


@given(documents())
def test_parsing_never_loses_a_character(text: str) -> None:
    bill = billdiff.parse(text)
    assert letters(bill.text()) == letters(text)


@given(documents())
def test_a_bill_compared_with_itself_has_no_change(text: str) -> None:
    bill = billdiff.parse(text)
    comparison = billdiff.compare(bill, bill)
    assert not comparison.changed
    assert all(change.kind == "unchanged" for change in comparison.changes)


@given(documents(), documents())
def test_spans_rebuild_old_and_new_article_text(a: str, b: str) -> None:
    comparison = billdiff.compare(billdiff.parse(a, profile="kz"), billdiff.parse(b, profile="kz"))
    for change in comparison.changes:
        if change.spans:
            assert change.old is not None and change.new is not None
            assert old_text(change.spans) == change.old.text
            assert new_text(change.spans) == change.new.text


@given(documents())
def test_line_endings_do_not_matter(text: str) -> None:
    lf = billdiff.parse(text.encode("utf-8"))
    crlf = billdiff.parse(text.replace("\n", "\r\n").encode("utf-8"))
    assert lf == crlf


@given(documents())
def test_every_line_of_the_body_is_compared_once(text: str) -> None:
    """Each line of the body is in one article or in the text outside the articles."""
    bill = billdiff.parse(text, profile="kz")
    articles = bill.articles()
    comparison = billdiff.compare(bill, bill)
    outside = [c for c in comparison.frame if c.eid == "outside"]
    if not articles:
        assert outside == []
        return
    compared = [line for article in articles for line in article.lines()]
    for change in outside:  # none when every line is in an article
        assert change.old is not None
        compared += change.old.text.split("\n")
    body = [line for unit in bill.body for line in unit.lines()]
    assert sorted(compared) == sorted(body)
