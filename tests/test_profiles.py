"""Each numbering profile on its fixture (fixtures/profiles/): structure, labels, eIds, stubs,
notes, quotations, annexes, and detection with a confidence."""

from __future__ import annotations

from pathlib import Path

import pytest

import billdiff
from billdiff.model import Bill, Unit
from billdiff.profiles import all_profiles, detect_profile, get_profile
from billdiff.profiles.base import roman_value

from .conftest import FIXTURES
from .helpers import letters

PROFILE_FIXTURES = {
    "kz-ru.txt": "kz",
    "kz-kk.txt": "kz",
    "eu.txt": "eu",
    "us.txt": "us",
    "uk.txt": "uk",
    "de.md": "de",
    "fr.md": "fr",
    "tz.txt": "tz",
    "generic.txt": "generic",
}


def fixture(name: str) -> Bill:
    return billdiff.read(FIXTURES / "profiles" / name)


def nums(bill: Bill, kind: str = "article") -> list[str]:
    return [unit.num for unit in bill.iter() if unit.kind == kind]


def find(bill: Bill, eid: str) -> Unit:
    return bill.by_eid()[eid]


@pytest.mark.parametrize("name", sorted(PROFILE_FIXTURES))
def test_fixture_is_detected_and_keeps_every_character(name: str) -> None:
    path = FIXTURES / "profiles" / name
    bill = billdiff.read(path)
    assert bill.profile == PROFILE_FIXTURES[name]
    assert letters(bill.text()) == letters(path.read_text("utf-8"))
    info = billdiff.api.explain(path)
    assert info.profile == PROFILE_FIXTURES[name] and info.confidence >= 0.5


def test_every_profile_has_a_fixture() -> None:
    assert {cls.name for cls in all_profiles()} == set(PROFILE_FIXTURES.values())


def test_kz_russian() -> None:
    bill = fixture("kz-ru.txt")
    assert [a.label for a in bill.articles()] == ["1", "2", "3", "3-1", "4", "5"]
    assert [u.num for u in bill.iter() if u.kind == "section"] == ["Параграф 1.", "2-параграф."]
    art1 = find(bill, "part_1__chp_1__sec_1__art_1")
    assert [c.kind for c in art1.children] == ["paragraph", "note"]
    assert art1.children[1].content[0].startswith("Сноска.")
    points = find(bill, "part_1__chp_1__sec_1__art_2").children
    assert [(p.num, p.label) for p in points] == [("а)", "а"), ("б)", "б")]
    # "Cтатья 3." is typed with a Latin C; it is still an article, and an excluded one.
    art3 = find(bill, "part_1__chp_1__sec_1__art_3")
    profile = get_profile("kz")
    assert profile.is_stub(art3.text())
    assert not profile.is_stub(art1.text())
    # The quoted «Статья 5.» with its points is text of paragraph 1 of article 4.
    quoting = find(bill, "part_1__chp_1__sec_2__art_4__para_1")
    assert quoting.children == ()
    assert quoting.content[1] == "«Статья 5. Полномочия"
    assert find(bill, "part_1__chp_II").label == "II"  # Cyrillic ІІ


def test_kz_kazakh() -> None:
    bill = fixture("kz-kk.txt")
    assert [a.label for a in bill.articles()] == ["1", "2", "3-1", "4"]
    art2 = find(bill, "part_1__chp_I__art_2")
    assert get_profile("kk").is_stub(art2.text())
    assert [c.kind for c in art2.children] == ["note"]
    assert art2.children[0].content[0].startswith("Ескертпе.")
    art1 = find(bill, "part_1__chp_I__art_1")
    assert art1.children[-1].content[0].startswith("Ескерту.")
    art4 = find(bill, "part_1__chp_II__art_4")
    assert [p.num for p in art4.iter() if p.kind == "point"] == ["1)", "5-1)", "а)", "ә)"]


@pytest.mark.parametrize(
    ("text", "stub"),
    [
        ("Статья 7. Исключена Законом РК от 19.06.2007 № 267.", True),
        ("Статья 7. Утратила силу.", True),
        ("7-бап. Алып тасталды - ҚР 2017.07.03 № 86-VI Заңымен.", True),
        ("Статья 7. Правительство\nПравительство образуется Президентом.", False),
    ],
)
def test_kz_stubs(text: str, stub: bool) -> None:
    assert get_profile("kz").is_stub(text) is stub


