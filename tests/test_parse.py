from __future__ import annotations

import pytest

import billdiff
from billdiff.model import Bill
from billdiff.profiles import detect_profile

from .conftest import FIXTURES
from .helpers import letters


def sample(name: str) -> Bill:
    return billdiff.read(FIXTURES / name)


def test_sample_structure() -> None:
    bill = sample("sample.new.txt")
    assert bill.profile == "kz"
    assert [a.label for a in bill.articles()] == ["1", "2", "3", "4", "5"]
    assert [a.num for a in bill.articles()][:2] == ["Статья 1.", "Статья 2."]
    chapter = bill.body[0]
    assert (chapter.kind, chapter.num, chapter.heading) == (
        "chapter",
        "Глава 1.",
        "Общие положения",
    )
    art1 = bill.articles()[0]
    assert [(p.kind, p.num, p.label) for p in art1.children] == [
        ("point", "1)", "1"),
        ("point", "1-1)", "1-1"),
        ("point", "2)", "2"),
    ]
    assert art1.children[1].eid == "chp_1__art_1__point_1-1"
    art2 = bill.articles()[1]
    assert [p.eid for p in art2.children] == ["chp_1__art_2__para_1", "chp_1__art_2__para_2"]


def test_table_of_contents_is_not_taken_for_articles() -> None:
    bill = sample("sample.new.txt")
    toc = [line.text for line in bill.preface if line.role == "toc"]
    assert toc[0] == "Оглавление"
    assert "Статья 3. Порядок создания дружин" in toc
    assert len(bill.articles()) == 5


def test_sample_keeps_every_character() -> None:
    for name in ("sample.old.txt", "sample.new.txt", "eu.old.txt", "eu.new.txt"):
        text = (FIXTURES / name).read_text("utf-8")
        assert letters(sample(name).text(), markup=False) == letters(text, markup=False)


def test_kazakh_numbering() -> None:
    bill = billdiff.parse(
        "I ТАРАУ. ЖАЛПЫ ЕРЕЖЕЛЕР\n"
        "1-бап. Мәртебесi\nҮкiмет алқалы орган болып табылады.\n"
        "3-1-бап. Ант беру\n1. Мүше ант бередi.\n"
        "7-бап. Алып тасталды.\n"
    )
    assert bill.profile == "kz"
    assert [(a.num, a.label) for a in bill.articles()] == [
        ("1-бап.", "1"),
        ("3-1-бап.", "3-1"),
        ("7-бап.", "7"),
    ]
    assert bill.body[0].num == "I ТАРАУ." and bill.body[0].label == "I"
    assert bill.articles()[1].eid == "chp_I__art_3-1"


def test_cyrillic_roman_numeral_is_normalised() -> None:
    bill = billdiff.parse("Глава ІІ. Компетенция\nСтатья 9. Компетенция\nТекст.\n", profile="kz")
    assert bill.body[0].label == "II"


def test_running_text_is_not_an_article() -> None:
    bill = billdiff.parse("Статья 1. Цель\nСтатья 5 настоящего Закона применяется.\n")
    assert len(bill.articles()) == 1
    assert bill.articles()[0].content == ("Статья 5 настоящего Закона применяется.",)


def test_footnote_is_a_note_of_its_article() -> None:
    bill = billdiff.parse(
        "### Статья 7.\n\n> *Сноска. Статья 7 исключена Законом от 19.06.2007 № 267.*\n"
        "### Статья 8. Ограничения\n1. Текст.\n",
        source="x.md",
    )
    art7 = bill.articles()[0]
    assert [(c.kind, c.eid) for c in art7.children] == [("note", "art_7__hcontainer_1")]
    assert art7.children[0].content == ("Сноска. Статья 7 исключена Законом от 19.06.2007 № 267.",)


def test_markdown_markup_is_dropped_and_text_kept() -> None:
    bill = billdiff.parse(
        '# Закон\n<a id="st1"></a>\n\n### Статья 1. Цель\n\n```\nСтатья 2. Скрытая\nТекст.\n```\n'
    )
    assert [a.num for a in bill.articles()] == ["Статья 1.", "Статья 2."]
    assert bill.title == "Закон"


def test_eu_article_with_heading_on_next_line() -> None:
    bill = sample("eu.new.txt")
    assert bill.profile == "eu"
    arts = bill.articles()
    assert [(a.num, a.heading) for a in arts][:2] == [
        ("Article 1", "Subject matter"),
        ("Article 2", "Definitions"),
    ]
    points = arts[1].children[0].children
    assert [p.num for p in points] == ["(a)", "(b)"]
    roman = [u for u in arts[1].iter() if u.num == "(ii)"]
    assert roman and roman[0].eid.endswith("point_a__point_ii")


def test_profile_detection_confidence() -> None:
    lines = ["Статья 1. A", "Статья 2. B", "Статья 3. C"]
    profile, confidence = detect_profile(lines)
    assert profile.name == "kz" and confidence == 1.0
    profile, confidence = detect_profile(["just some text"])
    assert confidence == 0.0


@pytest.mark.parametrize("name", ["kz", "ru", "kk", "eu", "en"])
def test_profile_by_name_or_alias(name: str) -> None:
    assert billdiff.parse("Статья 1. A\nText.", profile=name).profile in ("kz", "eu")


def test_unknown_profile_is_a_clear_error() -> None:
    with pytest.raises(billdiff.ProfileError, match="unknown profile 'xx'"):
        billdiff.parse("Статья 1.", profile="xx")


