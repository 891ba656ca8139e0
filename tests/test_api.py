"""The public Python surface (issue 17, defects): what a program that builds on billdiff
relies on. Import-order tests run in a fresh interpreter, as a user's program would."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import billdiff
from billdiff.changes import NOISE_CLASSES
from billdiff.errors import InputError

from .conftest import FIXTURES

OLD, NEW = FIXTURES / "sample.old.txt", FIXTURES / "sample.new.txt"


def _python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_history_is_a_function_after_any_number_of_calls() -> None:
    out = _python(
        f"""
        import billdiff
        files = [{str(OLD)!r}, {str(NEW)!r}]
        for _ in range(3):
            print(len(billdiff.history(files).lineages) > 0)
        """
    )
    assert out.split() == ["True"] * 3


def test_submodule_imported_first_then_the_functions() -> None:
    out = _python(
        f"""
        import billdiff.compare
        import billdiff.history
        print(billdiff.compare.Options().ignore == frozenset())
        print(billdiff.history.Dossier.__name__)
        c = billdiff.compare({str(OLD)!r}, {str(NEW)!r})
        h = billdiff.history([{str(OLD)!r}, {str(NEW)!r}])
        print(c.changed, len(h.comparisons))
        """
    )
    assert out.split() == ["True", "Dossier", "True", "1"]


def test_functions_used_first_then_the_submodules() -> None:
    out = _python(
        f"""
        import billdiff
        h = billdiff.history([{str(OLD)!r}, {str(NEW)!r}])
        c = billdiff.compare({str(OLD)!r}, {str(NEW)!r})
        import billdiff.compare as engine
        from billdiff.history import Lineage
        print(engine.Options.__name__, Lineage.__name__, billdiff.compare.Options.__name__)
        print(billdiff.history([{str(OLD)!r}, {str(NEW)!r}]).dossier == h.dossier, c.changed)
        """
    )
    assert out.split() == ["Options", "Lineage", "Options", "True", "True"]


def test_the_shared_names_keep_the_signature_of_the_function() -> None:
    import inspect

    from billdiff import api

    assert inspect.signature(billdiff.compare) == inspect.signature(api.compare)
    assert inspect.signature(billdiff.history) == inspect.signature(api.history)


# --- parse(): text, never a path --------------------------------------------------------


@pytest.mark.parametrize("name", ["first-reading.txt", "bill.DOCX", "draft.xml", "a/b/c.md"])
def test_parse_refuses_a_path_and_points_to_read(name: str) -> None:
    with pytest.raises(InputError, match=r"billdiff\.read"):
        billdiff.parse(name)


def test_parse_refuses_the_name_of_an_existing_file() -> None:
    with pytest.raises(InputError, match=r"billdiff\.read"):
        billdiff.parse(str(OLD))


def test_parse_refuses_a_path_object() -> None:
    with pytest.raises(TypeError, match=r"billdiff\.read"):
        billdiff.parse(OLD)  # type: ignore[arg-type]


def test_parse_still_takes_one_line_of_text() -> None:
    bill = billdiff.parse("Article 1. This Act may be cited as the Example Act.")
    assert len(bill.articles()) == 1


# --- Comparison.counts is a property ---------------------------------------------------


def test_counts_is_a_property_like_the_other_totals() -> None:
    comparison = billdiff.compare(OLD, NEW)
    counts = comparison.counts
    assert isinstance(counts, dict)
    assert sum(counts.values()) == len(comparison.changes)
    assert list(counts) == list(billdiff.CHANGE_KINDS)


# --- keywords and options are validated -------------------------------------------------


@pytest.fixture(scope="module")
def comparison() -> billdiff.Comparison:
    return billdiff.compare(OLD, NEW)


@pytest.mark.parametrize(
    ("format", "key"),
    [("html", "side_by_side"), ("text", "colour"), ("json", "color"), ("HTML", "all_articles")],
)
def test_render_refuses_a_keyword_the_format_lacks(
    comparison: billdiff.Comparison, format: str, key: str
) -> None:
    with pytest.raises(TypeError, match=key):
        billdiff.render(comparison, format, **{key: True})


def test_render_takes_the_keywords_of_its_format(comparison: billdiff.Comparison) -> None:
    plain = billdiff.render(comparison, "text")
    every = billdiff.render(comparison, "text", all_articles=True, color=False)
    assert len(every) > len(plain)
    assert "\033[" in billdiff.render(comparison, "TEXT", color=True)


def test_options_refuse_an_unknown_noise_class() -> None:
    with pytest.raises(ValueError, match="typo"):
        billdiff.Options(ignore=frozenset({"typo"}))


def test_options_refuse_a_bare_string_for_ignore() -> None:
    # "quotes" iterated would be the letters q, u, o ...: refused, not misread
    with pytest.raises(TypeError, match="ignore"):
        billdiff.Options(ignore="quotes")  # type: ignore[arg-type]


def test_options_take_every_noise_class() -> None:
    options = billdiff.Options(ignore=frozenset(NOISE_CLASSES))
    assert options.ignore == frozenset(NOISE_CLASSES)


def test_a_path_for_compare_is_any_path_like(tmp_path: Path) -> None:
    # the counterpart of parse(): compare and read take paths (str or os.PathLike)
    assert billdiff.compare(str(OLD), NEW).changed


def test_counts_called_as_before_warns_and_answers() -> None:
    comparison = billdiff.compare(OLD, NEW)
    with pytest.warns(DeprecationWarning, match="property"):
        assert comparison.counts() == comparison.counts  # type: ignore[operator]
