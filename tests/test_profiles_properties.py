"""Hypothesis properties of every numbering profile on generated documents: parsing never
loses a character, quoted structure never becomes an article, an article never holds another,
and a document in one tradition is detected as that tradition."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import billdiff
from billdiff.profiles import all_profiles, detect_profile

from .helpers import letters

# Real-looking lines of each tradition: structure, quotations, stubs, notes, and prose.
LINES: dict[str, list[str]] = {
    "kz": [
        "Раздел 1. Общая часть",
        "Глава ІІ. Компетенция",
        "Параграф 1. Основные понятия",
        "2-параграф. Изменения",
        "Статья 1. Основные понятия",
        "Cтатья 2. Цели",
        "Статья 3-1. Присяга",
        "5-бап. Мәртебесі",
        "I ТАРАУ. ЖАЛПЫ ЕРЕЖЕЛЕР",
        "1. Правительство образуется Президентом.",
        "1) разрабатывает направления;",
        "5-1) образует комиссию;",
        "а) в случае угрозы;",
        "Сноска. Статья исключена Законом от 19.06.2007 № 267.",
        "Ескерту. 1-бапқа өзгеріс енгізілді.",
        "Статья 7. Исключена",
        "1. Статью 5 изложить в следующей редакции:",
        "«Статья 5. Полномочия",
        "2) доставлять.».",
        "Оглавление",
        "Правительство осуществляет исполнительную власть Республики.",
    ],
    "eu": [
        "TITLE I",
        "CHAPTER II",
        "SECTION 1",
        "Article 4",
        "Article 5 – Scope",
        "Definitions",
        "1. This Regulation lays down the rules.",
        "(a) 'patrol' means a group of persons;",
        "(h) 'helper' means a volunteer;",
        "(i) act alone;",
        "(ii) act together;",
        "Article 4 of Regulation (EU) 2020/5 is replaced by the following:",
        '"Article 4',
        '2. It covers all patrols."',
        "Deleted",
        "ANNEX I",
        "The Member States shall apply the rules of this Regulation.",
    ],
    "us": [
        "TITLE I—PATROLS",
        "Subtitle A—General Provisions",
        "SEC. 101. DEFINITIONS.",
        "SECTION 1. SHORT TITLE.",
        "Sec. 102.",
        "(a) In general.—In this title:",
        "(1) Patrol.—The term means—",
        "(A) a group of persons;",
        "(H) Helper.—",
        "(i) a patrol; or",
        "(I) battery powered; or",
        "(ii) an inspector.",
        "Section 5 of the Patrol Act is amended to read as follows:",
        '"SEC. 5. PATROL DUTIES.',
        '"(a) Duties.—A patrol shall watch.".',
        "“SEC. 6. REPORTS.",
        "Resolved by the Senate (the House of Representatives concurring),",
        "The Secretary shall report to Congress not later than 1 year after enactment.",
    ],
    "uk": [
        "CONTENTS",
        "Part 1",
        "Chapter 2",
        "1 Establishment of patrols",
        "2 Powers of patrols",
        "3 Short title",
        "(1)",
        "(2)",
        "(a)",
        "(i)",
        "After section 96 of the Patrols Act 2010 insert—",
        "96A Powers of patrols",
        ".",
        ";",
        "Schedule 1",
        "A local authority may establish a night patrol in the area of the authority.",
    ],
    "de": [
        "Erster Teil - Allgemeines",
        "Zweiter Abschnitt - Befugnisse",
        "Abschnitt 2 - Verfahren",
        "Erster Titel - Anhalten",
        "§ 1 Zweck",
        "§ 47a Markttransparenzstelle",
        "§ 6 (weggefallen)",
        "(XXXX) §§ 2 bis 4 (weggefallen)",
        "(1) Dieses Gesetz regelt die Nachtstreifen.",
        "1.  zwei Mitgliedern,",
        "a)  einem Auto oder",
        "aa) Licht und",
        "1. Mai 2024 in Kraft.",
        "§ 5 gilt entsprechend.",
        "Anlage (zu § 1)",
        "Die Streife darf anhalten, wenn die Voraussetzungen nach dem Gesetz vorliegen.",
    ],
    "fr": [
        "Livre Ier - Dispositions générales",
        "Titre II : Principes",
        "Chapitre Ier - Objet",
        "Section 2",
        "Article 1er",
        "Article L4111-1-1",
        "Article 9-2",
        "Article 11 – Entrée en vigueur",
        "I. – La présente loi organise les patrouilles.",
        "1° Aux communes ;",
        "1° bis Aux intercommunalités ;",
        "a) créer une patrouille ;",
        "(abrogé)",
        "L'article 9 de la loi est ainsi rédigé :",
        "« Article 9",
        "« I. – La patrouille est dirigée par le maire. »",
        "Article 10 à 18 de la loi du 30 août 1883 ;",
        "Le maire désigne les membres de la patrouille dans la commune.",
    ],
    "tz": [
        "Sehemu I",
        "1. Jina la sheria",
        "2. Tafsiri",
        "3.",
        "3A. Doria za ziada",
        "(1)",
        "(a)",
        "(i)",
        "[Imefutwa na Sheria Na. 4 ya 1992 ib. 10.]",
        "Nyongeza ya kwanza",
        "Sheria hii itaitwa Sheria ya Doria za Usiku na itatumika kwa wote.",
    ],
    "generic": [
        "Розділ I",
        "ЗАГАЛЬНІ ПОЛОЖЕННЯ",
        "Стаття 1. Визначення термінів",
        "Стаття 2. Сфера дії",
        "Стаття 3-1. Нова стаття",
        "Art. 4. Ustawa określa zasady.",
        "Artikel 5",
        "1. У цьому Законі терміни вживаються.",
        "1) орган - державний орган;",
        "а) видавати акти;",
        "«Стаття 7. Цитована",
        "Цей Закон набирає чинності з дня його опублікування.",
    ],
}
#: Article lines of each tradition that detection must recognise.
ARTICLES: dict[str, list[str]] = {
    "kz": ["Статья 1. Цель", "Статья 2. Понятия", "3-бап. Мәртебесі", "Статья 4-1."],
    "eu": ["Article 1", "Article 2", "Article 3 – Scope", "Article 4"],
    "us": ["SEC. 101. DEFINITIONS.", "SEC. 102. FUNDING.", "SECTION 1. SHORT TITLE."],
    "uk": ["1 Establishment of patrols", "2 Powers of patrols", "3 Short title"],
    "de": ["§ 1 Zweck", "§ 2 Begriffe", "§ 2a Umfang", "§ 3 Inkrafttreten"],
    "fr": ["Article 1er", "Article 2", "Article L4111-1", "Article 9-2"],
    "tz": ["1. Jina la sheria", "2. Tafsiri", "3. Kuanza kutumika"],
}
PROSE: dict[str, str] = {
    "kz": "Правительство Республики Казахстан осуществляет исполнительную власть.",
    "eu": "The Member States shall apply the rules of this Regulation to all patrols.",
    "us": "The Secretary shall submit to Congress a report on the patrols of the year.",
    "uk": "A local authority must publish a report on the patrols in its area.",
    "de": "Die Streife darf anhalten, wenn die Voraussetzungen nach dem Gesetz vorliegen.",
    "fr": "Le maire désigne les membres de la patrouille dans la commune.",
    "tz": "Sheria hii itaitwa Sheria ya Doria za Usiku na itatumika kwa wote.",
    "generic": "Цей Закон набирає чинності з дня його опублікування.",
}
NAMES = sorted(LINES)
#: Profiles whose detection and score are learnt from the document's numbering (generic): a
#: permutation of its article lines is no numbering, and its score is not a count of lines.
LEARNING = {cls.name for cls in all_profiles() if cls.learns}
DETECTED = [name for name in NAMES if name not in LEARNING]

_NOISE = st.text(
    alphabet=st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters="\x00\ufeff"),
    min_size=1,
    max_size=30,
)


@st.composite
def documents(draw: st.DrawFn, name: str) -> str:
    """A document of the tradition's lines, prose and odd characters; Markdown-like blank
    lines between some lines (wrapped German paragraphs depend on them). It ends with a line of
    prose: a document of nothing but markup ("#") has no text, and reading it is an error."""
    lines = draw(st.lists(st.one_of(st.sampled_from(LINES[name]), _NOISE), min_size=1, max_size=30))
    gaps = draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    text = "".join(line + ("\n\n" if gap else "\n") for line, gap in zip(lines, gaps, strict=True))
    return text + PROSE[name]


def test_every_profile_has_generated_documents() -> None:
    assert {cls.name for cls in all_profiles()} == set(NAMES) == set(ARTICLES) | LEARNING


@pytest.mark.parametrize("name", NAMES)
@given(data=st.data())
def test_parsing_never_loses_a_character(name: str, data: st.DataObject) -> None:
    text = data.draw(documents(name))
    bill = billdiff.parse(text, profile=name)
    assert letters(bill.text()) == letters(text)


@pytest.mark.parametrize("name", NAMES)
@given(data=st.data())
def test_an_article_never_holds_another(name: str, data: st.DataObject) -> None:
    bill = billdiff.parse(data.draw(documents(name)), profile=name)
    for article in bill.articles():
        assert all(u.kind != "article" for u in article.iter() if u is not article)
    eids = [unit.eid for unit in bill.iter()]
    assert len(eids) == len(set(eids))


@pytest.mark.parametrize("name", NAMES)
@given(data=st.data())
def test_quoted_lines_are_never_units(name: str, data: st.DataObject) -> None:
    """A line that opens with a quote mark is text of the unit that quotes it."""
    text = data.draw(documents(name))
    bill = billdiff.parse(text, profile=name)
    for unit in bill.iter():
        assert not unit.num.startswith(("«", "“", '"'))


@pytest.mark.parametrize("name", DETECTED)
@given(data=st.data())
def test_a_document_of_one_tradition_is_detected(name: str, data: st.DataObject) -> None:
    articles = data.draw(st.lists(st.sampled_from(ARTICLES[name]), min_size=3, max_size=8))
    prose = data.draw(st.lists(st.just(PROSE[name]), min_size=1, max_size=5))
    lines = data.draw(st.permutations(articles + prose))
    profile, confidence = detect_profile(lines)
    assert profile.name == name
    assert confidence >= 0.5


@pytest.mark.parametrize("name", DETECTED)
@given(data=st.data())
def test_a_profile_counts_the_lines_that_fit_its_structure_or_signature(
    name: str, data: st.DataObject
) -> None:
    profile = next(cls for cls in all_profiles() if cls.name == name)
    counting = type("Counting", (profile,), {"words": None})()  # the count, not weighed down
    lines = data.draw(st.lists(st.sampled_from([*LINES[name], "x" * 301, "", "Plain text."])))
    structural = counting.any_level(in_article=False)
    signature = counting.signature
    assert counting.score(lines) == sum(
        1
        for line in lines
        if len(line) <= 300
        and (structural.match(line) or (signature is not None and signature.match(line)))
    )


@given(
    numbers=st.lists(st.integers(min_value=1, max_value=400), min_size=3, max_size=40, unique=True)
)
def test_the_generic_profile_finds_the_articles_in_sequence(numbers: list[int]) -> None:
    """Whatever the heading word, the articles found are those whose numbers increase."""
    numbers.sort()
    text = "".join(f"Članak {n}.\nTekst članka {n} je ovdje.\n" for n in numbers)
    bill = billdiff.parse(text)
    assert bill.profile == "generic"
    assert [a.label for a in bill.articles()] == [str(n) for n in numbers]
