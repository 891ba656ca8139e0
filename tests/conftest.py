"""Shared test fixtures. Tests that need the real bills of ../shared/corpus skip without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = Path(os.environ.get("BILLDIFF_CORPUS", ROOT.parent / "shared" / "corpus"))

# CI runs every property with at least 2,000 examples; a developer's run is quicker.
settings.register_profile("ci", max_examples=2000, deadline=None)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        help="Rewrite the golden files in fixtures/golden from the current output.",
    )


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen-golden"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The corpus folder; the test is skipped when it is absent (a user's clone has none)."""
    if not CORPUS.is_dir():
        pytest.skip(f"needs the corpus of real bills at {CORPUS} (absent in this checkout)")
    return CORPUS


def corpus_files(pattern: str) -> list[Path]:
    """Corpus files for parametrisation; empty (so tests skip) when the corpus is absent."""
    return sorted(CORPUS.glob(pattern)) if CORPUS.is_dir() else []


#: Every reading of the corpus (text, Markdown and XML), for tests over all of them.
CORPUS_DOCUMENTS = corpus_files("*/*.md") + corpus_files("*/*.txt") + corpus_files("*/*.xml")


def document_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"
