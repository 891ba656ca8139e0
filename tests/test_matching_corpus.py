"""Issue 4's measures on the corpus, through benchmarks/eval_matching.py (skips without corpus)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.corpus


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "eval_matching", ROOT / "benchmarks" / "eval_matching.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_matching"] = module
    spec.loader.exec_module(module)
    return module


evaluation = _load()


@pytest.mark.parametrize("suffix", ["xml", "txt"])
def test_uk_clauses_against_the_guid_map(corpus: Path, suffix: str) -> None:
    for score in evaluation.score_uk(corpus, suffix):
        assert score.f1 >= 0.99, (score.old, score.new, score.problems)
        # every clause that only got a new number is reported as renumbered, not modified
        assert score.kinds_right == score.kinds_total, score.problems
        assert score.added_right == score.added_total


@pytest.mark.parametrize(
    "case",
    [
        "kz-ru-konst-zakon-o-pravitelstve",
        "kz-kk-konst-zan-ukimet-turaly",
        "de-findag-finanzaufsicht",
        "fr-ord58-1067-conseil-constitutionnel-pjlo-retraites",
        "fr-ord58-1270-statut-magistrature-pjlo-retraites",
        "fr-pjlo-retraites-dispositions-autonomes",
    ],
)
def test_stable_numbering_gives_same_number_pairs(corpus: Path, case: str) -> None:
    for score in evaluation.score_same_number(corpus, case, "*.md"):
        assert score.f1 == 1.0, (score.old, score.new, score.problems)
        assert score.added_right == score.added_total, score.problems


def test_gwb_inserted_section_47a_to_47l_are_added(corpus: Path) -> None:
    score = evaluation.score_same_number(corpus, "de-gwb-markttransparenzstelle", "0[12]*.md")[0]
    assert score.f1 == 1.0 and score.added_total == 12 and score.added_right == 12, score.problems


@pytest.mark.parametrize(
    ("case", "pattern", "start"),
    [
        ("us-hr264-116-fsgg-approps-near-identical", "0*.xml", 0),
        ("us-hr1058-116-autism-cares", "0*.xml", 0),
        ("us-sconres13-116-taiwan", "0*.xml", 0),
        ("us-hr264-116-fsgg-approps-near-identical", "0*.txt", 0),
        ("us-hr1058-116-autism-cares", "0*.txt", 0),
        ("us-sconres13-116-taiwan", "0*.txt", 0),
    ],
)
def test_controls_have_no_false_change(corpus: Path, case: str, pattern: str, start: int) -> None:
    for score in evaluation.score_control(corpus, case, pattern, start):
        assert score.false_changes == 0, score.problems


def test_sgb5_04_05_reports_only_the_sections_that_differ(corpus: Path) -> None:
    score = evaluation.score_control(corpus, "de-sgb5-large", "0*.md", 3)[0]
    # § 35a, § 87a and § 130d are the three §§ whose text differs between the two files
    assert sorted(score.problems) == ["modified: § 130d", "modified: § 35a", "modified: § 87a"]
