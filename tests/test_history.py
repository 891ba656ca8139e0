"""Following articles across readings: lineages, blame, the dossier manifest, outputs."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from billdiff import api
from billdiff.history import Dossier, History
from billdiff.render.history import history_dict
from billdiff.schema import json_schema

from .conftest import FIXTURES

DOSSIER = FIXTURES / "history" / "dossier.toml"


@pytest.fixture(scope="module")
def sample() -> History:
    return api.history(DOSSIER)


def cells(history: History) -> list[list[str]]:
    return [
        [f"{s.side.label}:{s.kind}" if s.side else s.kind for s in lineage.steps]
        for lineage in history.lineages
    ]


def test_manifest_is_read_relative_to_its_folder(sample: History) -> None:
    names = [r.label for r in sample.dossier.readings]
    assert names == ["Внесён в Мажилис", "Мажилис, первое чтение", "Мажилис, второе чтение"]
    assert sample.dossier.readings[0].date == "2024-02-01"
    assert sample.dossier.profile == "kz"
    assert len(sample.comparisons) == 2  # N readings cost N-1 comparisons


def test_lineages(sample: History) -> None:
    assert cells(sample) == [
        ["1:added", "1:modified", "1:unchanged"],
        ["2:added", "2:unchanged", "2:unchanged"],
        ["absent", "3:added", "3:modified"],
        ["3:added", "4:modified", "4:unchanged"],
        ["4:added", "5:renumbered", "5:excluded"],
    ]
    inserted = sample.lineages[2]
    assert inserted.appeared == 1 and inserted.removed is None
    assert inserted.id == "chp_1__art_3@1"


def test_blame_points_each_passage_at_the_reading_that_wrote_it(sample: History) -> None:
    rights = sample.find("4")
    blamed: dict[int, str] = {}
    for segment in sample.blame(rights):
        blamed[segment.reading] = blamed.get(segment.reading, "") + segment.text
    assert "обязан" in blamed[1] and "применять физическую силу" in blamed[1]
    assert "Дружинник" in blamed[0]
    creation = sample.find("3")
    readings = [(s.reading, s.text) for s in sample.blame(creation)]
    third = "".join(text for reading, text in readings if reading == 2)
    assert third.strip() == "по согласованию с органами внутренних дел"
    # the blamed passages rebuild the article's text in that reading
    last = creation.at(2)
    assert last is not None and "".join(text for _, text in readings) == last.text


def test_deleted_and_restored() -> None:
    texts = {
        "a.txt": "Статья 1. Цель\nЦель закона.\nСтатья 2. Права\nДружинник вправе задерживать.\n",
        "b.txt": "Статья 1. Цель\nЦель закона.\n",
        "c.txt": "Статья 1. Цель\nЦель закона.\nСтатья 2. Права\nДружинник вправе задерживать.\n",
    }
    bills = [api.parse(text, source=name) for name, text in texts.items()]
    from billdiff.history import build

    history = build(Dossier.from_files(list(texts)), bills)
    assert cells(history)[1] == ["2:added", "deleted", "2:restored"]
    assert history.lineages[1].removed is None


def test_json_follows_its_schema(sample: History) -> None:
    data = history_dict(sample)
    jsonschema.validate(data, json_schema("history"))
    assert data["lineages"][2]["steps"][0] == {"reading": 0, "kind": "absent"}


def test_a_bad_manifest_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "d.toml"
    bad.write_text("[[reading]]\nlabel = 'no file'\n", "utf-8")
    with pytest.raises(api.InputError, match="reading 1 has no file"):
        api.history(bad)
    bad.write_text("title = \n", "utf-8")
    with pytest.raises(api.InputError, match="not valid TOML"):
        api.history(bad)


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "billdiff", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_with_files_and_labels(tmp_path: Path) -> None:
    folder = FIXTURES / "history"
    out = tmp_path / "h.json"
    result = run(
        "history",
        folder / "1-introduced.txt",
        folder / "2-first-reading.txt",
        "--label",
        "one",
        "--label",
        "two",
        "-f",
        "json",
        "-o",
        out,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text("utf-8"))
    assert [r["label"] for r in data["readings"]] == ["one", "two"]


def test_cli_html_and_errors(tmp_path: Path) -> None:
    out = tmp_path / "h.html"
    assert run("history", "-m", DOSSIER, "-f", "html", "-o", out).returncode == 0
    html = out.read_text("utf-8")
    assert 'id="matrix"' in html and "Мажилис, второе чтение" in html
    one = run("history", FIXTURES / "sample.old.txt")
    assert one.returncode == 2 and "at least two readings" in one.stderr


# --- the corpus ---------------------------------------------------------------------------

UK = "uk-social-housing-regulation-bill-2022"


@pytest.mark.corpus
def test_kz_ru_three_versions(corpus: Path) -> None:
    files = sorted((corpus / "kz-ru-konst-zakon-o-pravitelstve").glob("*.md"))
    history = api.history(files)
    three_one = history.find("3-1")
    assert [s.kind for s in three_one.steps][:2] == ["absent", "added"]
    twenty_one_one = history.find("21-1")
    assert [s.kind for s in twenty_one_one.steps] == ["absent", "added", "excluded"]
    nine = history.find("9")
    new_in_third = "".join(s.text for s in history.blame(nine) if s.reading == 2)
    for point in ("5-1)", "5-2)", "5-3)"):
        assert point in new_in_third
    older = "".join(s.text for s in history.blame(nine) if s.reading < 2)
    assert "5-1)" not in older


@pytest.mark.corpus
@pytest.mark.parametrize("suffix", ["xml", "txt"])
def test_uk_lineages_equal_the_guid_map(corpus: Path, suffix: str) -> None:
    folder = corpus / UK
    files = sorted(folder.glob(f"0*.{suffix}"))
    history = api.history(files)
    rows = csv.DictReader(
        (folder / "alignment" / "clause-guid-map.derived.csv").open(encoding="utf-8")
    )
    expected = sorted(tuple(row[f"v0{k}_num"] or "-" for k in range(1, 5)) for row in rows)
    found = sorted(
        tuple(step.side.label if step.side else "-" for step in lineage.steps)
        for lineage in history.lineages
    )
    assert found == expected


def test_an_article_absent_then_back_split_in_two_continues_once() -> None:
    # issue 21: removed at one reading, back at the next split in two; align pairs the removed
    # article with both pieces, and restoring it twice crashed (list.remove on a lineage gone)
    texts = {
        "r0.txt": "Article 1\nAlpha beta gamma delta epsilon zeta.\nEta theta iota kappa lambda mu.\n",
        "r1.txt": "Nothing here.\n",
        "r2.txt": "Article 1\nAlpha beta gamma delta epsilon zeta.\n"
        "Article 5\nEta theta iota kappa lambda mu.\n",
    }
    bills = [api.parse(text, source=name) for name, text in texts.items()]
    from billdiff.history import build

    history = build(Dossier.from_files(list(texts)), bills)
    restored = [row for row in cells(history) if row[2].endswith(":restored")]
    assert restored == [["1:added", "deleted", "1:restored"]]
    last = sorted(lineage.at(2).label for lineage in history.lineages if lineage.at(2))
    assert last == ["1", "5"]