def test_eu() -> None:
    bill = fixture("eu.txt")
    assert nums(bill) == ["Article 1", "Article 2", "Article 3", "Article 4", "Article 5"]
    art2 = find(bill, "title_I__chp_I__art_2")
    # "(i)" under "(b)" starts roman sub-points; "(i)" after "(h)" followed by "(j)" is a letter.
    assert [p.eid.split("__", 3)[-1] for p in art2.iter() if p.kind == "point"] == [
        "point_a",
        "point_b",
        "point_b__point_i",
        "point_b__point_ii",
        "point_h",
        "point_i",
        "point_j",
    ]
    art3 = find(bill, "title_I__chp_I__sec_1__art_3")
    assert art3.children == () and art3.content[1] == '"Article 4'
    assert get_profile("eu").is_stub(find(bill, "title_I__chp_I__sec_1__art_4").text())
    annex = bill.body[-1]
    assert (annex.num, annex.heading) == ("ANNEX I", "List of patrols")
    assert annex.children == () and "Article 9 of the old list" in annex.content[-1]


def test_us() -> None:
    bill = fixture("us.txt")
    assert [a.label for a in bill.articles()] == ["1", "101", "102", "103", "201"]
    assert [(u.num, u.heading) for u in bill.iter() if u.kind in ("title", "chapter")] == [
        ("TITLE I—", "PATROLS"),
        ("Subtitle A—", "General Provisions"),
        ("Subtitle B—", "Funding"),
        ("TITLE II—", "REPORTS"),
    ]
    sec101 = "title_I__chp_A__art_101"
    eids = set(bill.by_eid())
    # "(I)" after "(H)" followed by "(J)" is a letter; "(i)" after "(h)" followed by "(j)" too.
    assert f"{sec101}__para_a__point_1__point_I" in eids
    assert f"{sec101}__para_i" in eids
    assert f"{sec101}__para_a__point_1__point_B__point_ii" in eids
    # In SEC. 103, "(i)" under "(B)" is roman, and "(I)", "(II)" are roman below it.
    b = "title_I__chp_B__art_103__para_b__point_1__point_B"
    assert {f"{b}__point_i__point_I", f"{b}__point_i__point_II", f"{b}__point_ii"} <= eids
    # The quoted "SEC. 5." stays text of SEC. 102.
    sec102 = find(bill, "title_I__chp_A__art_102")
    assert sec102.children == () and sec102.content[1] == '"SEC. 5. PATROL DUTIES.'


def test_uk() -> None:
    bill = fixture("uk.txt")
    assert [(a.num, a.heading) for a in bill.articles()] == [
        ("1", "Establishment of patrols"),
        ("2", "Powers of patrols"),
        ("3", "Short title"),
    ]
    toc = [line.text for line in bill.preface if line.role == "toc"]
    assert toc[0] == "CONTENTS" and toc[-1] == "3 Short title"
    assert bill.body[0].num == "Part 1" and bill.body[0].heading == "Patrols"
    # "96A Powers of patrols" and its subsections, inserted into another Act, are text.
    sub1 = find(bill, "part_1__art_2__para_1")
    assert sub1.children == () and "96A Powers of patrols" in sub1.content
    # the (i) inserted after "(h)" is quoted text, not a point of subsection (2)
    assert find(bill, "part_1__art_2__para_2").children == ()
    schedule = bill.body[-1]
    assert schedule.num == "Schedule 1" and schedule.children == ()
    assert "A patrol area is an area named in this Schedule." in schedule.content


def test_de() -> None:
    bill = fixture("de.md")
    assert nums(bill) == ["§ 1", "§ 1a", "(XXXX) §§ 2 bis 4", "§ 5", "§ 6", "§ 7"]
    assert [a.label for a in bill.articles()] == ["1", "1a", "2-4", "5", "6", "7"]
    divisions = [(u.kind, u.label, u.heading) for u in bill.iter() if u.kind in ("part", "section")]
    assert divisions[:4] == [
        ("part", "1", "Allgemeines"),
        ("section", "1", "Grundsätze"),
        ("section", "2", "Befugnisse"),
        ("part", "2", "Schlussvorschriften"),
    ]
    para1 = find(bill, "part_1__sec_1__art_1__para_1")
    # a wrapped "1. Mai" and "§ 5 gilt" inside a paragraph are text, not units
    # (the wrapped lines are joined into one paragraph of content)
    assert para1.children == ()
    assert para1.content == (
        "Dieses Gesetz regelt Nachtstreifen. Es tritt am 1. Mai 2024 in Kraft. Die § 5 gilt entsprechend.",
    )
    para2 = find(bill, "part_1__sec_1__art_1__para_2")
    assert [p.num for p in para2.iter() if p.kind == "point"] == [
        "1.",
        "2.",
        "a)",
        "b)",
        "aa)",
        "bb)",
    ]
    profile = get_profile("de")
    assert profile.is_stub(find(bill, "part_1__sec_2__title_1__art_6").text())
    assert not profile.is_stub(find(bill, "part_1__sec_2__title_1__art_5").text())
    annex = bill.body[-1]
    assert annex.num == "Anlage" and annex.children == ()  # "§ 8 Muster" is in the Anlage


