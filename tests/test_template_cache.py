"""jinja2's cache of compiled report templates: a speed-up that can never break a report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import billdiff
from billdiff.render import html

from .conftest import FIXTURES


def _render_with(cache: html._QuietBytecodeCache) -> str:
    env = html._ENV.overlay(bytecode_cache=cache)
    template = env.get_template("_warnings.html.j2")
    return template.render(warnings=[])


def test_compiled_templates_are_kept_and_read_back(tmp_path: Path) -> None:
    first = _render_with(html._QuietBytecodeCache(str(tmp_path)))
    kept = list(tmp_path.iterdir())
    assert kept  # the compiled template was written
    assert _render_with(html._QuietBytecodeCache(str(tmp_path))) == first


def test_a_damaged_cache_is_no_cache(tmp_path: Path) -> None:
    expected = _render_with(html._QuietBytecodeCache(str(tmp_path)))
    for kept in tmp_path.iterdir():
        data = kept.read_bytes()
        kept.write_bytes(data[: len(data) // 3])  # cut short, as by a full disk
    assert _render_with(html._QuietBytecodeCache(str(tmp_path))) == expected
    for kept in tmp_path.iterdir():
        kept.write_bytes(b"\x00garbage")
    assert _render_with(html._QuietBytecodeCache(str(tmp_path))) == expected


def test_a_cache_that_cannot_be_written_is_no_cache(tmp_path: Path) -> None:
    expected = _render_with(html._QuietBytecodeCache(str(tmp_path)))
    blocked = tmp_path / "a-file-where-the-folder-should-be"
    blocked.write_text("")  # not even root can write into it
    assert _render_with(html._QuietBytecodeCache(str(blocked))) == expected


def test_a_cache_folder_that_is_gone_is_no_cache(tmp_path: Path) -> None:
    expected = _render_with(html._QuietBytecodeCache(str(tmp_path)))
    assert _render_with(html._QuietBytecodeCache(str(tmp_path / "missing"))) == expected


def test_the_report_is_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    comparison = billdiff.compare(FIXTURES / "sample.old.txt", FIXTURES / "sample.new.txt")
    report = billdiff.render(comparison, "html")
    code = (
        "import sys, billdiff\n"
        "c = billdiff.compare(sys.argv[1], sys.argv[2])\n"
        "sys.stdout.write(billdiff.render(c, 'html'))"
    )
    args = [sys.executable, "-c", code, str(FIXTURES / "sample.old.txt")]
    args.append(str(FIXTURES / "sample.new.txt"))
    for env in ({"BILLDIFF_NO_TEMPLATE_CACHE": "1"}, {"TMPDIR": str(tmp_path)}, {}):
        done = subprocess.run(
            args, capture_output=True, text=True, check=True, env={**os.environ, **env}
        )
        assert done.stdout == report