def test_consecutive_paragraphs_of_a_docx_are_not_wrapped_lines() -> None:
    """German Markdown wraps paragraphs over consecutive lines; a DOCX/PDF/HTML reader gives one
    block per paragraph, so consecutive blocks there are separate paragraphs."""
    from billdiff.parse import parse
    from billdiff.readers.base import Block, Document

    texts = ["§ 1 Zweck", "(1) Dieses Gesetz regelt.", "§ 2 Begriffe", "(1) Text."]
    blocks = tuple(Block(text, k + 1) for k, text in enumerate(texts))
    assert [a.num for a in parse(Document(blocks, format="docx"), "de").articles()] == [
        "§ 1",
        "§ 2",
    ]
    # the same lines as wrapped Markdown are one paragraph
    assert len(parse(Document(blocks, format="markdown"), "de").articles()) == 1


def test_an_unclosed_quote_mark_does_not_swallow_the_next_articles() -> None:
    """“ opened and never closed: a later quotation's closing mark would make every article in
    between quoted. The numbering tells that they are the bill's own (issue 13)."""
    text = (
        "Article 1\nAmendments\nRegulation (EU) 2019/1 is amended as follows:\n"
        "“ When adopting implementing acts, the Commission shall consult the committee.\n"
        "Article 2\nReports\nThe Commission shall report to the Parliament.\n"
        "Article 3\nReview\nThe Commission shall review “the rules” by 2030.\n"
        "Article 4\nEvaluation\nThe Commission shall evaluate the effects of the rules.\n"
        "“Article 4a is deleted.”\n"
        "Article 5\nEntry into force\nThis Regulation shall enter into force on the day.\n"
    )
    bill = billdiff.parse(text, profile="eu")
    assert [a.label for a in bill.articles()] == ["1", "2", "3", "4", "5"]
    assert letters(bill.text()) == letters(text)


def test_quoted_new_articles_stay_quoted_when_the_bill_goes_on_after_them() -> None:
    text = (
        "Статья 1. Внести в Закон следующие изменения:\n"
        "1) дополнить статьями 2-1 и 2-2 следующего содержания:\n"
        "«Статья 2-1. Новая\nТекст новой статьи.\nСтатья 2-2. Другая\nТекст другой статьи.»;\n"
        "Статья 2. Настоящий Закон вводится в действие.\n"
    )
    bill = billdiff.parse(text, profile="kz")
    assert [a.label for a in bill.articles()] == ["1", "2"]


def test_a_quoted_lettered_section_is_not_a_clause_of_the_bill() -> None:
    """UK print as text: "After section 3 insert— 3A ..." came after clause 1, so 3A cannot be
    the bill's next clause (a lettered number follows its own base number)."""
    text = (
        "1 Amendment of the Housing Act 1996\n(1) The Housing Act 1996 is amended.\n"
        "(2) After section 3 insert—\n3A Information relating to tenants\n"
        "(1) A landlord must provide information.\n"
        "2 Power to make regulations\n(1) The Secretary of State may make regulations.\n"
        "3 Extent and commencement\n(1) This Act extends to England and Wales.\n"
    )
    bill = billdiff.parse(text, profile="uk")
    assert [a.label for a in bill.articles()] == ["1", "2", "3"]


def test_contents_that_list_only_groups() -> None:
    """EUR-Lex consolidated texts list chapters and annexes, not articles, under "CONTENT":
    an annex in the contents does not turn the body into an annex."""
    text = (
        "DIRECTIVE\nCONTENT\nCHAPTER I\nSubject matter\nCHAPTER II\nAuthorisation\n"
        "ANNEX I\nSchedules\nCHAPTER I\nSUBJECT MATTER\nArticle 1\n1. This Directive applies.\n"
        "CHAPTER II\nAUTHORISATION\nArticle 2\n1. Member States shall act.\n"
        "ANNEX I\nSCHEDULE A\n1. Text of the schedule.\n"
    )
    bill = billdiff.parse(text, profile="eu")
    assert [unit.label for unit in bill.articles()] == ["1", "2"]
    assert letters(bill.text()) == letters(text)


def test_presentation_marks_that_are_text() -> None:
    """A wrapped equation's "= 0" is no wiki heading, and "****" (an empty bold pair) is kept
    as it is: undressing never takes what is not a heading's dress (found by the properties)."""
    text = "Article 1\nThe sum x + y\n= 0\n****\nholds.\n"
    bill = billdiff.parse(text, profile="eu")
    assert letters(bill.text()) == letters(text)
    assert "= 0" in bill.text()


def test_a_lone_bold_mark_line_is_kept() -> None:
    """ "**" alone on a line (found by the reliability properties): no heading dress, no crash."""
    text = "**\nDie Streife darf anhalten, wenn die Voraussetzungen vorliegen."
    assert letters(billdiff.parse(text, profile="de").text()) == letters(text)


def test_an_article_whose_line_holds_its_text_takes_no_heading_from_the_next_line() -> None:
    """Bulgarian "**Чл. 1.** Етичните правила …" (legalize-bg): the short line after it is the
    next group's heading or more text, never the article's heading."""
    long = "Етичните правила в този кодекс са приложими спрямо съдебните служители " * 2
    text = "КОДЕКС\n" + "\n".join(f"**Чл. {n}.** {long}\nРаздел {n + 1}.Цел" for n in range(1, 5))
    bill = billdiff.parse(text)
    assert [unit.heading for unit in bill.articles()] == ["", "", "", ""]
    assert letters(bill.text()) == letters(text)


def test_angle_brackets_in_a_dressed_heading_are_text() -> None:
    """Undressing takes off only real HTML tags (the Markdown reader's rule): "<b and c>" in a
    heading is words, not a <b> tag."""
    text = "## Article 1 <b and c>\nText of the article.\n"
    assert letters(billdiff.parse(text, profile="eu").text()) == letters(text)