def test_fr() -> None:
    bill = fixture("fr.md")
    assert [a.label for a in bill.articles()] == ["1", "2", "L4111-1-1", "9-2", "10", "11"]
    assert [(u.kind, u.label) for u in bill.body[0].iter() if u.kind != "article"][:3] == [
        ("part", "1"),
        ("title", "1"),
        ("chapter", "1"),
    ]
    art1 = bill.articles()[0]
    assert [(u.num, u.label) for u in art1.iter() if u.kind != "article"] == [
        ("I. –", "I"),
        ("II. –", "II"),
        ("1°", "1"),
        ("1° bis", "1bis"),
        ("2°", "2"),
        ("a)", "a"),
        ("b)", "b"),
    ]
    profile = get_profile("fr")
    assert profile.is_stub(bill.articles()[1].text())
    quoting = bill.articles()[3]
    assert quoting.children == () and "« Article 9" in quoting.content
    # "Article 10 à 18 de la loi du 30 août 1883" in a list of repealed texts is text
    assert bill.articles()[4].content[-1].startswith("Article 10 à 18")
    assert bill.articles()[5].heading == "Entrée en vigueur"


def test_tz() -> None:
    bill = fixture("tz.txt")
    assert [a.label for a in bill.articles()] == ["1", "2", "3", "3A", "4"]
    assert get_profile("tz").is_stub(bill.articles()[2].text())
    art2 = bill.articles()[1]
    assert [p.eid for p in art2.iter() if p.kind == "point"][
        -1
    ] == "part_I__art_2__point_b__point_ii"
    annex = bill.body[-1]
    assert annex.num == "Nyongeza ya kwanza" and annex.children == ()


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # Russian: a whole article quoted with «», its points inside.
        (
            "Статья 1. Изменения\n1. Статью 5 изложить в следующей редакции:\n"
            "«Статья 5. Полномочия\n1. Текст.\n2) подпункт.».\nСтатья 2. Вступление в силу\n",
            "Статья 5.",
        ),
        # US: each quoted paragraph opens with “ and the last one closes.
        (
            "SEC. 1. AMENDMENT.\nSection 5 is amended to read as follows:\n“SEC. 5. DUTIES.\n"
            "“(a) In general.—A patrol shall watch.”.\nSEC. 2. EFFECTIVE DATE.\nText.\n",
            "SEC. 5.",
        ),
        # EU: "Article 4" quoted with ASCII quotes over several lines.
        (
            "Article 1\nAmendment\nArticle 4 is replaced by the following:\n"
            '"Article 4\nScope\n1. Text."\nArticle 2\nEntry into force\nText.\n',
            "Article 4",
        ),
    ],
)
def test_quoted_structure_stays_in_the_quoting_unit(text: str, quoted: str) -> None:
    bill = billdiff.parse(text)
    assert len(bill.articles()) == 2
    assert quoted not in [a.num for a in bill.articles()]
    first = bill.articles()[0]
    assert any(quoted in line for line in first.lines())
    assert letters(bill.text()) == letters(text)


def test_german_quotation_stays_in_the_amending_paragraph() -> None:
    text = (
        "§ 1 Änderung\n\n(1) § 5 wird wie folgt gefasst:\n\n„§ 5 Anhalten\n\n"
        "(1) Die Streife darf anhalten.\n\n(2) Sie meldet es.“\n\n§ 2 Inkrafttreten\n\nText.\n"
    )
    bill = billdiff.parse(text, profile="de")
    assert [a.num for a in bill.articles()] == ["§ 1", "§ 2"]
    paragraph = bill.articles()[0].children[0]
    assert paragraph.children == () and "„§ 5 Anhalten" in paragraph.content


def test_unclosed_quote_does_not_swallow_the_bill() -> None:
    text = "Статья 1. Цель\n«Неверная кавычка\nСтатья 2. Дальше\nТекст.\n"
    assert [a.label for a in billdiff.parse(text).articles()] == ["1", "2"]


def test_uk_quotation_without_closing_line_ends_at_the_next_clause() -> None:
    text = (
        "1 Advisory panel\nAfter section 96 insert—\n96A Advisory panel\n(1)\nThe regulator must.\n"
        "2 Collection of information\n(1)\nText.\n"
    )
    bill = billdiff.parse(text, profile="uk")
    assert [a.label for a in bill.articles()] == ["1", "2"]
    assert bill.articles()[0].children == ()
    assert [c.num for c in bill.articles()[1].children] == ["(1)"]


