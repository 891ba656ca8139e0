"""The generalisation suite (issue 13): real documents from public sources outside the corpus.

Every ``fixtures/real/<source>/expected.csv`` lists documents with an article count obtained
independently of billdiff (see fixtures/real/README.md). billdiff must find exactly that count
and keep every letter and digit of the input text.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

import billdiff
from billdiff.readers.text import decode

from .conftest import ROOT
from .test_readers_xml import document_text

REAL = ROOT / "fixtures" / "real"


def _cases(gap_column: str) -> list[pytest.param]:
    """One case per document, a strict xfail when ``gap_column`` gives a reason.

    A wrong article count and lost text are separate failures: a document whose count is wrong
    but whose text is all kept must not turn the conservation test into an unexpected pass.
    """
    cases = []
    for manifest in sorted(REAL.glob("*/expected.csv")):
        with manifest.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                path = manifest.parent / row["file"]
                gap = (row.get(gap_column) or "").strip()
                marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
                cases.append(
                    pytest.param(
                        path,
                        int(row["articles"]),
                        marks=marks,
                        id=f"{path.parent.name}/{path.name}",
                    )
                )
    return cases


CASES = _cases("known_gap")
# Optional column: why letters or digits are not all kept yet (empty when they are).
TEXT_CASES = _cases("text_gap")
# Optional column: why a collapsed structure is not announced yet (empty when it is).
SILENT_CASES = _cases("silent_gap")


def _alnum(text: str) -> Counter[str]:
    """The letters and digits of a text, NFC, counted."""
    return Counter(ch for ch in unicodedata.normalize("NFC", text) if ch.isalnum())


def test_the_suite_is_large_and_varied() -> None:
    """At least 60 documents from at least 15 sources (issue 13)."""
    sources = {case.values[0].parent.name for case in CASES}  # type: ignore[union-attr]
    assert len(CASES) >= 60, len(CASES)
    assert len(sources) >= 15, sorted(sources)
    for case in CASES:
        path = case.values[0]  # type: ignore[union-attr]
        assert path.is_file(), path
        assert (path.parent / "SOURCE.md").is_file(), path.parent


@pytest.mark.parametrize(("path", "articles"), CASES)
def test_article_count(path: Path, articles: int) -> None:
    bill = billdiff.read(path)
    found = bill.articles()
    assert len(found) == articles
    # A right count of wrong units is no success: the articles of a real text hold something
    # besides their number (many numbers alone are margin numbers or list items taken for
    # headings; an omitted article still says "(*)" or "-").
    bare = [unit.num for unit in found if not unit.text().removeprefix(unit.num).strip()]
    assert len(bare) <= len(found) // 5, bare


@pytest.mark.parametrize(("path", "articles"), SILENT_CASES)
def test_a_collapsed_structure_is_announced(path: Path, articles: int) -> None:
    """No document whose structure collapses without a warning (issue 13): where the articles
    found are far from the count (a fifth or more missing, or a quarter too many), billdiff
    says that the structure is in doubt."""
    bill = billdiff.read(path)
    found = len(bill.articles())
    if 0.8 * articles <= found <= 1.25 * articles:
        return  # exact or nearly so: no collapse to announce
    assert bill.warnings, f"{found} articles of {articles}, without a warning"


# HTML residue in Markdown and text exports (anchors, line breaks, spans): markup, not words.
# Only known element names, so that a placeholder such as "<Agency Name>" still counts.
_HTML_TAG = re.compile(
    r"</?(?:a|abbr|b|big|blockquote|br|center|code|del|div|em|font|h[1-6]|hr|i|img|ins|li|ol"
    r"|p|pre|s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul)\b[^<>]*>",
    re.IGNORECASE,
)
_TEXT_INPUTS = (".txt", ".md", ".markdown", ".text")


@pytest.mark.parametrize(("path", "articles"), TEXT_CASES)
def test_every_letter_and_digit_is_kept(path: Path, articles: int) -> None:
    bill = billdiff.read(path)
    if path.suffix.lower() in _TEXT_INPUTS:
        text, _ = decode(path.read_bytes(), source=str(path))
        expected = _alnum(_HTML_TAG.sub(" ", text))
    elif path.suffix.lower() == ".xml":
        expected = _alnum(document_text(etree.parse(str(path)).getroot()))
    else:
        pytest.skip("conservation of DOCX, PDF and HTML is checked against their readers' text")
    found = _alnum(bill.text())
    assert found == expected, ((expected - found).most_common(8), (found - expected).most_common(8))
