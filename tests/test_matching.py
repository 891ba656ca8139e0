"""Matching articles by content: renumbering, moves, splits, merges, stubs, noise."""

from __future__ import annotations

import billdiff
from billdiff.align import Item, align
from billdiff.changes import Comparison
from billdiff.compare import Options

from .conftest import FIXTURES

CASES = FIXTURES / "matching"


def run(case: str, options: Options | None = None) -> Comparison:
    old = billdiff.read(CASES / f"{case}.old.txt")
    new = billdiff.read(CASES / f"{case}.new.txt")
    return billdiff.compare(old, new, options=options)


def table(comparison: Comparison) -> list[tuple[str, str | None, str | None]]:
    return [
        (c.kind, c.old.label if c.old else None, c.new.label if c.new else None)
        for c in comparison.changes
    ]


def test_an_inserted_article_renumbers_the_rest_without_rewriting_them() -> None:
    comparison = run("renumber")
    assert table(comparison) == [
        ("unchanged", "1", "1"),
        ("added", None, "2"),
        ("renumbered", "2", "3"),
        ("renumbered", "3", "4"),
        ("modified", "4", "5"),
        ("renumbered", "5", "6"),
        ("renumbered", "6", "7"),
    ]
    modified = comparison.changes[4]
    edits = [(s.op, s.text, s.noise) for s in modified.spans if s.op != "equal"]
    # "статьей 5" -> "статьей 6" points at the same article: a renumbered reference
    assert edits == [("delete", "5", "reference"), ("insert", "6", "reference")]
    assert modified.noise_only


def test_ignoring_reference_noise_makes_the_article_renumbered() -> None:
    comparison = run("renumber", Options(ignore=frozenset({"reference"})))
    assert table(comparison)[4] == ("renumbered", "4", "5")
    assert comparison.changes[4].spans  # the spans stay, classified


def test_a_moved_article() -> None:
    assert table(run("move")) == [
        ("unchanged", "1", "1"),
        ("renumbered", "3", "2"),
        ("renumbered", "4", "3"),
        ("moved", "2", "4"),
        ("unchanged", "5", "5"),
    ]


def test_a_split_article_is_one_entry_per_pair() -> None:
    assert table(run("split")) == [
        ("unchanged", "1", "1"),
        ("split", "2", "2"),
        ("split", "2", "3"),
        ("renumbered", "3", "4"),
    ]


def test_merged_articles() -> None:
    assert table(run("merge")) == [
        ("unchanged", "1", "1"),
        ("merged", "2", "2"),
        ("merged", "3", "2"),
        ("renumbered", "4", "3"),
    ]


def test_identical_stubs_are_paired_by_number() -> None:
    assert table(run("stubs")) == [
        ("unchanged", "1", "1"),
        ("unchanged", "2", "2"),
        ("unchanged", "3", "3"),
        ("unchanged", "4", "4"),
        ("modified", "5", "5"),
        ("modified", "6", "6"),  # a stub filled with a new article
        ("excluded", "7", "7"),
    ]


def test_an_inserted_point_is_one_insertion() -> None:
    comparison = billdiff.compare(FIXTURES / "sample.old.txt", FIXTURES / "sample.new.txt")
    first = comparison.changes[0]
    assert [s.op for s in first.spans] == ["equal", "insert", "equal"]
    assert [(p.kind, p.new.num if p.new else None) for p in first.parts] == [
        ("unchanged", "1)"),
        ("added", "1-1)"),
        ("unchanged", "2)"),
    ]


def test_inserted_point_renumbers_later_points_quietly() -> None:
    old = billdiff.parse(
        "Article 1\nScope\n1. This applies:\n(a) to patrols;\n(b) to volunteers;\n(c) to police.\n",
        profile="eu",
    )
    new = billdiff.parse(
        "Article 1\nScope\n1. This applies:\n(a) to patrols;\n(b) to mayors;\n(c) to volunteers;\n"
        "(d) to police.\n",
        profile="eu",
    )
    change = billdiff.compare(old, new).changes[0]
    kinds = [
        (p.kind, p.old.num if p.old else None, p.new.num if p.new else None) for p in change.parts
    ]
    assert kinds == [
        ("modified", "1.", "1."),
        ("unchanged", "(a)", "(a)"),
        ("added", None, "(b)"),
        ("renumbered", "(b)", "(c)"),
        ("renumbered", "(c)", "(d)"),
    ]
    noisy = {s.text: s.noise for s in change.spans if s.op != "equal"}
    assert noisy["(b)"] == "numbering" and noisy["(d)"] == "numbering"
    assert noisy["(b) to mayors;"] == "" if "(b) to mayors;" in noisy else True


