"""The Word report (issue 18): every edit a tracked revision, so that accepting all of them gives
the new reading's articles and rejecting all of them the old reading's, computed here from the
document's XML; valid XML for hostile text; the CLI writes it whole; LibreOffice opens it."""

from __future__ import annotations

import io
import os
import pty
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import billdiff
from billdiff.changes import Change, Comparison, Reading, Side
from billdiff.compare import Options
from billdiff.render.docx import labels, visible
from billdiff.textdiff import Noise, Span, diff_words

from .conftest import FIXTURES
from .test_reliability_corpus import PAIRS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLD, NEW = FIXTURES / "sample.old.txt", FIXTURES / "sample.new.txt"


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def _style(p: etree._Element) -> str:
    style = p.find(f"{W}pPr/{W}pStyle")
    return "" if style is None else str(style.get(f"{W}val"))


# What accepting every revision removes (deletions, and moved text at its old place), and
# what rejecting removes (insertions, and moved text at its new place).
DROPPED = {"accept": (f"{W}del", f"{W}moveFrom"), "reject": (f"{W}ins", f"{W}moveTo")}


def _text(p: etree._Element, drop: tuple[str, ...]) -> str:
    """The paragraph's text with every revision of the kinds in ``drop`` removed and the
    others kept (unwrapped)."""
    out: list[str] = []
    for node in p.iter(f"{W}t", f"{W}delText", f"{W}br", f"{W}tab"):
        if any(a.tag in drop for a in node.iterancestors()):
            continue
        if node.tag == f"{W}br":
            out.append("\n")
        elif node.tag == f"{W}tab":
            out.append("\t")
        else:
            out.append(node.text or "")
    return "".join(out)


def articles(data: bytes, mode: str) -> list[tuple[str, str]]:
    """(heading, text) of every article after accepting ("accept") or rejecting ("reject")
    every revision: an article starts at a Heading 2 paragraph, and a paragraph whose mark is
    a revision of the dropped kind is gone."""
    drop = DROPPED[mode]
    body = _part(data, "word/document.xml").find(f"{W}body")
    assert body is not None
    found: list[tuple[str, str]] = []
    current: list[str] | None = None
    heading = ""
    for p in body.iter(f"{W}p"):
        if any(p.find(f"{W}pPr/{W}rPr/{tag}") is not None for tag in drop):
            continue  # the paragraph itself was inserted (rejected) or deleted (accepted)
        style = _style(p)
        if style.startswith("Heading"):
            if current is not None:
                found.append((heading, "".join(current)))
            current = [] if style == "Heading2" else None
            heading = _text(p, drop)
        elif current is not None:
            current.append(_text(p, drop))
    if current is not None:
        found.append((heading, "".join(current)))
    return found


def _check(comparison: Comparison, old: billdiff.Bill, new: billdiff.Bill) -> bytes:
    data = billdiff.render(comparison, "docx")
    olds = [visible(Side.of(u).text) for u in old.articles()]
    news = [visible(Side.of(u).text) for u in new.articles()]
    assert [text for _, text in articles(data, "accept")] == news
    # an article matched across others (moved) is a Word move: rejecting it puts it back
    assert [text for _, text in articles(data, "reject")] == olds
    return data


