"""What a reading is, as the Akoma Ntoso naming convention names it: the FRBR URIs of its work
and expression (``/akn/kz/bill/1995-12-18/2688/rus@1995-12-18``), its title and language.

Each part comes from what the caller knows first (``country``, ``date``, ``number`` given to
:func:`identify`, as the CLI's ``--country``/``--date`` or a dossier's dates), then from the
document: its profile's country (a German § or a UK clause says where it comes from; a Russian
text names its state), and the date and number its title line names it by ("от 18 декабря
1995 года N 2688", "1995 жылғы 18 желтоқсандағы № 2688", "vom 20. Dezember 1988", "du 7
novembre 1958", "of December 18, 1995"). What is not known is written as the convention's
placeholders and said in :attr:`Identity.unknown`: country ``zz`` (ISO 3166's code for an
unknown region), date ``0001-01-01``, number ``nn``, never a plausible value that is wrong.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from billdiff.model import Bill

#: ISO 639-2/B codes of the languages billdiff reads, for FRBRlanguage; others are "und".
LANG3 = {"ru": "rus", "kk": "kaz", "en": "eng", "fr": "fra", "de": "deu", "sw": "swa"}

UNKNOWN_COUNTRY = "zz"
UNKNOWN_DATE = "0001-01-01"
UNKNOWN_NUMBER = "nn"

_MONTHS = {
    # Russian (genitive), Kazakh, German, French, English: month name -> number
    **dict.fromkeys(("января",), 1),
    **dict.fromkeys(("февраля",), 2),
    **dict.fromkeys(("марта",), 3),
    **dict.fromkeys(("апреля",), 4),
    **dict.fromkeys(("мая",), 5),
    **dict.fromkeys(("июня",), 6),
    **dict.fromkeys(("июля",), 7),
    **dict.fromkeys(("августа",), 8),
    **dict.fromkeys(("сентября",), 9),
    **dict.fromkeys(("октября",), 10),
    **dict.fromkeys(("ноября",), 11),
    **dict.fromkeys(("декабря",), 12),
    **dict.fromkeys(("қаңтар", "january", "januar", "jänner", "janvier"), 1),
    **dict.fromkeys(("ақпан", "february", "februar", "février"), 2),
    **dict.fromkeys(("наурыз", "march", "märz", "mars"), 3),
    **dict.fromkeys(("сәуір", "april", "avril"), 4),
    **dict.fromkeys(("мамыр", "may", "mai"), 5),
    **dict.fromkeys(("маусым", "june", "juni", "juin"), 6),
    **dict.fromkeys(("шілде", "july", "juli", "juillet"), 7),
    **dict.fromkeys(("тамыз", "august", "août"), 8),
    **dict.fromkeys(("қыркүйек", "september", "septembre"), 9),
    **dict.fromkeys(("қазан", "october", "oktober", "octobre"), 10),
    **dict.fromkeys(("қараша", "november", "novembre"), 11),
    **dict.fromkeys(("желтоқсан", "december", "dezember", "décembre"), 12),
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY = r"(?P<d>[0-3]?\d)(?:er|\.)?"
_DATES = re.compile(
    "|".join(
        (
            r"\b(?P<iy>\d{4})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b",  # 1995-12-18
            r"\b(?P<nd>[0-3]?\d)\.(?P<nm>[01]?\d)\.(?P<ny>\d{4})\b",  # 18.12.1995
            # 18 декабря 1995, 20. Dezember 1988, 1er janvier 2024, 18 December 1995
            rf"\b{_DAY}\s+(?P<m>{_MONTH})\s+(?P<y>\d{{4}})\b",
            # December 18, 1995
            rf"\b(?P<em>{_MONTH})\s+(?P<ed>[0-3]?\d),?\s+(?P<ey>\d{{4}})\b",
            # 1995 жылғы 18 желтоқсандағы (the month takes a suffix)
            rf"\b(?P<ky>\d{{4}})\s+жылғы\s+(?P<kd>[0-3]?\d)\s+(?P<km>{_MONTH})",
        )
    ),
    re.IGNORECASE,
)
# "№ 2688", "N 2688", "No. 12", "Nr. 12", "n° 58-1067", "№ 94-VIII": a document's number
_NUMBER = re.compile(r"(?:№|\bN\b|\bNo\.|\bNr\.|\bn[°º])\s*(?P<n>\d[\w-]*)", re.IGNORECASE)
_SLUG = re.compile(r"[^\w]+")
# What introduces the date of a document in its title, in the languages billdiff reads; a
# Kazakh date ("1995 жылғы 18 желтоқсандағы") introduces itself.
_NAMED = re.compile(r"(?:\b(?:от|vom|v\.|du|of|dated)\s+|(?=\d{4}\s+жылғы))", re.IGNORECASE)
# Words of an amending act's title: a date after them is the amended act's, not its own.
_AMENDING = re.compile(
    r"изменени|дополнени|өзгеріс|толықтыру|änderung|ändern|amend|modifi", re.IGNORECASE
)
_NEAR = 30  # at most this many characters between the date and its number ("года ")

# Words of a text in Russian or Kazakh that name the state whose law it is (the kz profile
# reads both Kazakhstan's and Russia's laws).
_STATES = (
    ("kz", re.compile(r"Республики\s+Казахстан|Қазақстан\s+Республикас", re.IGNORECASE)),
    ("ru", re.compile(r"Российской\s+Федерации", re.IGNORECASE)),
)
_PROFILE_COUNTRY = {"de": "de", "fr": "fr", "uk": "gb", "us": "us", "eu": "eu", "tz": "tz"}


@dataclass(frozen=True)
class Identity:
    country: str  # ISO 3166-1 alpha-2, lower case ("gb"), or "eu"; "zz" when not known
    date: str  # the work's date, ISO; UNKNOWN_DATE when not known
    number: str  # the work's number, or a short name made from its title; "nn" when neither
    language: str  # ISO 639-2/B ("rus"), "und" when not known
    title: str
    #: The date of this reading (the expression's), ISO: the one given, else the work's.
    expression_date: str = ""
    #: The parts written as placeholders because nothing said what they are.
    unknown: tuple[str, ...] = ()
    #: Where the work's date comes from: "text" (the document states it), "given" (the
    #: reading's date stands for it) or "unknown" (a placeholder).
    date_from: str = "text"

    @property
    def work(self) -> str:
        return f"/akn/{self.country}/bill/{self.date}/{self.number}"

    @property
    def expression(self) -> str:
        return f"{self.work}/{self.language}@{self.expression_date or self.date}"


def _iso(match: re.Match[str]) -> str:
    """The ISO date of a match of ``_DATES``; "" for one that is no date (31 February)."""
    groups = {k: v for k, v in match.groupdict().items() if v}
    year = next(groups[k] for k in ("iy", "ny", "y", "ey", "ky") if k in groups)
    day = next(groups[k] for k in ("id", "nd", "d", "ed", "kd") if k in groups)
    month_text = next(groups[k] for k in ("im", "nm", "m", "em", "km") if k in groups)
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower(), 0)
    found = f"{int(year):04d}-{month:02d}-{int(day):02d}"
    return found if _is_date(found) else ""


def find_date(lines: Iterable[str]) -> str:
    """The first date written in the lines, as an ISO date; "" when there is none."""
    for line in lines:
        for match in _DATES.finditer(line):
            found = _iso(match)
            if found:
                return found
    return ""


def naming(line: str) -> tuple[str, str]:
    """The date and number a title line names its own document by: a date introduced as a
    title introduces it ("от 18 декабря 1995 года N 2688", "1995 жылғы 18 желтоқсандағы
    № 2688", "vom 20. Dezember 1988", "du 7 novembre 1958", "of 5 July 2024") and a number
    right after it; ("", "") for a date that says something else ("for the fiscal year ending
    September 30, 2019") or none."""
    for intro in _NAMED.finditer(line):
        match = _DATES.match(line, intro.end())
        found = _iso(match) if match is not None else ""
        if match is None or not found:
            continue
        if _AMENDING.search(line, 0, intro.start()):
            # "О внесении изменений в Закон от 18 декабря 1995 года": the amended act's date
            return "", ""
        number = _NUMBER.search(line, match.end())
        if number is not None and number.start() - match.end() <= _NEAR:
            return found, number.group("n").strip("-")
        before = list(_NUMBER.finditer(line, 0, intro.start()))  # "Loi n° 2023-270 du …"
        return found, before[-1].group("n").strip("-") if before else ""
    return "", ""


def _is_date(text: str) -> bool:
    # the pattern first: Python's fromisoformat also takes week dates ("2024-W01-1")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) is None:
        return False
    try:
        return bool(datetime.date.fromisoformat(text))
    except ValueError:
        return False


def find_number(lines: Iterable[str]) -> str:
    """The first document number written in the lines ("№ 94-VIII" -> "94-VIII"), or ""."""
    for line in lines:
        match = _NUMBER.search(line)
        if match:
            return match.group("n").strip("-")
    return ""


def _country(bill: Bill, head: list[str]) -> str:
    found = _PROFILE_COUNTRY.get(bill.profile, "")
    if found:
        return found
    if bill.profile == "kz" or bill.language in ("ru", "kk"):
        for code, words in _STATES:
            if any(words.search(line) for line in head):
                return code
        if bill.language == "kk":
            return "kz"  # Kazakh is the state language of Kazakhstan alone
    return ""


def identify(bill: Bill, *, country: str = "", date: str = "", number: str = "") -> Identity:
    """The reading's identity: what is given first, then what the document says. ``date`` is
    the reading's date (the expression's); the work's is the first the document states."""
    if country and not re.fullmatch(r"[A-Za-z]{2}", country):
        raise ValueError(f"country {country!r}: give an ISO 3166 code of two letters, as kz or gb")
    if date and not _is_date(date):
        raise ValueError(f"date {date!r}: give an ISO date, as 2024-07-05")
    # Only the title line: further on, in the preamble, notes and contents, dates and numbers
    # are of other acts ("в редакции Закона от ... N 379", "signed into law on April 10,
    # 1979"), and a wrong identity that looks right is worse than a placeholder that says so.
    title = bill.title
    head = [title] if title else []
    stated_date, stated_number = naming(title)
    unknown: list[str] = []
    country = (country or _country(bill, head)).lower()
    if not country:
        country = UNKNOWN_COUNTRY
        unknown.append("country")
    # the work's date is the one the document states (a law's date of adoption); the date
    # given is this reading's, the expression's, and the work's too when the text has none
    work_date, date_from = stated_date, "text"
    if not work_date:
        work_date, date_from = date, "given"
    if not work_date:
        work_date, date_from = UNKNOWN_DATE, "unknown"
        unknown.append("date")
    number = _SLUG.sub("-", number or stated_number).strip("-")
    if not number:
        # a short name from the title's first words, as the convention allows for a work
        # without a number
        number = _SLUG.sub("-", " ".join(title.split()[:6]).lower()).strip("-_")[:60]
    if not number:
        number = UNKNOWN_NUMBER
        unknown.append("number")
    return Identity(
        country,
        work_date,
        number,
        LANG3.get(bill.language, "und"),
        title,
        date or work_date,
        tuple(unknown),
        date_from,
    )