def test_whitespace_quotes_and_dashes_are_noise() -> None:
    old = billdiff.parse("Статья 1. Цель\nЗакон «О дружинах» – основа.\n")
    new = billdiff.parse('Статья 1. Цель\nЗакон "О дружинах" - основа.\n')
    change = billdiff.compare(old, new).changes[0]
    assert change.kind == "modified" and change.noise_only
    assert {s.noise for s in change.spans if s.op != "equal"} == {"quotes", "quotes,dashes"}
    ignored = billdiff.compare(old, new, options=Options(ignore=frozenset({"quotes", "dashes"})))
    assert ignored.changes[0].kind == "unchanged"


def _articles(n: int, *, offset: int = 0, extra: str = "") -> list[Item]:
    return [
        Item(str(k + offset), f"Article text number {k} about subject {k * 7919 % 1000} {extra}")
        for k in range(n)
    ]


def test_large_bill_with_an_insertion_at_the_top() -> None:
    old = _articles(2000)
    new = [
        Item("0", "A brand new article on a different matter entirely"),
        *_articles(2000, offset=1),
    ]
    pairs = align(old, new)
    matched = [(p.old, p.new) for p in pairs if p.old is not None and p.new is not None]
    assert matched == [(k, k + 1) for k in range(2000)]
    assert [p.new for p in pairs if p.old is None] == [0]


def test_near_identical_articles_differing_in_a_reference() -> None:
    old = [
        Item(str(k), f"The fee under section {k} is paid to the regulator.") for k in range(1, 40)
    ]
    new = [
        Item(str(k), f"The fee under section {k} is paid to the regulator.") for k in range(1, 40)
    ]
    new[9] = Item("10", "The fee under section 10 is paid to the minister.")
    pairs = align(old, new)
    assert all(p.old == p.new for p in pairs)
    assert all(p.in_order for p in pairs)


def test_title_and_back_matter_are_compared_outside_the_articles() -> None:
    old = billdiff.parse(
        "A BILL\nTo protect patrols.\nSEC. 1. SHORT TITLE.\nThis Act may be cited as the Patrol Act.\n"
        "Passed the House of Representatives July 24, 2019.\nAttest: CHERYL L. JOHNSON, Clerk.\n",
        profile="us",
    )
    new = billdiff.parse(
        "AN ACT\nTo protect patrols.\nSEC. 1. SHORT TITLE.\nThis Act may be cited as the Patrol Act.\n"
        "Speaker of the House of Representatives.\n",
        profile="us",
    )
    assert [line.text for line in new.conclusions] == ["Speaker of the House of Representatives."]
    assert "Speaker" not in new.articles()[0].text()
    comparison = billdiff.compare(old, new)
    assert [c.kind for c in comparison.changes] == ["unchanged"]
    assert [(c.kind, c.new.eid if c.new else None) for c in comparison.frame] == [
        ("modified", "preface"),
        ("modified", "conclusions"),
    ]
    assert comparison.changed
    assert billdiff.compare(old, old).frame[0].kind == "unchanged"


def test_chapter_headings_and_annexes_are_compared_outside_the_articles() -> None:
    """Text in no article (a chapter's heading, an annex without articles) is not lost from
    the comparison: it is one more entry of the frame, compared whole."""
    old = billdiff.parse(
        "Глава 1. Общие положения\nСтатья 1. Цель\nТекст.\n"
        "Глава 2. Полномочия дружинников\nСтатья 2. Права\nДружинник может.\n"
    )
    new = billdiff.parse(
        "Глава 1. Общие положения\nСтатья 1. Цель\nТекст.\n"
        "Глава 2. Обязанности дружинников\nСтатья 2. Права\nДружинник может.\n"
    )
    comparison = billdiff.compare(old, new)
    assert [c.kind for c in comparison.changes] == ["unchanged", "unchanged"]
    (outside,) = comparison.frame
    assert (outside.kind, outside.eid) == ("modified", "outside")
    assert [(s.op, s.text) for s in outside.spans if s.op != "equal"] == [
        ("delete", "Полномочия"),
        ("insert", "Обязанности"),
    ]
    assert comparison.changed
    assert billdiff.compare(old, old).frame[0].kind == "unchanged"