def test_sample_accept_all_gives_the_new_reading_and_reject_all_the_old() -> None:
    old, new = billdiff.read(OLD), billdiff.read(NEW)
    comparison = billdiff.compare(old, new)
    data = _check(comparison, old, new)
    root = _part(data, "word/document.xml")
    revisions = root.findall(f".//{W}ins") + root.findall(f".//{W}del")
    assert revisions
    # the renumbered reference and the new article numbers are noise: reviewers of their own
    authors = {r.get(f"{W}author") for r in revisions}
    assert authors == {"billdiff", "billdiff: numbering", "billdiff: reference"}
    assert len({r.get(f"{W}id") for r in revisions}) == len(revisions)
    headings = [h for h, _ in articles(data, "accept")]
    assert headings[0].startswith("Статья 1.")
    # the renumbered article: its old number deleted, the new one inserted, and a comment
    comments = _part(data, "word/comments.xml")
    said = ["".join(c.itertext()) for c in comments.iter(f"{W}comment")]
    assert "изменена: Статья 3 → Статья 4" in said
    assert "перенумерована: Статья 4 → Статья 5" in said
    rejected = [h.split(".")[0] for h, _ in articles(data, "reject")]
    assert rejected == ["Статья 1", "Статья 2", "Статья 3", "Статья 4"]
    accepted = [h.split(".")[0] for h, _ in articles(data, "accept")]
    assert accepted == ["Статья 1", "Статья 2", "Статья 3", "Статья 4", "Статья 5"]


def _first_page(data: bytes) -> str:
    body = _part(data, "word/document.xml").find(f"{W}body")
    assert body is not None
    return "\n".join("".join(p.itertext()) for p in body.iter(f"{W}p"))


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("ru", ["Прежняя редакция", "Изменения по видам", "изменена", "Статей: 5;"]),
        ("kk", ["Бұрынғы редакция", "Өзгерістер түрлері бойынша", "өзгертілді"]),
        ("de", ["Bisherige Fassung", "Änderungen nach Art", "geändert", "5 Artikel;"]),
        ("fr", ["Version précédente", "Modifications par type", "modifié"]),
        ("en", ["Old reading", "Changes per kind", "modified", "5 articles;"]),
        ("sw", ["Old reading", "Changes per kind", "modified"]),  # no labels: English
    ],
)
def test_the_first_page_speaks_the_bills_language(language: str, words: list[str]) -> None:
    comparison = billdiff.compare(billdiff.read(OLD), billdiff.read(NEW))
    spoken = Comparison(Reading(language=language), Reading(language=language), comparison.changes)
    text = _first_page(billdiff.render(spoken, "docx"))
    for word in words:
        assert word in text


def test_every_language_has_every_label() -> None:
    table = labels()
    assert {"en", "ru", "kk", "de", "fr"} <= table.keys()
    for language, words in table.items():
        assert words.keys() == table["en"].keys(), language


def _side(eid: str, num: str, text: str) -> Side:
    return Side(eid, num, num.split()[-1].rstrip("."), "", text)


def test_split_merged_and_deleted_articles_accept_and_reject_to_each_reading() -> None:
    """A split names the old article twice and a merge the new one: each is written once, so
    rejecting gives every old article once; a deleted article stays in place, deleted."""
    a, b1 = _side("art_1", "Article 1.", "one two"), _side("art_1", "Article 1.", "one")
    b2 = _side("art_2", "Article 2.", "two")
    c, d = _side("art_3", "Article 3.", "three"), _side("art_4", "Article 4.", "four")
    cd = _side("art_3", "Article 3.", "three four")
    gone = _side("art_5", "Article 5.", "gone")
    changes = (
        Change("split", a, b1, 0.5, diff_words(a.text, b1.text)),
        Change("split", a, b2, 0.5, diff_words(a.text, b2.text)),
        Change("merged", c, cd, 0.5, diff_words(c.text, cd.text)),
        Change("merged", d, cd, 0.5, diff_words(d.text, cd.text)),
        Change("deleted", gone, None, 0.0),
    )
    data = billdiff.render(Comparison(Reading(), Reading(), changes), "docx")
    assert articles(data, "accept") == [
        ("Article 1.", "one"),
        ("Article 2.", "two"),
        ("Article 3.", "three four"),
    ]
    assert [t for _, t in articles(data, "reject")] == ["one two", "three", "four", "gone"]
    root = _part(data, "word/document.xml")
    deleted = [p for p in root.iter(f"{W}p") if p.find(f"{W}pPr/{W}rPr/{W}del") is not None]
    # the second old article of the merge is deleted where it stood, as the deleted article
    assert ["".join(p.itertext()) for p in deleted] == ["Article 4.", "four", "Article 5.", "gone"]
    said = ["".join(x.itertext()) for x in _part(data, "word/comments.xml").iter(f"{W}comment")]
    assert said == ["split", "split", "merged", "merged"]


