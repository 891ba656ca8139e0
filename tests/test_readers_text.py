"""Markdown read as markup around the law: only the marks go, every word of the bill stays."""

from __future__ import annotations

import pytest

from billdiff import api
from billdiff.readers.text import read_text, strip_markdown

from .helpers import letters


@pytest.mark.parametrize(
    ("line", "text"),
    [
        # angle brackets around words are not HTML: placeholders in US bills, alternatives
        ("The <Agency Name> shall report.", "The <Agency Name> shall report."),
        ("either <y and z> or w", "either <y and z> or w"),
        ("<b and c> stay", "<b and c> stay"),
        ("see <https://example.org/bill>", "see <https://example.org/bill>"),
        # real tags are markup
        ('<a id="st1"></a>Статья 1.', "Статья 1."),
        ("one<br/>two", "onetwo"),
        ('<span class="x">text</span>', "text"),
        # only the fence marks are markup; the info string is a line of text
        ("```python important words 42", "python important words 42"),
        ("~~~~ more words", "more words"),
        ("```", ""),
        # escapes are resolved after the emphasis, which they protect
        (r"\*\*important\*\*", "**important**"),
        (r"**\*x\***", "*x*"),
        ("***bold***", "bold"),
        # headings of any depth (Legifrance nests up to eight levels)
        ("####### Article L1142-1", "Article L1142-1"),
        ("######## Article L1142-1-1", "Article L1142-1-1"),
        ("#### Статья 2.", "Статья 2."),
    ],
)
def test_strip_markdown_keeps_the_words(line: str, text: str) -> None:
    assert strip_markdown(line) == text


MARKDOWN = """\
# Title of the act

####### Article L1142-1

The <Agency Name> shall pay either <y and z> to the \\*\\*important\\*\\* fund.

```python important words 42
code line kept
```

######## Article L1142-2

<a id="x"></a>Text of the **second** article.
"""


def test_markdown_conserves_every_word() -> None:
    document = read_text(MARKDOWN.encode(), source="bill.md")
    text = "\n".join(block.text for block in document.blocks)
    assert letters(text) == letters(MARKDOWN)
    assert "python important words 42" in text
    assert "<Agency Name>" in text and "<y and z>" in text
    assert "**important**" in text


def test_deep_markdown_headings_are_articles() -> None:
    bill = api.parse(MARKDOWN.encode(), source="bill.md", profile="fr")
    assert [article.num for article in bill.articles()] == ["Article L1142-1", "Article L1142-2"]


def test_escaped_stars_survive_parsing() -> None:
    bill = api.parse(b"Article 1\nSome text.\n\\*\\*important\\*\\*\n", source="x.md")
    assert "**important**" in bill.text()
