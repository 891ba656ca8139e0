"""Contract tests over every registered profile and renderer."""

from __future__ import annotations

import pytest

import billdiff
from billdiff.model import KINDS
from billdiff.profiles import all_profiles, get_profile
from billdiff.render import all_renderers, get_renderer

from .conftest import FIXTURES


@pytest.mark.parametrize("cls", all_profiles(), ids=lambda c: c.name)
def test_profile_contract(cls: type) -> None:
    profile = cls()
    assert profile.name and profile.description and cls.__doc__
    assert profile.language
    for key in (profile.name, *profile.aliases):
        assert type(get_profile(key)) is cls
    kinds = [level.kind for level in profile.levels]
    assert "article" in kinds
    for level in profile.levels:
        groups = set(level.pattern.groupindex)
        assert "num" in groups and ({"label", "label2"} & groups)
        assert level.kind in KINDS and level.kind != "note"
        # only articles are numbered in sequence; an annex ranks above everything it closes
        assert not level.sequential or level.kind == "article"
        assert not level.annex or level.rank < min(lv.rank for lv in profile.levels if not lv.annex)
        assert not level.inside_article or level.kind in ("paragraph", "point")
    # plain prose is never structural, and an empty text is neither a unit nor a stub
    assert profile.classify("", in_article=True) is None
    assert not profile.is_stub("")
    assert profile.score([]) == 0


@pytest.mark.parametrize("cls", all_renderers(), ids=lambda c: c.name)
def test_renderer_contract(cls: type) -> None:
    renderer = get_renderer(cls.name)
    comparison = billdiff.compare(FIXTURES / "sample.old.txt", FIXTURES / "sample.new.txt")
    output = renderer.render(comparison)
    # text, or bytes for a binary package (docx), as the renderer declares
    assert isinstance(output, bytes if cls.binary else str) and output
    assert renderer.extension.startswith(".")
    for alias in cls.aliases:
        assert type(get_renderer(alias)) is cls