def _moved_comparison() -> Comparison:
    """Articles 1, 2, 3, 4 of the old reading; the new one has 3 (changed) first: a move."""
    one, two, four = (
        _side(f"art_{n}", f"Article {n}.", w) for n, w in ((1, "one"), (2, "two"), (4, "four"))
    )
    three, three_new = (
        _side("art_3", "Article 3.", "three"),
        _side("art_3", "Article 3.", "three more"),
    )
    changes = (
        Change("moved", three, three_new, 0.8, diff_words(three.text, three_new.text)),
        Change("unchanged", one, one),
        Change("unchanged", two, two),
        Change("unchanged", four, four),
    )
    order = ("art_1", "art_2", "art_3", "art_4")
    return Comparison(Reading(), Reading(), changes, old_order=order)


def test_a_moved_article_is_a_word_move_and_rejecting_puts_it_back() -> None:
    data = billdiff.render(_moved_comparison(), "docx")
    accepted = articles(data, "accept")
    assert [t for _, t in accepted] == ["three more", "one", "two", "four"]
    assert articles(data, "reject") == [
        ("Article 1.", "one"),
        ("Article 2.", "two"),
        ("Article 3.", "three"),
        ("Article 4.", "four"),
    ]
    root = _part(data, "word/document.xml")
    # one move: the same name at the old and at the new place, by billdiff
    starts = {
        tag: [e.get(f"{W}name") for e in root.iter(f"{W}{tag}RangeStart")]
        for tag in ("moveFrom", "moveTo")
    }
    assert starts == {"moveFrom": ["move-art_3"], "moveTo": ["move-art_3"]}
    ends = [
        e.get(f"{W}id") for tag in ("moveFrom", "moveTo") for e in root.iter(f"{W}{tag}RangeEnd")
    ]
    assert sorted(ends) == sorted(
        e.get(f"{W}id") for tag in ("moveFrom", "moveTo") for e in root.iter(f"{W}{tag}RangeStart")
    )
    # the change of the moved article's text is tracked inside the move
    assert root.find(f".//{W}moveTo//{W}ins") is not None
    said = ["".join(x.itertext()) for x in _part(data, "word/comments.xml").iter(f"{W}comment")]
    assert said == ["moved"]


def _revisions_by_author(data: bytes) -> dict[str, list[str]]:
    root = _part(data, "word/document.xml")
    found: dict[str, list[str]] = {}
    for r in root.iter(f"{W}ins", f"{W}del"):
        text = "".join(r.itertext())
        if text:  # a tracked paragraph mark carries no text
            found.setdefault(str(r.get(f"{W}author")), []).append(text)
    return found


