"""HTML pages (an official journal's) read into lines; scripts and styles are not text."""

from __future__ import annotations

import pytest

import billdiff
from billdiff import InputError
from billdiff.readers.html import MAX_HTML_DEPTH, read_html

from .helpers import letters

PAGE = """<!DOCTYPE html>
<html><head><title>Official Journal</title><style>p { color: red }</style>
<script>var x = "Статья 98. Скрипт";</script></head>
<body><nav><a href="/">Главная</a> &gt; <a href="/laws">Законы</a></nav>
<h1>ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН</h1>
<h3>Статья 1. Общие&nbsp;положения</h3>
<p>1. Настоящий Закон &laquo;регулирует&raquo; <b>отношения</b>:<br>1) первые;<br/>2) вторые.</p>
<table><tr><td>Колонка</td><td>ә ғ қ ң ө ұ ү һ і</td></tr></table>
<script>document.write("<p>Статья 99. Fake</p>")</script><noscript>Включите JavaScript</noscript>
<!-- Статья 100. Комментарий -->
<div><p>Статья 2. Вторая</p><p>Текст &#1241; &#x4E9;.</p></div></body></html>"""

VISIBLE = [
    "Главная > Законы",
    "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН",
    "Статья 1. Общие положения",
    "1. Настоящий Закон «регулирует» отношения:",
    "1) первые;",
    "2) вторые.",
    "Колонка ә ғ қ ң ө ұ ү һ і",
    "Включите JavaScript",  # <noscript> is text a reader may see (issue 21)
    "Статья 2. Вторая",
    "Текст ә ө.",
]


def test_block_elements_become_lines() -> None:
    doc = read_html(PAGE.encode(), source="journal.html")
    assert [b.text for b in doc.blocks] == VISIBLE
    assert doc.format == "html"
    assert doc.blocks[2].line == 6  # provenance: the source line of the <h3>


def test_html_parses_into_articles_and_conserves_text() -> None:
    bill = billdiff.parse(PAGE.encode(), source="journal.html")
    assert [a.num for a in bill.articles()] == ["Статья 1.", "Статья 2."]
    assert [c.num for c in bill.articles()[0].children] == ["1."]
    assert letters(bill.text()) == letters("\n".join(VISIBLE))
    for hidden in ("Скрипт", "Fake", "Комментарий", "color"):
        assert hidden not in bill.text()


def test_legacy_encoding_is_decoded() -> None:
    data = "<html><body><p>Статья 1. Текст</p></body></html>".encode("cp1251")
    assert [b.text for b in read_html(data, source="old.htm").blocks] == ["Статья 1. Текст"]


def test_fragment_named_html_is_read_as_html() -> None:
    bill = billdiff.parse("<p>Статья 1. Один</p><p>Статья 2. Два</p>".encode(), source="f.html")
    assert len(bill.articles()) == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<html><body><script>only()</script></body></html>", "no text"),
        (b"   ", "empty"),
    ],
)
def test_html_without_text_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=rf"e\.html: .*{message}"):
        billdiff.parse(data, source="e.html")


def test_deeply_nested_html_is_refused() -> None:
    data = ("<div>" * 5000 + "x" + "</div>" * 5000).encode()
    with pytest.raises(InputError, match="nested"):
        read_html(data, source="deep.html")


def test_xhtml_with_xml_declaration() -> None:
    data = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        "<body><p>Статья 1. Общие положения</p><p>Текст.</p></body></html>"
    ).encode()
    bill = billdiff.parse(data, source="page.xhtml")
    assert [a.num for a in bill.articles()] == ["Статья 1."]
    assert letters(bill.text()) == letters("Статья 1. Общие положения Текст.")


def test_noscript_template_and_svg_text_is_kept() -> None:
    page = (
        "<html><body><p>Статья 1. Видимый</p><noscript>Статья 2. Без скриптов</noscript>"
        "<template><p>Статья 3. Шаблон</p><script>Скрипт()</script></template>"
        '<svg viewBox="0 0 9 9"><title>Схема 4</title><style>x{}</style>'
        "<text>Подпись <tspan>пять</tspan></text><path d='M0 0'/></svg></body></html>"
    )
    lines = [b.text for b in read_html(page.encode(), source="p.html").blocks]
    assert lines == [
        "Статья 1. Видимый",
        "Статья 2. Без скриптов",
        "Статья 3. Шаблон",
        "Схема 4",
        "Подпись пять",
    ]


def test_depth_up_to_the_documented_limit_is_read() -> None:
    # docs/reliability.md promises 1,000 levels; libxml2 alone stops at 256
    data = ("<p>Статья 1.</p>" + "<div>" * 990 + "глубоко" + "</div>" * 990).encode()
    assert [b.text for b in read_html(data, source="d.html").blocks][-1] == "глубоко"
    deeper = ("<div>" * (MAX_HTML_DEPTH + 5) + "x" + "</div>" * (MAX_HTML_DEPTH + 5)).encode()
    with pytest.raises(InputError, match="HTML is nested more than 1000 levels"):
        read_html(deeper, source="d.html")


def test_a_text_node_over_ten_megabytes_is_read() -> None:
    # a whole bill in one <pre> or <p>: libxml2's 10 MB text-node limit is not a depth
    words = "слово " * 1_900_000
    data = f"<html><body><p>{words}</p></body></html>".encode()
    assert len(data) > 10_000_000
    [block] = read_html(data, source="flat.html").blocks
    assert block.text == words.strip()
