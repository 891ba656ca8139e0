"""The public API is pinned: a change to ``billdiff.__all__`` is a decision, not an accident."""

from __future__ import annotations

import billdiff


def test_all_is_pinned() -> None:
    assert sorted(billdiff.__all__) == sorted(
        [
            "CHANGE_KINDS",
            "Bill",
            "BilldiffError",
            "Change",
            "Comparison",
            "InputError",
            "Options",
            "ParseError",
            "PrefaceLine",
            "ProfileError",
            "Reading",
            "RenderError",
            "SchemaError",
            "Side",
            "Span",
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