def test_noise_is_tracked_under_a_reviewer_per_class_and_the_first_page_says_so() -> None:
    old = _side("art_1", "Article 1.", "See “Article 2” and Article 2 — there.")
    new = _side("art_1", "Article 1.", "See «Article 2» and Article 3 - there, now.")
    spans = (
        Span("equal", "See "),
        Span("delete", "“", (Noise.QUOTES,)),
        Span("insert", "«", (Noise.QUOTES,)),
        Span("equal", "Article 2"),
        Span("delete", "”", (Noise.QUOTES,)),
        Span("insert", "»", (Noise.QUOTES,)),
        Span("equal", " and Article "),
        Span("delete", "2", (Noise.REFERENCE,)),
        Span("insert", "3", (Noise.REFERENCE,)),
        Span("equal", " "),
        Span("delete", "—", (Noise.DASHES,)),
        Span("insert", "-", (Noise.DASHES,)),
        Span("equal", " there"),
        Span("insert", ", now"),
        Span("equal", "."),
    )
    comparison = Comparison(Reading(), Reading(), (Change("modified", old, new, 0.9, spans),))
    data = billdiff.render(comparison, "docx")
    by_author = _revisions_by_author(data)
    assert set(by_author) == {
        "billdiff",
        "billdiff: quotes",
        "billdiff: dashes",
        "billdiff: reference",
    }
    assert by_author["billdiff"] == [", now"]
    assert by_author["billdiff: reference"] == ["2", "3"]
    # nothing is lost: each reading is still one accept or reject away
    assert [t for _, t in articles(data, "accept")] == [new.text]
    assert [t for _, t in articles(data, "reject")] == [old.text]
    assert "reviewers of its own (“billdiff: dashes”, “billdiff: quotes”" in _first_page(data)


def _after_first_page(data: bytes, mode: str) -> str:
    """The text from the heading that starts on a new page, every revision accepted or
    rejected."""
    body = _part(data, "word/document.xml").find(f"{W}body")
    assert body is not None
    paragraphs = list(body.iter(f"{W}p"))
    start = next(
        k for k, p in enumerate(paragraphs) if p.find(f"{W}pPr/{W}pageBreakBefore") is not None
    )
    drop = DROPPED[mode]
    return "\n".join(
        _text(p, drop)
        for p in paragraphs[start:]
        if not any(p.find(f"{W}pPr/{W}rPr/{tag}") is not None for tag in drop)
    )


def test_ignored_noise_is_left_untracked_in_its_new_form() -> None:
    old, new = billdiff.read(OLD), billdiff.read(NEW)
    ignoring = billdiff.compare(old, new, options=Options(ignore=frozenset({"reference"})))
    data = billdiff.render(ignoring, "docx")
    assert set(_revisions_by_author(data)) == {"billdiff", "billdiff: numbering"}
    # accepting still gives the new reading; rejecting gives the old one but for the
    # references, which stand in their new form, as asked
    assert [t for _, t in articles(data, "accept")] == [
        visible(Side.of(u).text) for u in new.articles()
    ]
    tracked = billdiff.render(billdiff.compare(old, new), "docx")
    # the sample's renumbered references are in its preface: after the first page, the
    # untracked document reads as the tracked one accepted, and rejected but for them
    assert _after_first_page(data, "accept") == _after_first_page(tracked, "accept")
    untracked, rejected = _after_first_page(data, "reject"), _after_first_page(tracked, "reject")
    assert untracked != rejected
    assert untracked == rejected.replace("Статья 4. Вступление", "Статья 5. Вступление", 1)
    assert "Не отслеживаются, по запросу: reference;" in _first_page(data)  # a Russian bill


def test_cli_dates_the_revisions(tmp_path: Path) -> None:
    out = tmp_path / "c.docx"
    done = run("diff", OLD, NEW, "-o", out, "--old-date", "2024-01-10", "--new-date", "2024-03-01")
    assert done.returncode == 1, done.stderr
    root = _part(out.read_bytes(), "word/document.xml")
    assert {e.get(f"{W}date") for e in root.iter(f"{W}ins", f"{W}del")} == {"2024-03-01T00:00:00Z"}


def test_an_iso_reading_date_is_the_revision_date() -> None:
    old, new = billdiff.read(OLD), billdiff.read(NEW)
    comparison = billdiff.compare(old, new)
    dated = Comparison(comparison.old, Reading(label="2", date="2024-03-01"), comparison.changes)
    root = _part(billdiff.render(dated, "docx"), "word/document.xml")
    dates = {e.get(f"{W}date") for e in root.iter(f"{W}ins", f"{W}del")}
    assert dates == {"2024-03-01T00:00:00Z"}