def test_a_schedule_without_sections_is_compared() -> None:
    text = (
        "1 Short title\n(1) This Act may be cited as the Patrol Act.\n"
        "SCHEDULE 1\nPatrols\n(1) A patrol may use {} force.\n(2) A patrol reports.\n"
    )
    old = billdiff.parse(text.format("reasonable"), profile="uk")
    new = billdiff.parse(text.format("any"), profile="uk")
    assert len(new.articles()) == 1
    assert "force" not in new.articles()[0].text()  # the schedule is not part of section 1
    comparison = billdiff.compare(old, new)
    assert [c.kind for c in comparison.changes] == ["unchanged"]
    (outside,) = comparison.frame
    assert outside.kind == "modified"
    assert [(s.op, s.text) for s in outside.spans if s.op != "equal"] == [
        ("delete", "reasonable"),
        ("insert", "any"),
    ]


def test_a_bill_without_articles_has_no_outside_entry() -> None:
    old, new = billdiff.parse("Preamble.\n\nSome text."), billdiff.parse("Preamble.\n\nMore text.")
    assert not new.articles()
    assert "outside" not in [c.eid for c in billdiff.compare(old, new).frame]


def test_the_text_outside_the_articles_of_one_reading_is_reported_when_the_other_has_none() -> None:
    old = billdiff.parse("Глава 1. Общие положения\nСтатья 1. Цель\nТекст закона.", profile="kz")
    new = billdiff.parse("Глава 1. Иные положения\nТекст.", profile="kz")
    assert old.articles() and not new.articles()
    outside = [c for c in billdiff.compare(old, new).frame if c.eid.endswith("outside")]
    assert [(c.kind, c.old.text if c.old else None, c.new) for c in outside] == [
        ("deleted", "Глава 1. Общие положения", None)
    ]


def test_terminal_text_shows_the_changed_lines_of_long_text_outside_the_articles() -> None:
    schedule = [f"({n}) A patrol keeps record {n}." for n in range(1, 40)]
    old_text = "\n".join(
        ["1 Short title", "(1) This Act is the Patrol Act.", "SCHEDULE 1", *schedule]
    )
    schedule[19] = "(20) A patrol keeps a written record 20."
    new_text = "\n".join(
        ["1 Short title", "(1) This Act is the Patrol Act.", "SCHEDULE 1", *schedule]
    )
    comparison = billdiff.compare(
        billdiff.parse(old_text, profile="uk"), billdiff.parse(new_text, profile="uk")
    )
    text = billdiff.render(comparison, "text")
    body = text.split("== MODIFIED: Text outside the articles\n", 1)[1]
    assert body.splitlines() == [
        "…",
        "(19) A patrol keeps record 19.",
        "(20) A patrol keeps {+a written +}record 20.",
        "(21) A patrol keeps record 21.",
        "…",
    ]


def test_the_words_a_piece_took_from_what_a_unit_lost_are_counted_as_by_subtraction() -> None:
    from collections import Counter

    from hypothesis import given
    from hypothesis import strategies as st

    from billdiff.align import _common, _common_lost

    bags = st.lists(st.sampled_from("abcdefgh"), max_size=30).map(Counter)

    @given(whole=bags, kept=bags, piece=bags)
    def check(whole: Counter[str], kept: Counter[str], piece: Counter[str]) -> None:
        assert _common_lost(whole, kept, piece) == _common(whole - kept, piece)

    check()


def test_a_bag_of_words_keeps_its_size_and_refuses_to_change() -> None:
    import pickle

    import pytest

    from billdiff.align import _Bag

    bag = _Bag(["закон", "статья", "закон"])
    assert bag.total() == 3 and bag["закон"] == 2
    copy = pickle.loads(pickle.dumps(bag))
    assert copy == bag and copy.total() == 3 and bag.copy().total() == 3
    for change in (
        lambda: bag.update(["x"]),
        lambda: bag.subtract(["закон"]),
        lambda: bag.pop("закон"),
        lambda: bag.clear(),
        lambda: bag.setdefault("y", 1),
        lambda: bag.__delitem__("закон"),
        lambda: bag.__iadd__(_Bag(["z"])),
    ):
        with pytest.raises(TypeError):
            change()
    assert bag.total() == sum(bag.values()) == 3
