"""Contract tests over every registered profile and renderer."""

from __future__ import annotations

import subprocess
import sys

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


def test_the_built_in_formats_are_the_renderers_names() -> None:
    # The formats are known by name before their modules are loaded: the list must say
    # exactly what the renderers declare.
    from billdiff.render.base import BUILT_IN, format_names

    declared = {name: cls for cls in all_renderers() for name in (cls.name, *cls.aliases)}
    assert set(BUILT_IN) == set(declared)
    for name, module in BUILT_IN.items():
        assert declared[name].__module__ == f"billdiff.render.{module}"
    assert set(format_names()) == set(declared)


def test_a_comparison_loads_only_the_renderer_it_writes() -> None:
    # start-up is a large part of a typical bill's time: nothing is imported that the command
    # does not use, such as lxml for text (a fresh interpreter: the test session has loaded all)
    code = (
        "import sys, billdiff\n"
        "c = billdiff.compare(sys.argv[1], sys.argv[2])\n"
        "billdiff.render(c, 'json')\n"
        "print(sorted(m for m in sys.modules if m.startswith(('billdiff.render.', 'jinja2', 'lxml'))))"
    )
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            str(FIXTURES / "sample.old.txt"),
            str(FIXTURES / "sample.new.txt"),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == "['billdiff.render.base', 'billdiff.render.json']"
