"""The public API is pinned: a change to ``billdiff.__all__`` is a decision, not an accident."""

from __future__ import annotations

import billdiff


def test_all_is_pinned() -> None:
    assert sorted(billdiff.__all__) == sorted(
        [
            "CHANGE_KINDS",
            "Bill",
            "BilldiffError",
            "BlameSegment",
            "Change",
            "Comparison",
            "Dossier",
            "History",
            "InputError",
            "Lineage",
            "Options",
            "ParseError",
            "PrefaceLine",
            "ProfileError",
            "Reading",
            "ReadingInfo",
            "RenderError",
            "SchemaError",
            "Side",
            "Span",
            "Step",
            "StructureWarning",
            "Unit",
            "UnsupportedFormatError",
            "__version__",
            "compare",
            "history",
            "parse",
            "read",
            "render",
            "render_history",
            "to_xml",
            "validate",
        ]
    )


def test_every_exported_member_exists() -> None:
    for name in billdiff.__all__:
        assert hasattr(billdiff, name), name


def test_every_error_derives_from_the_root() -> None:
    for name in billdiff.__all__:
        member = getattr(billdiff, name)
        if isinstance(member, type) and issubclass(member, Exception):
            assert issubclass(member, billdiff.BilldiffError)


def test_what_history_returns_is_exported() -> None:
    """history() returns a History of Lineages over a Dossier: a program can name those types
    from the package, as it names Comparison."""
    import pathlib

    fixtures = pathlib.Path(__file__).resolve().parent.parent / "fixtures"
    result = billdiff.history([fixtures / "sample.old.txt", fixtures / "sample.new.txt"])
    assert isinstance(result, billdiff.History)
    assert isinstance(result.dossier, billdiff.Dossier)
    assert all(isinstance(lineage, billdiff.Lineage) for lineage in result.lineages)
    assert all(isinstance(step, billdiff.Step) for lin in result.lineages for step in lin.steps)
    assert all(isinstance(info, billdiff.ReadingInfo) for info in result.dossier.readings)
