"""Structure warnings (issue 13, item 4): each plausibility check of billdiff.diagnose warns
on a synthetic collapse of its class, and no document of the shared corpus is warned about."""

from __future__ import annotations

import json
import time
from pathlib import Path

import jsonschema
import pytest

from billdiff import api
from billdiff.compare import Options
from billdiff.diagnose import count_candidates, diagnose, heading_number
from billdiff.model import Bill, StructureWarning, Unit, WarningCode
from billdiff.readers import read_text
from billdiff.schema import json_schema

from .conftest import FIXTURES
from .helpers import assert_valid_akn
from .test_cli import run

WIKI = "PROPOSAL FOR A REGULATION\n\n" + "\n\n".join(
    f"== Article {n}: Title number {n}\n\n1. Member States shall act.\n(a) first;\n(b) second."
    for n in range(1, 13)
)
WIKI_MESSAGE = "no articles found in 49 lines of text, although 12 look like article headings"
#: A profile that does not know "Article 5" headings: the readings collapse with it.
WRONG = "us"


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
    assert count_candidates(f"text\n{line}\nmore") == 1


@pytest.mark.parametrize(
    "line",
    [
        "Section 409C of the Public Health Service Act is amended—",
        "§ 47a wird wie folgt geändert:",
        "«Статья 5. Quoted heading of an amendment",
        "The Article 5 of the Regulation",
        "§ 195 Absatz 2 des Telekommunikationsgesetzes.",
        "Artikel 8 Absatz 2 oder Absatz 6 der Verordnung (EU) Nr. 1227/2011",
        "Article " + "x" * 200 + " 5",
    ],
)
def test_not_heading_candidates(line: str) -> None:
    assert heading_number(line) is None
    assert count_candidates(f"text\n{line}\nmore") == 0


def test_wiki_headings_are_read_without_a_warning() -> None:
    bill = api.parse(WIKI, source="eu.txt")
    assert len(bill.articles()) == 12
    assert bill.warnings == ()


def test_a_named_profile_that_finds_no_articles_warns() -> None:
    # The user named a profile that does not know these headings: the collapse is announced
    # even though the profile was not guessed.
    bill = api.parse(WIKI, source="eu.txt", profile=WRONG)
    assert codes(bill) == [WarningCode.NO_ARTICLES]
    assert "12 look like article headings" in bill.warnings[0].message


def test_headings_of_another_tradition_warn_of_few_articles() -> None:
    # Russian headings read by the Kazakh profile, English ones beside them not
    text = "# Code\n\n" + "\n\n".join(
        (f"Статья {n}." if n <= 3 else f"Article {n}") + f"\n\nLe texte de l'article {n}."
        for n in range(1, 16)
    )
    bill = api.parse(text, source="code.md", profile="kz")
    assert WarningCode.FEW_ARTICLES in codes(bill)
    assert "only 3 articles found, but 15 lines" in bill.warnings[0].message


# What an unclosed quotation leaves: article 2 holds the headings of articles 3 to 7.
SWALLOWED = tuple(line for n in range(3, 8) for line in (f"Article {n}", f"Rule {n}."))
SWALLOWING = Bill((article("1", "Scope."), article("2", "“ When adopting", *SWALLOWED)))


def test_article_swallowing_its_followers_warns() -> None:
    # without a document (XML input) the articles' own lines are scanned
    found = diagnose(SWALLOWING)
    assert [w.code for w in found] == [WarningCode.DOMINANT_ARTICLE]
    assert (
        found[0].message == "article 2 holds 5 lines that look like article headings of their own"
    )


def test_headings_of_no_article_warn() -> None:
    # with the document, its heading lines are compared with the articles found
    document = read_text("\n".join(SWALLOWING.lines()), source="q.txt")
    found = diagnose(SWALLOWING, document)
    assert [w.code for w in found] == [WarningCode.DOMINANT_ARTICLE]
    assert found[0].message == (
        "5 lines look like headings of articles that were not found (3, 4, 5, 6, 7): "
        "other articles may hold them"
    )
    # the table of contents of a sound bill repeats found numbers: no warning
    sound = Bill(tuple(article(str(n), "Text.") for n in range(1, 8)))
    toc = "\n".join(f"Article {n}" for n in range(1, 8))
    document = read_text(toc + "\n" + "\n".join(sound.lines()), source="toc.txt")
    assert diagnose(sound, document) == ()


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


# --- every output says so --------------------------------------------------------------------


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(WIKI, "utf-8")
    new.write_text(WIKI.replace("first;", "first one;"), "utf-8")
    return old, new