def test_uk_quoted_section_then_the_bills_own_next_subsection() -> None:
    """After a whole quoted section, "(4)" could go on with either numbering: amending words
    say it is the bill's ("(4) After section 169C insert—"), law words that it is quoted."""
    text = (
        "1 Notification\n(1)\nThe Act is amended as follows.\n(3)\nFor section 169B substitute—\n"
        "169B Charity: change to trusts\n(1)\nThe trustees must notify.\n(2)\nBut not always.\n"
        "(3)\nIn this section, trusts means trusts.\n(4)\nAfter section 169C insert—\n"
        "169CA Partnership\nA partnership must notify.\n2 Next clause\nText.\n"
    )
    bill = billdiff.parse(text, profile="uk")
    assert [a.label for a in bill.articles()] == ["1", "2"]
    assert [c.num for c in bill.articles()[0].children] == ["(1)", "(3)", "(4)"]
    assert "In this section, trusts means trusts." in bill.articles()[0].children[1].content


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["SEC. 1. SHORT TITLE.", "SEC. 2. DEFINITIONS.", "(a) In general.—"], "us"),
        (["Article 1er", "Le présent code.", "Article L4111-1", "Article 2"], "fr"),
        (["§ 1 Zweck", "(1) Das Gesetz gilt nicht.", "§ 2 Begriffe", "§ 2a Umfang"], "de"),
        (["1 Short title", "(1)", "This Act may be cited as the Act."], "uk"),
        (["Статья 1. Цель", "Статья 2. Понятия"], "kz"),
        (["Article 1", "Subject matter", "1. This Regulation lays down the rules."], "eu"),
    ],
)
def test_detection(lines: list[str], expected: str) -> None:
    profile, confidence = detect_profile(lines)
    assert profile.name == expected
    assert confidence > 0


def test_a_profile_that_is_not_sure_says_so() -> None:
    # One bare "1 Heading" line is all there is: a guess, and the confidence says so.
    _, confidence = detect_profile(["1 Heading", "Some text that could be anything."])
    assert confidence < 0.5
    _, confidence = detect_profile(["Nothing numbered here."])
    assert confidence == 0.0


@pytest.mark.parametrize(
    ("label", "value"), [("i", 1), ("iv", 4), ("ix", 9), ("XII", 12), ("xl", 40), ("ab", None)]
)
def test_roman_value(label: str, value: int | None) -> None:
    assert roman_value(label) == value


@pytest.mark.parametrize(
    ("profile", "text", "stub"),
    [
        ("eu", "Article 4 Deleted", True),
        ("eu", "Article 4\nDefinitions\n1. Paragraph 2 of Article 3 is amended.", False),
        ("us", "SEC. 5. [Repealed].", True),
        ("us", "SEC. 5. REPEALED.", True),
        ("us", "SEC. 5. SHORT TITLE.\nThis Act may be cited as the Act.", False),
        ("uk", "5 Repealed", True),
        ("uk", "5 Short title\nThis Act may be cited as the Act.", False),
        ("de", "§ 6 (weggefallen)", True),
        ("de", "§ 6 Anhalten\n(1) Die Streife darf anhalten.", False),
        ("fr", "Article 2\n(abrogé)", True),
        ("fr", "Article 2\nLa hiérarchie comprend deux grades.", False),
        ("tz", "10.\n[Imefutwa na Sheria Na. 4 ya 1992 ib. 10.]", True),
        ("tz", "1. Jina\nSheria hii itaitwa Sheria.", False),
    ],
)
def test_stubs(profile: str, text: str, stub: bool) -> None:
    assert get_profile(profile).is_stub(text) is stub


@pytest.mark.parametrize(
    ("line", "kind", "label"),
    [
        ("Глава Х. Заключительные положения", "chapter", "X"),  # Cyrillic Х
        ("ХІІ ТАРАУ. ҚОРЫТЫНДЫ ЕРЕЖЕЛЕР", "chapter", "XII"),  # Cyrillic Х, І
        ("Глава VІI. Компетенция", "chapter", "VII"),  # Cyrillic І between Latin letters
        ("Pаздел 2. Особенная часть", "part", "2"),  # Latin P
        ("Паpагpаф 3. Порядок", "section", "3"),  # Latin p
        ("Cтатья 5. Цели", "article", "5"),  # Latin C
        ("Стaтья 6. Задачи", "article", "6"),  # Latin a
        ("7-бaп. Мақсаты", "article", "7"),  # Latin a
    ],
)
def test_kz_lookalikes_are_tolerated(line: str, kind: str, label: str) -> None:
    bill = billdiff.parse(f"{line}\nТекст статьи.\n", profile="kz")
    unit = bill.body[0]
    assert (unit.kind, unit.label) == (kind, label)