HOSTILE_OLD = "Статья 1. Права\nТекст ]]> <b>&amp; \u202eRTL\u202c " + "ж" * 10_000 + " конец"
HOSTILE_NEW = (
    "Статья 1. Права\nТекст ]]> \x00\x01\x1b[2J\x7f\tтаб <b>&amp; \u202eRTL\u202c "
    + "ж" * 9_999
    + "щ конец \ud800 \ufffe"
)


def test_hostile_text_gives_a_valid_document_with_every_character_shown() -> None:
    old = Side("art_1", "Статья 1.", "1", "Права", HOSTILE_OLD)
    new = Side("art_1", "Статья 1.", "1", "Права\x0b", HOSTILE_NEW)
    spans = diff_words(old.text, new.text)
    comparison = Comparison(
        Reading(title="\x1b]0;title\x07"),
        Reading(),
        (
            Change("modified", old, new, 0.5, spans),
            Change("added", None, Side("art_2", "Статья 2.", "2", "", "\x02]]>")),
        ),
    )
    data = billdiff.render(comparison, "docx")
    for name in zipfile.ZipFile(io.BytesIO(data)).namelist():
        if name.endswith(".xml") or name.endswith(".rels"):
            _part(data, name)  # well-formed: lxml raises otherwise
    accepted = [text for _, text in articles(data, "accept")]
    assert accepted == [visible(HOSTILE_NEW), "␂]]>"]
    assert [text for _, text in articles(data, "reject")] == [visible(HOSTILE_OLD)]
    # control characters visible, not dropped; a lone surrogate and U+FFFE as U+FFFD
    assert "\u2400\u2401\u241b[2J" in accepted[0]
    assert accepted[0].endswith("конец \ufffd \ufffd")
    assert "\u202eRTL\u202c" in accepted[0]


def test_xml_illegal_characters_are_made_visible() -> None:
    assert visible("a\x00\x01\x1f\x7f\n\tb") == "a\u2400\u2401\u241f\x7f\n\tb"
    assert visible("\ud800\ufffe\uffff") == "\ufffd\ufffd\ufffd"


def run(*args: str | Path, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "billdiff", *map(str, args)],
        capture_output=True,
        timeout=120,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


def test_cli_writes_the_docx_to_a_file_and_to_a_pipe(tmp_path: Path) -> None:
    target = tmp_path / "changes.docx"
    result = run("diff", OLD, NEW, "-f", "docx", "-o", target)
    assert result.returncode == 1, result.stderr
    assert result.stdout == b""
    assert zipfile.is_zipfile(target)
    assert [n for n in os.listdir(tmp_path) if n != "changes.docx"] == []  # no temporary left
    piped = run("diff", OLD, NEW, "-f", "docx")
    assert piped.returncode == 1
    assert piped.stdout == target.read_bytes()


def test_cli_refuses_a_docx_on_a_terminal() -> None:
    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "billdiff", "diff", str(OLD), str(NEW), "-f", "docx"],
            stdout=follower,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and "use -o FILE" in lines[0], lines


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")
def test_libreoffice_converts_the_docx_to_pdf(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    comparison = billdiff.compare(billdiff.read(OLD), billdiff.read(NEW))
    source = tmp_path / "changes.docx"
    source.write_bytes(billdiff.render(comparison, "docx"))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",  # no shared profile, no lock
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    reader = pypdf.PdfReader(tmp_path / "changes.pdf")
    assert 2 <= len(reader.pages) <= 5
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Изменения по видам" in text  # the first page in the bill's language
    assert "Статья 4. Права дружинников" in text
    assert "обязан" in text


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(a, b, id=f"{a.parent.name}/{a.name[:2]}-{b.name[:2]}{a.suffix}")
        for a, b in PAIRS
    ],
)
def test_corpus_accept_all_and_reject_all(old: Path, new: Path) -> None:
    a, b = billdiff.read(old), billdiff.read(new)
    _check(billdiff.compare(a, b), a, b)
