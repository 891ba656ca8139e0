"""The public Python surface (issue 17, defects): what a program that builds on billdiff
relies on. Import-order tests run in a fresh interpreter, as a user's program would."""

from __future__ import annotations

import os
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
    assert all(type(kind) is str for kind in counts)  # printed as the JSON writes them


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


# --- kinds and noise classes are enumerations --------------------------------------------


def test_change_and_step_kinds_are_members_that_read_as_their_names() -> None:
    from billdiff.changes import ChangeKind
    from billdiff.history import Presence

    comparison = billdiff.compare(OLD, NEW)
    assert all(isinstance(change.kind, ChangeKind) for change in comparison.changes)
    assert [str(kind) for kind in billdiff.CHANGE_KINDS][:3] == [
        "unchanged",
        "renumbered",
        "modified",
    ]
    history = billdiff.history([OLD, NEW, OLD])
    kinds = {step.kind for lineage in history.lineages for step in lineage.steps}
    assert all(isinstance(kind, (ChangeKind, Presence)) for kind in kinds)
    assert kinds & {"absent", "restored", "added"}


def test_a_noise_class_is_a_member_and_a_misspelt_one_is_refused() -> None:
    from billdiff.textdiff import Noise

    span = billdiff.Span("delete", "«a»", (Noise.DASHES, Noise.QUOTES))
    assert span.classes == (Noise.QUOTES, Noise.DASHES)  # in the order of Noise
    assert span.noise == "quotes,dashes"  # as the JSON change list writes it
    assert billdiff.Span("insert", "x", "quotes,dashes") == span.__class__(  # type: ignore[arg-type]
        "insert", "x", (Noise.QUOTES, Noise.DASHES)
    )
    with pytest.raises(ValueError, match="qoutes"):
        billdiff.Span("delete", "x", ("qoutes",))  # type: ignore[arg-type]


def test_noise_classes_reach_the_json_as_strings() -> None:
    import json

    from billdiff.textdiff import Noise

    old = billdiff.parse("Article 1. Purpose\nThe “Minister” may act - at once.")
    new = billdiff.parse('Article 1. Purpose\nThe "Minister" may act — at once.')
    comparison = billdiff.compare(old, new, options=billdiff.Options(ignore=frozenset(Noise)))
    data = json.loads(billdiff.render(comparison, "json"))
    noise = {span.get("noise") for span in data["changes"][0]["spans"]} - {None}
    assert noise and all(isinstance(name, str) for name in noise)
    assert data["changes"][0]["kind"] == "unchanged"


def test_a_misspelt_kind_or_noise_class_fails_the_type_check(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    src = Path(billdiff.__file__).resolve().parent.parent
    snippet = tmp_path / "typo.py"
    snippet.write_text(
        "from billdiff.changes import Change, ChangeKind\n"
        "from billdiff.textdiff import Noise, Span\n"
        "kind = ChangeKind.MODIFED\n"
        'change = Change("modifed", None, None)\n'
        'span = Span("delete", "x", ("qoutes",))\n'
        "fine = Span('delete', 'x', (Noise.QUOTES,)), Change(ChangeKind.ADDED, None, None)\n",
        "utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), snippet],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MYPYPATH": str(src)},
        timeout=300,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in errors] == ["3", "4", "5"], done.stdout