def test_generic_learns_the_heading_word_of_a_language_without_a_profile() -> None:
    bill = fixture("generic.txt")
    assert bill.profile == "generic"
    assert [a.label for a in bill.articles()] == ["1", "2", "3", "3-1", "4"]
    assert [a.heading for a in bill.articles()][:2] == ["Визначення термінів", "Сфера дії Закону"]
    assert [u.num for u in bill.body] == ["Розділ I", "Розділ II"]
    art1 = bill.articles()[0]
    assert [c.kind for c in art1.children] == ["paragraph", "paragraph"]
    assert [p.num for p in art1.children[0].children] == ["1)", "2)"]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # Polish: "Art. N." with the text on the same line, chapters "Rozdział N"
        (
            "Rozdział 1\nPrzepisy ogólne\nArt. 1. Ustawa określa zasady.\n"
            "Art. 2. 1. Ilekroć w ustawie jest mowa o:\n1) organie – rozumie się organ;\n"
            "Art. 2a. Nowy przepis.\nRozdział 2\nPrzepisy końcowe\nArt. 3. Ustawa wchodzi w życie.\n",
            ["1", "2", "2a", "3"],
        ),
        # Dutch: "Artikel N" alone, its heading on the next line
        (
            "Artikel 1\nBegripsbepalingen\nIn deze wet wordt verstaan onder minister.\n"
            "Artikel 2\nToepassing\nDeze wet is van toepassing.\nArtikel 3\nSlot\nTekst.\n",
            ["1", "2", "3"],
        ),
        # Spanish: "Artículo N." and a heading ending with a dot; Turkish "MADDE N –"
        (
            "Artículo 1. Objeto.\nLa presente ley regula.\nArtículo 2. Ámbito.\nSe aplica.\n"
            "Artículo 3. Definiciones.\nA los efectos.\n",
            ["1", "2", "3"],
        ),
        (
            "MADDE 1 – (1) Bu Kanunun amacı.\nMADDE 2 – (1) Kapsam.\nMADDE 3 – (1) Tanımlar.\n",
            ["1", "2", "3"],
        ),
        # Finnish and Swedish put the number first: "1 §", "2 a §", a title on the line or next
        (
            "Laki\n1 §\nSoveltamisala\nTätä lakia sovelletaan.\n2 § Määritelmät\nTässä laissa."
            "\n2 a §\nUusi säännös.\n3 §\nVoimaantulo\nLaki tulee voimaan.\n",
            ["1", "2", "2a", "3"],
        ),
        # Swiss: "Art. N Title" with no separator, and references that are no headings
        (
            "Verordnung\n##### **Art. 1** Zweck\nText.\n##### **Art. 2** Grundsätze\n"
            "Art. 5 Abs. 2 gilt entsprechend\nArt. 3\nText.\nArt. 4 Schluss\nText.\n",
            ["1", "2", "3", "4"],
        ),
        # Brazilian: ordinals 1º-9º, then cardinals, inserted articles "Art. 54-A"; a Swiss
        # converter's empty bold pairs ("**Art.**** ****2**")
        (
            "Lei\nArt. 1º Esta lei dispõe.\nArt. 2º O consumidor.\nArt. 54-A. Este capítulo."
            "\nArt. 54-B. No fornecimento.\nArt. 55. A União.\n",
            ["1", "2", "54-A", "54-B", "55"],
        ),
        (
            "Verordnung\n##### **Art.**** ****1** Zweck\nText.\n##### **Art****. ****2** Geltung"
            "\nText.\n##### **Art. 3** Schluss\nText.\n",
            ["1", "2", "3"],
        ),
        # Italian: Latin ordinals of inserted articles, "Art. 3-bis", "Art. 3-ter", in order
        (
            "Decreto\nArt. 1. - Definizioni\nTesto.\nArt. 3. - Diritto\nTesto.\n"
            "Art. 3-bis. - Identità\nTesto.\nArt. 3-ter. - Domicilio\nTesto.\nArt. 4.\nTesto.\n",
            ["1", "3", "3-bis", "3-ter", "4"],
        ),
        # Uruguayan: the headings write "Artículo"; "artículo 4º." at the start of a wrapped
        # line is a reference, not a heading
        (
            "Ley\nArtículo 1\nSe crea el registro.\nArtículo 2\nLo dispuesto en el\n"
            "artículo 4º. de la ley anterior.\nArtículo 3\nComuníquese.\n",
            ["1", "2", "3"],
        ),
        # Romanian amending law: its own articles in Roman numerals, the articles it inserts
        # into the amended law quoted without quotation marks, in Arabic numerals
        (
            "LEGE\nArticolul I\nLegea se modifică:\n1. Articolul 13 se modifică:\nArticolul 13\n"
            "Text nou.\nArticolul 14\nText.\nArticolul 17\nText.\nArticolul II\nText.\n"
            "Articolul III\nIntră în vigoare.\n",
            ["I", "II", "III"],
        ),
        # Swiss: "**Art. 52** a Title" (the letter apart), Liechtenstein "Art. 4 [^1]" (a
        # footnote mark after a space), Guatemalan "ARTICULO" and "ARTÍCULO" (one word)
        (
            "V\n##### **Art. 52** Lohn\nText.\n##### **Art. 52** a Versicherbarer Lohn\nText.\n"
            "##### Art. 53 [^1]\nText.\n##### **Art. 54** Schluss\nText.\n",
            ["52", "52a", "53", "54"],
        ),
        (
            "DECRETO\nARTICULO 1. Objeto.\nARTÍCULO 2. Ámbito.\nARTICULO 3. Vigencia.\n",
            ["1", "2", "3"],
        ),
        # Czech amending act: its own articles "Čl. I", "Čl. II" in roman numerals, sections
        # quoted into the amended act („§ 4) are no articles of its own
        (
            "Zákon\nČl. I\nZákon se mění takto:\n„§ 4\nText.“\nČl. II\nPřechodná ustanovení\n"
            "Text.\nČl. III\nÚčinnost\nTento zákon nabývá účinnosti.\n",
            ["I", "II", "III"],
        ),
        # Spanish: the word and its abbreviation number the same articles
        (
            "Decreto\nArtículo 1º – Modifícanse los textos.\nArt. 2º – La norma se aplica.\n"
            "Art. 3º – Comuníquese.\n",
            ["1", "2", "3"],
        ),
    ],
)
def test_generic_profile_in_other_languages(text: str, labels: list[str]) -> None:
    bill = billdiff.parse(text)
    assert bill.profile == "generic"
    assert [a.label for a in bill.articles()] == labels
    assert letters(bill.text()) == letters(text)