def test_cli_diff_warns_on_stderr_with_exit_status_unchanged(drafts: tuple[Path, Path]) -> None:
    old, new = drafts
    result = run("diff", "--profile", WRONG, old, new)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"billdiff: warning: {old}: {WIKI_MESSAGE}",
        f"billdiff: warning: {new}: {WIKI_MESSAGE}",
    ]
    # the text report says so after its header, before any change
    lines = result.stdout.splitlines()
    assert lines[2] == f"warning: {old}: {WIKI_MESSAGE}"
    same = run("diff", "--profile", WRONG, old, old)
    assert same.returncode == 0
    assert len(same.stderr.splitlines()) == 2


def test_cli_parse_warns_and_explains(drafts: tuple[Path, Path]) -> None:
    old, _ = drafts
    result = run("parse", "--profile", WRONG, old)
    assert result.returncode == 0
    assert result.stderr == f"billdiff: warning: {old}: {WIKI_MESSAGE}\n"
    assert_valid_akn(result.stdout.encode("utf-8"))
    explained = run("parse", "--profile", WRONG, "--explain", old)
    assert f"{old}: structure in doubt (no-articles): {WIKI_MESSAGE}" in explained.stderr


def test_cli_quiet_on_a_sound_bill() -> None:
    result = run("parse", FIXTURES / "sample.old.txt")
    assert result.returncode == 0
    assert result.stderr == ""


def test_json_lists_the_warnings_of_each_reading(drafts: tuple[Path, Path]) -> None:
    old, new = drafts
    data = json.loads(api.render(api.compare(old, new, profile=WRONG), "json"))
    jsonschema.validate(data, json_schema("changes"))
    assert data["version"] == 2
    assert data["warnings"] == [
        {"reading": side, "code": "no-articles", "message": WIKI_MESSAGE} for side in ("old", "new")
    ]


def test_html_report_has_a_banner_naming_the_reading(drafts: tuple[Path, Path]) -> None:
    old, new = drafts
    page = api.render(
        api.compare(old, new, profile=WRONG, options=Options(new_label="Draft 2")), "html"
    )
    banner = page[page.index('<div class="structure-warning"') : page.index("</header>")]
    assert "the structure found may be wrong" in banner
    assert f"<b>old.txt</b>: {WIKI_MESSAGE}" in banner
    assert f"<b>Draft 2</b>: {WIKI_MESSAGE}" in banner
    sound = api.compare(FIXTURES / "sample.old.txt", FIXTURES / "sample.new.txt")
    assert '<div class="structure-warning"' not in api.render(sound, "html")


def test_history_outputs_carry_the_warnings(drafts: tuple[Path, Path]) -> None:
    old, new = drafts
    result = api.history([old, new], profile=WRONG)
    data = json.loads(api.render_history(result, "json"))
    jsonschema.validate(data, json_schema("history"))
    assert data["version"] == 2
    assert [(w["reading"], w["code"]) for w in data["warnings"]] == [
        (0, "no-articles"),
        (1, "no-articles"),
    ]
    assert f"warning: [1] {WIKI_MESSAGE}" in api.render_history(result, "text")
    page = api.render_history(result, "html")
    assert f"<b>old.txt</b>: {WIKI_MESSAGE}" in page[: page.index("</header>")]
    cli = run("history", "--profile", WRONG, old, new)
    assert cli.stderr.splitlines() == [
        f"billdiff: warning: {old}: {WIKI_MESSAGE}",
        f"billdiff: warning: {new}: {WIKI_MESSAGE}",
    ]


def test_hostile_text_is_diagnosed_in_linear_time() -> None:
    # long blank runs and decoration without a heading, digits past int()'s limit
    text = "\n" * 200_000 + " " * 100_000 + "#" * 50_000 + "\nArticle " + "9" * 6000
    start = time.perf_counter()
    api.parse(text, source="hostile.txt")  # must end, without an error
    assert time.perf_counter() - start < 5
    labels = Bill(tuple(article("9" * 6000) for _ in range(3)))
    assert diagnose(labels) == ()


def test_a_text_no_profile_recognises_warns_even_when_short() -> None:
    # an OCR layer or a scanned bill read as prose: no articles, no tradition recognised,
    # fewer lines than the no-articles check counts
    text = "\n".join(f"The Parliament resolves on matter number {n} as follows" for n in range(30))
    bill = api.parse(text, source="ocr.txt")
    assert codes(bill) == [WarningCode.NO_ARTICLES]
    assert "no numbering profile recognised it" in bill.warnings[0].message
    # a US simple resolution is recognised: "Resolved, That …" is its signature
    resolution = "\n".join(
        f"Resolved, That the House of Representatives holds {n};" for n in range(30)
    )
    assert api.parse(resolution, source="hres.txt").warnings == ()
