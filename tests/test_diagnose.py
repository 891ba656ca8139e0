"""Structure warnings (issue 13, item 4): each plausibility check of billdiff.diagnose warns
on a synthetic collapse of its class, and no document of the shared corpus is warned about."""

from __future__ import annotations

from pathlib import Path

import pytest

from billdiff import api
from billdiff.diagnose import diagnose, heading_number
from billdiff.model import Bill, StructureWarning, Unit, WarningCode


def codes(bill: Bill) -> list[str]:
    return [warning.code for warning in bill.warnings]


def article(label: str, *content: str) -> Unit:
    return Unit("article", f"Article {label}", label, content=content, eid=f"art_{label}")


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("== Article 5: Prohibited practices", "5"),
        ("####### Article L1142-1", "L1142-1"),
        ("**ARTICLE 52ca**", "52ca"),
        ("- Art. 7. Scope", "7"),
        ("СТАТЬЯ 12. Название", "12"),
        ("Ст. 3 - Название", "3"),
        ("Стаття 4", "4"),
        ("5-бап. Атауы", "5"),
        ("3-1-бап.", "3-1"),
        ("§ 47a Überschrift", "47a"),
        ("SEC. 2. SHORT TITLE.", "2"),
        ("Artículo 9", "9"),
        ("Artikel 1er", "1er"),
    ],
)
def test_heading_candidates(line: str, number: str) -> None:
    assert heading_number(line) == number


@pytest.mark.parametrize(
    "line",
    [
        "Section 409C of the Public Health Service Act is amended—",
        "§ 47a wird wie folgt geändert:",
        "«Статья 5. Quoted heading of an amendment",
        "The Article 5 of the Regulation",
        "Article " + "x" * 200 + " 5",
    ],
)
def test_not_heading_candidates(line: str) -> None:
    assert heading_number(line) is None


def test_wiki_headings_give_no_articles_and_warn() -> None:
    text = "PROPOSAL FOR A REGULATION\n\n" + "\n\n".join(
        f"== Article {n}: Title number {n}\n\n1. Member States shall act.\n(a) first;\n(b) second."
        for n in range(1, 13)
    )
    bill = api.parse(text, source="eu.txt")
    assert codes(bill) == [WarningCode.NO_ARTICLES]
    assert "12 look like article headings" in bill.warnings[0].message


def test_deep_markdown_headings_warn_of_few_articles() -> None:
    # four-hash headings are read; seven-hash ones, deeper than Markdown allows, are not
    text = "# Code\n\n" + "\n\n".join(
        f"{'#' * (7 if n > 3 else 4)} Article L1142-{n}\n\nLe texte de l'article {n}."
        for n in range(1, 16)
    )
    bill = api.parse(text, source="code.md")
    assert WarningCode.FEW_ARTICLES in codes(bill)
    assert "only 3 articles found, but 15 lines" in bill.warnings[0].message


def test_article_swallowing_its_followers_warns() -> None:
    # what an unclosed quotation leaves: article 2 holds the headings of articles 3 to 7
    swallowed = tuple(line for n in range(3, 8) for line in (f"Article {n}", f"Rule {n}."))
    bill = Bill((article("1", "Scope."), article("2", "“ When adopting", *swallowed)))
    found = diagnose(bill)
    assert [w.code for w in found] == [WarningCode.DOMINANT_ARTICLE]
    assert (
        found[0].message == "article 2 holds 5 lines that look like article headings of their own"
    )


def test_one_article_holding_most_text_warns() -> None:
    units = [article(str(n), "Short.") for n in range(1, 9)]
    units[3] = article("4", *["A long paragraph of the fourth article." for _ in range(20)])
    found = diagnose(Bill(tuple(units)))
    assert [w.code for w in found] == [WarningCode.DOMINANT_ARTICLE]
    assert found[0].message.startswith("article 4 holds ")


def test_short_bill_with_one_long_article_is_quiet() -> None:
    # a resolution's findings may fill its section 1 of 6
    units = [article(str(n), "Short.") for n in range(1, 7)]
    units[0] = article("1", *["Whereas a finding." for _ in range(20)])
    assert diagnose(Bill(tuple(units))) == ()


def test_numbering_going_backwards_warns() -> None:
    text = "ACT\n\n" + "\n\n".join(
        f"Article {n}\n\nThe rule number {n} applies." for _ in range(4) for n in range(1, 4)
    )
    bill = api.parse(text, source="r.txt")
    assert codes(bill) == [WarningCode.NUMBERING]
    assert bill.warnings[0].message == "article numbers go backwards 3 times in 12 articles"


def test_numbering_restarting_in_each_part_is_quiet() -> None:
    parts = tuple(
        Unit("part", f"Part {p}", str(p), children=tuple(article(str(n)) for n in range(1, 4)))
        for p in range(1, 6)
    )
    assert diagnose(Bill(parts)) == ()


def test_numbering_skipping_most_numbers_warns() -> None:
    bill = Bill(tuple(article(str(n * 7)) for n in range(1, 14)))
    assert [w.code for w in diagnose(bill)] == [WarningCode.NUMBERING]


def test_unsure_profile_warns_only_when_guessed() -> None:
    text = "Some notes\n\n(a) item\n(b) item\n1. one\nArticle 1\nText\nArticle 2\nText\n"
    assert codes(api.parse(text, source="u.txt")) == [WarningCode.PROFILE_UNSURE]
    assert codes(api.parse(text, source="u.txt", profile="eu")) == []


def test_short_note_without_articles_is_quiet() -> None:
    text = "\n".join(f"Resolved, that line {n} holds." for n in range(40))
    assert api.parse(text, source="res.txt").warnings == ()


def test_warnings_add_up_without_repeats_and_do_not_change_equality() -> None:
    bill = Bill((article("1", "Text."),))
    first = StructureWarning(WarningCode.NUMBERING, "one")
    second = StructureWarning(WarningCode.NO_ARTICLES, "two")
    warned = bill.with_warnings((first,)).with_warnings((first, second))
    assert warned.warnings == (first, second)
    assert warned == bill
    assert bill.with_warnings(()) is bill


@pytest.mark.corpus
def test_corpus_is_quiet(corpus: Path) -> None:
    files = [
        path
        for pattern in ("*/*.md", "*/*.txt", "*/*.xml")
        for path in sorted(corpus.glob(pattern))
        if path.name != "README.md"
    ]
    assert files
    warned = {
        path.name: [w.message for w in bill.warnings]
        for path in files
        if (bill := api.read(path)).warnings
    }
    assert warned == {}