def test_a_word_that_only_starts_lines_numbers_nothing() -> None:
    """Running text that starts with a word and a number in no order is no article."""
    text = "Section 12 of the Act applies.\nSection 3 of the Act applies.\nSection 7 too.\n"
    assert billdiff.parse(text).articles() == ()


@pytest.mark.parametrize(
    ("line", "num", "label", "heading"),
    [
        ("== Article 5: Prohibited practices ==", "Article 5:", "5", "Prohibited practices"),
        ("####### Article 52ca", "Article 52ca", "52ca", ""),
        ("**ARTICLE 7**", "ARTICLE 7", "7", ""),
        ("- Art. 8 – Scope", "Art. 8 –", "8", "Scope"),
        ("\tArticle 9. Entry into force", "Article 9.", "9", "Entry into force"),
    ],
)
def test_eu_headings_whatever_their_dress(line: str, num: str, label: str, heading: str) -> None:
    text = f"{line}\nThis Regulation shall apply to the things of the Union.\n"
    bill = billdiff.parse(text, profile="eu")
    [article] = bill.articles()
    assert (article.num, article.label, article.heading) == (num, label, heading)


@pytest.mark.parametrize(
    ("line", "label", "heading"),
    [
        ("СТАТЬЯ 5. Полномочия", "5", "Полномочия"),
        ("Статья 5 - Полномочия", "5", "Полномочия"),
        ("Ст. 5. Полномочия", "5", "Полномочия"),
        ("## Статья 3-1-1. Новая", "3-1-1", "Новая"),
        ("**5-БАП. Өкілеттіктер**", "5", "Өкілеттіктер"),
    ],
)
def test_kz_headings_whatever_their_dress(line: str, label: str, heading: str) -> None:
    bill = billdiff.parse(f"{line}\nТекст статьи.\n", profile="kz")
    [article] = bill.articles()
    assert (article.label, article.heading) == (label, heading)


_MARGINAL_NOTES = (
    "Short title",
    "Interpretation",
    "Application",
    "Licences",
    "Offences",
    "Appeals",
    "Regulations",
    "Commencement",
)
# A Commonwealth bill as PDF text: bare "1." section numbers after their marginal headings,
# an Arrangement of Sections first, and explanatory notes "Clause N:" at the end.
COMMONWEALTH = "\n".join(
    [
        "ARRANGEMENT OF SECTIONS",
        *(f"{n}.\nTitle of section {n}" for n in range(1, 9)),
        "A Bill entitled",
        "ENACTED by the Parliament as follows:",
        *(
            f"{title}\n{n}.\n(a) one thing;\n(b) another thing."
            for n, title in enumerate(_MARGINAL_NOTES, start=1)
        ),
        "EXPLANATORY NOTES",
        *(f"Clause {n}:\nThis clause provides for a thing." for n in (1, 2, 3, 5, 6, 7)),
    ]
)


