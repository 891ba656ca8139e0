"""The JSON change list is a public contract: its schema, and golden files of the fixtures."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import jsonschema
import pytest

import billdiff
from billdiff.render.json import comparison_dict
from billdiff.schema import json_schema

from .conftest import FIXTURES, corpus_files

GOLDEN = FIXTURES / "golden"
CASES = ["sample", "eu"]


def _dict(old: Path, new: Path) -> dict[str, object]:
    data = comparison_dict(billdiff.compare(old, new))
    for side in ("old", "new"):
        reading = data[side]
        assert isinstance(reading, dict)
        reading["source"] = Path(reading["source"]).name  # independent of the checkout's path
    return data


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str, regen_golden: bool) -> None:
    """fixtures/<case>.old.txt + .new.txt -> fixtures/golden/<case>.expected.json.

    Regenerate with ``pytest --regen-golden``; never edit the expected files by hand.
    """
    data = _dict(FIXTURES / f"{case}.old.txt", FIXTURES / f"{case}.new.txt")
    expected = GOLDEN / f"{case}.expected.json"
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if regen_golden:
        expected.write_text(text, "utf-8")
    assert json.loads(expected.read_text("utf-8")) == data


@pytest.mark.parametrize("case", CASES)
def test_output_follows_the_schema(case: str) -> None:
    data = _dict(FIXTURES / f"{case}.old.txt", FIXTURES / f"{case}.new.txt")
    jsonschema.validate(data, json_schema())


def test_contract_fields() -> None:
    data = _dict(FIXTURES / "sample.old.txt", FIXTURES / "sample.new.txt")
    changes = data["changes"]
    assert isinstance(changes, list)
    renumbered = next(c for c in changes if c["kind"] == "renumbered")
    assert renumbered["old"] == {
        "eId": "chp_1__art_4",
        "num": "Статья 4.",
        "label": "4",
        "heading": "Вступление в силу",
        "text": renumbered["old"]["text"],
    }
    assert renumbered["new"]["num"] == "Статья 5."
    added = next(c for c in changes if c["kind"] == "added")
    assert added["old"] is None and added["new"]["label"] == "3"
    modified = [c for c in changes if c["kind"] == "modified"][1]
    assert {"op": "delete", "text": "может"} in modified["spans"]
    assert {"op": "insert", "text": "обязан"} in modified["spans"]


def test_schema_rejects_a_broken_document() -> None:
    data = _dict(FIXTURES / "sample.old.txt", FIXTURES / "sample.new.txt")
    data["changes"][0]["kind"] = "rewritten"  # type: ignore[index]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())


@pytest.mark.corpus
@pytest.mark.parametrize(
    "folder", sorted({p.parent for p in corpus_files("kz-*/*.md")}), ids=lambda p: p.name
)
def test_corpus_output_follows_the_schema(folder: Path) -> None:
    files = sorted(folder.glob("*.md"))
    for old, new in itertools.pairwise(files):
        jsonschema.validate(comparison_dict(billdiff.compare(old, new)), json_schema())
