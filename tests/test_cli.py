"""The command line, run as a user runs it: a separate process, exit status and streams."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from .conftest import FIXTURES
from .helpers import assert_valid_akn

OLD, NEW = FIXTURES / "sample.old.txt", FIXTURES / "sample.new.txt"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "billdiff", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_diff_text_exit_status_1_on_changes() -> None:
    result = run("diff", OLD, NEW)
    assert result.returncode == 1, result.stderr
    assert "MODIFIED: Статья 3. Права дружинников -> Статья 4. Права дружинников" in result.stdout
    assert "[-может-]{+обязан+}" in result.stdout
    assert result.stderr == ""


def test_diff_exit_status_0_without_changes() -> None:
    result = run("diff", OLD, OLD)
    assert result.returncode == 0
    assert "5 unchanged" not in result.stdout
    assert "4 unchanged" in result.stdout


def test_diff_json_to_file(tmp_path: Path) -> None:
    out = tmp_path / "changes.json"
    result = run("diff", OLD, NEW, "--format", "json", "-o", out)
    assert result.returncode == 1
    assert result.stdout == ""
    data = json.loads(out.read_text("utf-8"))
    assert [c["kind"] for c in data["changes"]] == [
        "modified",
        "unchanged",
        "added",
        "modified",
        "renumbered",
    ]


def test_diff_html(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert run("diff", OLD, NEW, "-f", "html", "-o", out).returncode == 1
    html = out.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<del>может</del>" in html and "<ins>обязан</ins>" in html


def test_parse_writes_valid_akoma_ntoso(tmp_path: Path) -> None:
    out = tmp_path / "bill.xml"
    result = run("parse", NEW, "-o", out)
    assert result.returncode == 0, result.stderr
    assert_valid_akn(out.read_bytes())
    assert run("validate", out).returncode == 0


def test_parse_explain_shows_profile_and_confidence() -> None:
    result = run("parse", NEW, "--explain")
    assert result.returncode == 0
    assert "profile kz (confidence 1.00" in result.stderr
    assert etree.fromstring(result.stdout.encode()).tag.endswith("akomaNtoso")


def test_profiles_lists_both() -> None:
    result = run("profiles")
    assert result.returncode == 0
    assert any(line.startswith("kz") for line in result.stdout.splitlines())
    assert any(line.startswith("eu") for line in result.stdout.splitlines())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("diff", "missing.txt", NEW), "missing.txt: no such file"),
        (("diff", OLD, NEW, "--profile", "xx"), "unknown profile 'xx'"),
        (("diff", OLD, NEW, "--format", "pdf"), "unknown output format 'pdf'"),
        (("parse", FIXTURES), "is a directory"),
    ],
)
def test_trouble_is_one_line_and_exit_2(
    args: tuple[str, ...], message: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run(*args, "-o", out) if args[0] == "diff" else run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_empty_file_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("diff", empty, NEW)
    assert result.returncode == 2
    assert "empty.txt: the document is empty" in result.stderr


def test_debug_shows_a_traceback() -> None:
    result = run("--debug", "diff", "missing.txt", NEW)
    assert result.returncode == 2
    assert "Traceback" in result.stderr


def test_failed_run_leaves_existing_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "changes.json"
    out.write_text("previous", "utf-8")
    assert run("diff", "missing.txt", NEW, "-f", "json", "-o", out).returncode == 2
    assert out.read_text("utf-8") == "previous"
    assert list(tmp_path.iterdir()) == [out]