def test_the_profile_with_the_longest_article_numbering_wins() -> None:
    # "(a)"/"(b)" lines are eu and us points too, "Clause N:" a word numbering things: only
    # the bare sections number the bill's articles 1 to 8, and tz reads bare sections.
    profile, _ = detect_profile(COMMONWEALTH.splitlines())
    assert profile.name == "tz"
    bill = billdiff.parse(COMMONWEALTH)
    assert [unit.label for unit in bill.articles()] == [str(n) for n in range(1, 9)]
    assert all(unit.children for unit in bill.articles())  # not the contents' entries


def test_a_numbering_that_the_detection_sample_misses_is_found_in_all_lines() -> None:
    # Detection reads every k-th line of a long document. Five sections among 5,000 lines of
    # points, each heading on a line the sample skips: all the lines are then read.
    lines = ["ARRANGEMENT"]
    for n in range(1, 6):
        if len(lines) % 2 == 0:
            lines.append("(z) one more thing;")
        lines += [f"{n}.", f"Title of section {n}"]
        lines += [f"({chr(97 + i % 20)}) one thing;" for i in range(1000)]
    step = len(lines) // 2000
    assert step > 1 and all(i % step for i, line in enumerate(lines) if line[0].isdigit())
    profile, _ = detect_profile(lines)
    assert profile.name == "tz"
    bill = billdiff.parse("\n".join(lines))
    assert [unit.label for unit in bill.articles()] == ["1", "2", "3", "4", "5"]


def test_by_law_sections_number_and_title_on_one_line() -> None:
    text = "BY-LAW\n" + "\n".join(
        f"{n}. Title number {n}\n(1) The Council may act.\n(2) The Council shall act."
        for n in range(1, 7)
    )
    bill = billdiff.parse(text)
    assert bill.profile == "tz"
    assert [unit.heading for unit in bill.articles()] == [f"Title number {n}" for n in range(1, 7)]


def test_a_section_opening_with_its_first_subsection() -> None:
    # "4. (1) The Minister …" and "4.(1)" alone: the subsection is a unit like "(2)"
    text = "1. Short title\nThis Act.\n2.(1)\nThe Minister may.\n(2) Text.\n3. (1) The Board shall.\n(2) Text."
    bill = billdiff.parse(text, profile="tz")
    assert [(u.label, [c.num for c in u.children]) for u in bill.articles()] == [
        ("1", []),
        ("2", ["(1)", "(2)"]),
        ("3", ["(1)", "(2)"]),
    ]
    assert letters(bill.text()) == letters(text)


def test_australian_section_numbers() -> None:
    """Inserted sections sort as words in one Act (2C, 2CA, 2D) and before their letter in
    another (12, 12AA, 12A); repealed sections leave gaps (4C, then 5A; 7, then 11)."""
    labels = ["1", "2", "2C", "2CA", "2D", "3", "4", "4C", "5A", "6A", "7", "11", "12", "12AA"]
    labels += ["12A", "13"]
    headings = {
        "11": "Acts may be altered etc. in same session",
        "12AA": "Definitions of required compilation event etc.",
    }
    text = "\n".join(
        f"{label} {headings.get(label, 'Heading of section ' + label)}\nText of it."
        for label in labels
    )
    bill = billdiff.parse(text, profile="uk")
    assert [unit.label for unit in bill.articles()] == labels
    # a plain number far ahead is believed only when the next one goes on from it
    stray = "1 Heading\nText.\n2 Heading\nText.\n40 Days After The Event\n3 Heading\nText."
    assert [u.label for u in billdiff.parse(stray, profile="uk").articles()] == ["1", "2", "3"]


def test_points_numbered_through_an_amending_act_are_not_its_articles() -> None:
    """Slovak, Czech amending acts: the points "1." … "12." of "Čl. I" start again under
    "Čl. II"; the numbering they start again under is the articles'."""
    points = "\n".join(f"{n}.\nV § {n} sa slovo nahrádza slovom." for n in range(1, 13))
    text = (
        f"ZÁKON\nČl. I\nZákon sa mení takto:\n{points}\nČl. II\n{points[:200]}\nČl. III\nÚčinnosť."
    )
    bill = billdiff.parse(text)
    assert [unit.label for unit in bill.articles()] == ["I", "II", "III"]
    assert letters(bill.text()) == letters(text)


