"""Output formats on the command line (issue 17): a format's name in any case, and a format
taken from the output file's suffix when -f is not given, so that ``-o report.html`` never
holds terminal text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_cli import NEW, OLD, run


@pytest.mark.parametrize("command", ["diff", "history"])
@pytest.mark.parametrize("name", ["HTML", "Json", "TEXT"])
def test_a_format_name_in_any_case(command: str, name: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(command, OLD, NEW, "-f", name, "-o", out)
    assert result.returncode in (0, 1), result.stderr
    written = out.read_text("utf-8")
    if name == "HTML":
        assert written.startswith("<!DOCTYPE html>")
    elif name == "Json":
        assert json.loads(written)["format"].startswith("billdiff-")
    else:
        assert not written.startswith(("<", "{"))


@pytest.mark.parametrize("command", ["diff", "history"])
@pytest.mark.parametrize(
    ("suffix", "start"), [(".html", "<!DOCTYPE html>"), (".HTM", "<!DOCTYPE html>"), (".json", "{")]
)
def test_the_format_follows_the_output_suffix(
    command: str, suffix: str, start: str, tmp_path: Path
) -> None:
    out = tmp_path / f"report{suffix}"
    result = run(command, OLD, NEW, "-o", out)
    assert result.returncode in (0, 1), result.stderr
    assert out.read_text("utf-8").startswith(start)


@pytest.mark.parametrize("command", ["diff", "history"])
def test_a_text_suffix_or_none_is_text(command: str, tmp_path: Path) -> None:
    for name in ("report.txt", "report"):
        out = tmp_path / name
        result = run(command, OLD, NEW, "-o", out)
        assert result.returncode in (0, 1), result.stderr
        assert out.read_text("utf-8").startswith("billdiff")


def test_a_named_format_wins_over_the_suffix(tmp_path: Path) -> None:
    out = tmp_path / "changes.html"
    assert run("diff", OLD, NEW, "-f", "json", "-o", out).returncode == 1
    assert json.loads(out.read_text("utf-8"))["format"] == "billdiff-changes"


@pytest.mark.parametrize("command", ["diff", "history"])
@pytest.mark.parametrize("suffix", [".xml", ".pdf", ".md"])
def test_a_suffix_of_no_report_format_is_refused(command: str, suffix: str, tmp_path: Path) -> None:
    out = tmp_path / f"report{suffix}"
    result = run(command, OLD, NEW, "-o", out)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and suffix in lines[0] and "-f" in lines[0], result.stderr
    assert not out.exists()