def test_the_sole_article_of_a_law() -> None:
    text = "Loi\nArticle unique\nLe code est approuvé.\n"
    assert [a.label for a in billdiff.parse(text, profile="fr").articles()] == ["unique"]
    catalan = "Decret\nArticle únic\nS'aprova el reglament.\n"
    assert [a.label for a in billdiff.parse(catalan, profile="fr").articles()] == ["únic"]


def test_roman_group_numbers_do_not_outnumber_arabic_articles() -> None:
    """ "CHAPTER I" … "CHAPTER XIV" number the groups: the articles are "Article 1" …, even
    when there are fewer of them; and a one-letter word ("N01", "N02" codes) numbers nothing."""
    chapters = "\n".join(f"CHAPTER {r}\nTitle." for r in ["I", "II", "III", "IV", "V", "VI"])
    text = f"{chapters}\nArticle 1\nText.\nArticle 2\nText.\nArticle 3\nText.\n"
    text += "\n".join(f"N0{n} code of a table" for n in range(1, 9))
    bill = billdiff.parse(text)
    assert [unit.label for unit in bill.articles()] == ["1", "2", "3"]


def test_points_all_inside_one_article_of_an_amending_act() -> None:
    points = "\n".join(f"{n}.\nV § {n} sa slovo nahrádza slovom." for n in range(1, 15))
    text = f"VYHLÁŠKA\nČl. I\nVyhláška sa mení takto:\n{points}\nČl. II\nZrušuje sa.\nČl. III\nÚčinnosť."
    assert [unit.label for unit in billdiff.parse(text).articles()] == ["I", "II", "III"]


def test_a_schedules_numbered_rows_are_not_the_sections() -> None:
    """A by-law's "N. Title" sections (a colon inside a title too), then schedules whose table
    rows start with numbers: the rows come after an annex heading, so they number nothing of
    the by-law's own, though there are more of them."""
    titles = [*_MARGINAL_NOTES[:5], "Accountability of manager: sub-council", *_MARGINAL_NOTES[6:]]
    sections = "\n".join(f"{n}. {title}\nThe Council may act." for n, title in enumerate(titles, 1))
    rows = "\n".join(f"{n} Ward {n + 40}, Ward {n + 41} and Ward {n + 42}" for n in range(1, 25))
    text = f"BY-LAW\n{sections}\nSchedule 1\n{rows}\nSchedule 2\n{rows}\n"
    bill = billdiff.parse(text)
    assert bill.profile == "tz"
    assert [unit.label for unit in bill.articles()] == [str(n) for n in range(1, 9)]


def test_two_readings_of_one_bill_share_one_profile(tmp_path: Path) -> None:
    """A few changed words can tip a doubtful detection: both readings are then parsed with
    the profile of the reading that leads (no doubt, or more articles)."""
    text = "PROPOSAL\n\n" + "\n\n".join(
        f"== Article {n}: Title {n}\n\n1. Term means a thing." for n in range(1, 4)
    )
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(text, "utf-8")
    new.write_text(text.replace("a thing.", "a thing or another.", 1), "utf-8")
    assert billdiff.read(old).profile != billdiff.read(new).profile  # the tipped detection
    comparison = billdiff.compare(old, new)
    assert comparison.old.profile == comparison.new.profile
    assert [change.kind for change in comparison.changes].count("modified") == 1


def test_a_section_whose_text_is_left_out() -> None:
    text = (
        "BY-LAW\n1. Operation\nText.\n2. ...\n3. [Repealed by By-law 5 of 2001]\n4. Offences\nText."
    )
    labels = [unit.label for unit in billdiff.parse(text, profile="tz").articles()]
    assert labels == ["1", "2", "3", "4"]


def test_amending_points_that_start_again_in_the_text() -> None:
    """Under "Čl. II" the point "1." is written in the running text, so its points start
    again at "2.": still a numbering inside the articles, not the articles."""
    first = "\n".join(f"{n}.\nV § {n} sa slovo nahrádza slovom." for n in range(1, 15))
    text = (
        f"VYHLÁŠKA\nČl. I\nVyhláška sa mení takto:\n{first}\nČl. II\n1. Zrušuje sa príloha.\n"
        "2.\nV § 3 sa slovo vypúšťa.\nČl. III\nÚčinnosť."
    )
    assert [unit.label for unit in billdiff.parse(text).articles()] == ["I", "II", "III"]


def test_a_bold_mark_never_closed_in_a_heading() -> None:
    text = "Code\n##### Article R13\nTexte.\n##### Article **R13-1\nTexte.\n##### Article R13-2\nTexte."
    bill = billdiff.parse(text, profile="fr")
    assert [unit.label for unit in bill.articles()] == ["R13", "R13-1", "R13-2"]
