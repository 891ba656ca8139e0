"""Score billdiff's article matching against ground truth on the corpus of real bills.

    python benchmarks/eval_matching.py [--corpus ../shared/corpus] [--only uk,kz]

Prints, per pair of versions: the article pairs found, precision / recall / F1 of the article
pairs against the ground truth, the share of ground-truth pairs whose kind is right, the
inserted articles reported as added, and for control pairs the number of false changes.

Ground truth:
- uk-social-housing-regulation-bill-2022: alignment/clause-guid-map.derived.csv (clause GUIDs,
  stable across stages) for the .xml and the .txt of each stage;
- kz, de and fr cases (numbering is stable there): the pairs of articles with the same number;
  an article whose number is in one version only was really inserted or removed;
- controls with no change in article text: us-hr264, us-hr1058, us-sconres13, de-sgb5 04->05.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import billdiff
from billdiff.changes import Comparison

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"

UK = "uk-social-housing-regulation-bill-2022"
SAME_NUMBER = [
    ("kz-ru-konst-zakon-o-pravitelstve", "*.md"),
    ("kz-kk-konst-zan-ukimet-turaly", "*.md"),
    ("de-findag-finanzaufsicht", "*.md"),
    ("de-gwb-markttransparenzstelle", "*.md"),
    ("de-sgb5-large", "*.md"),
    ("fr-ord58-1067-conseil-constitutionnel-pjlo-retraites", "*.md"),
    ("fr-ord58-1270-statut-magistrature-pjlo-retraites", "*.md"),
    ("fr-pjlo-retraites-dispositions-autonomes", "*.md"),
]
# (case, file pattern, first file of the pairs to score)
CONTROLS = [
    ("us-hr264-116-fsgg-approps-near-identical", "0*.xml", 0),
    ("us-hr264-116-fsgg-approps-near-identical", "0*.txt", 0),
    ("us-hr1058-116-autism-cares", "0*.xml", 0),
    ("us-hr1058-116-autism-cares", "0*.txt", 0),
    ("us-sconres13-116-taiwan", "0*.xml", 0),
    ("us-sconres13-116-taiwan", "0*.txt", 0),
    ("de-sgb5-large", "0*.md", 3),  # 04 -> 05: three §§ really differ
]


@dataclass
class Score:
    case: str
    old: str
    new: str
    found: int = 0
    expected: int = 0
    correct: int = 0
    kinds_right: int = 0
    kinds_total: int = 0
    added_right: int = 0
    added_total: int = 0
    false_changes: int = -1  # controls only
    renumbered: int = 0  # same-number cases: pairs renumbered by the act itself
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def pairs_of(comparison: Comparison) -> set[tuple[str, str]]:
    return {
        (c.old.label, c.new.label)
        for c in comparison.changes
        if c.old is not None and c.new is not None
    }


def kinds_of(comparison: Comparison) -> dict[tuple[str, str], str]:
    return {
        (c.old.label, c.new.label): c.kind
        for c in comparison.changes
        if c.old is not None and c.new is not None
    }


def _compare(old: Path, new: Path) -> tuple[Comparison, float]:
    start = time.perf_counter()
    comparison = billdiff.compare(billdiff.read(old), billdiff.read(new))
    return comparison, time.perf_counter() - start


def _uk_texts(path: Path) -> dict[str, str]:
    """Clause GUID -> the clause's text without its number, straight from the XML (an oracle
    independent of billdiff's readers)."""
    from lxml import etree

    ns = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
    root = etree.parse(str(path)).getroot()
    out = {}
    for section in root.iter(f"{ns}section"):
        guid = section.get("GUID")
        if not guid or "qstr" in (section.get("eId") or ""):
            continue
        parts = [
            t
            for child in section
            if isinstance(child.tag, str) and child.tag != f"{ns}num"
            for t in child.itertext()
        ]
        out[guid] = " ".join("".join(parts).split())
    return out


def score_uk(corpus: Path, suffix: str) -> list[Score]:
    folder = corpus / UK
    rows = list(
        csv.DictReader(
            (folder / "alignment" / "clause-guid-map.derived.csv").open(encoding="utf-8")
        )
    )
    files = sorted(folder.glob(f"0*.{suffix}"))
    # The map's text-changed flag is "yes" for every renumbered clause (it counts the number);
    # whether a clause *only* got a new number is read from the XML text itself.
    xml_texts = [_uk_texts(p) for p in sorted(folder.glob("0*.xml"))]
    scores = []
    for k in range(1, len(files)):
        a, b = f"v0{k}", f"v0{k + 1}"
        comparison, seconds = _compare(files[k - 1], files[k])
        truth = {(r[f"{a}_num"], r[f"{b}_num"]) for r in rows if r[f"{a}_num"] and r[f"{b}_num"]}
        found = pairs_of(comparison)
        kinds = kinds_of(comparison)
        score = Score(f"{UK} ({suffix})", files[k - 1].name[:2], files[k].name[:2], seconds=seconds)
        score.found, score.expected, score.correct = len(found), len(truth), len(found & truth)
        for row in rows:
            old, new = row[f"{a}_num"], row[f"{b}_num"]
            if not (old and new):
                if new and not old:
                    score.added_total += 1
                    added = {c.new.label for c in comparison.changes if c.kind == "added" and c.new}
                    score.added_right += new in added
                continue
            changed = row[f"text_changed_{a}_to_{b}"] == "yes"
            if changed and old != new:
                guid = row["GUID"]
                changed = xml_texts[k - 1].get(guid) != xml_texts[k].get(guid)
            got = kinds.get((old, new), "missing")
            want = (
                ("modified", "moved", "excluded", "split", "merged")
                if changed
                else (("unchanged",) if old == new else ("renumbered",))
            )
            score.kinds_total += 1
            if got in want:
                score.kinds_right += 1
            else:
                score.problems.append(f"clause {old}->{new}: {got}, expected {'/'.join(want)}")
        for old, new in sorted(found - truth):
            score.problems.append(f"false pair {old}->{new}")
        scores.append(score)
    return scores


def score_same_number(corpus: Path, case: str, pattern: str) -> list[Score]:
    files = sorted((corpus / case).glob(pattern))
    scores = []
    for old_path, new_path in itertools.pairwise(files):
        comparison, seconds = _compare(old_path, new_path)
        old_labels = {c.old.label for c in comparison.changes if c.old}
        new_labels = {c.new.label for c in comparison.changes if c.new}
        truth = {(label, label) for label in old_labels & new_labels}
        found = pairs_of(comparison)
        kinds = kinds_of(comparison)
        score = Score(case, old_path.name[:2], new_path.name[:2], seconds=seconds)
        score.found, score.expected, score.correct = len(found), len(truth), len(found & truth)
        inserted = new_labels - old_labels
        added = {c.new.label for c in comparison.changes if c.kind == "added" and c.new}
        # Where billdiff pairs two different numbers whose headings are the same, the act really
        # renumbered (re-lettered) the article: § 16k became § 16m in FinDAG 2018. Those pairs
        # replace the same-number pairs of their numbers in the ground truth; each is listed.
        headings = {
            (c.old.label, c.new.label): (c.old.heading, c.new.heading, c.similarity)
            for c in comparison.changes
            if c.old is not None and c.new is not None
        }
        confirmed = {
            pair
            for pair in found - truth
            if headings[pair][0]
            and headings[pair][0] == headings[pair][1]
            and headings[pair][2] >= 0.6
        }
        touched = {old for old, _ in confirmed} | {new for _, new in confirmed}
        truth = {(o, n) for o, n in truth if o not in touched and n not in touched} | confirmed
        score.renumbered = len(confirmed)
        score.expected, score.correct = len(truth), len(found & truth)
        score.kinds_total = len(truth)
        score.kinds_right = sum(
            1
            for pair in truth
            if kinds.get(pair)
            in (
                ("unchanged", "modified", "excluded")
                if pair[0] == pair[1]
                else ("renumbered", "modified", "moved")
            )
        )
        inserted -= {new for _, new in confirmed}
        score.added_total, score.added_right = len(inserted), len(inserted & added)
        for label in sorted(inserted - added):
            score.problems.append(f"inserted {label} not reported as added")
        for old, new in sorted(confirmed):
            score.problems.append(f"renumbered by the act (same heading): {old}->{new}")
        for old, new in sorted(found - truth):
            score.problems.append(
                f"pair not in the ground truth {old}->{new} ({kinds.get((old, new))})"
            )
        scores.append(score)
    return scores


def score_control(corpus: Path, case: str, pattern: str, start: int) -> list[Score]:
    files = sorted((corpus / case).glob(pattern))[start:]
    scores = []
    for old_path, new_path in itertools.pairwise(files):
        comparison, seconds = _compare(old_path, new_path)
        name = f"{case} ({pattern.rsplit('.', 1)[-1]})"
        score = Score(name, old_path.name[:2], new_path.name[:2], seconds=seconds)
        changed = [c for c in comparison.changes if c.kind != "unchanged"]
        score.false_changes = len(changed)
        score.found = score.expected = score.correct = len(comparison.changes)
        score.problems = [
            f"{c.kind}: {(c.new or c.old).num if (c.new or c.old) else ''}"
            for c in changed  # type: ignore[union-attr]
        ]
        scores.append(score)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--only", default="", help="comma-separated substrings of case names")
    parser.add_argument("--problems", action="store_true", help="list every wrong pair or kind")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    only = [s for s in args.only.split(",") if s]

    def wanted(case: str) -> bool:
        return not only or any(s in case for s in only)

    scores: list[Score] = []
    if wanted(UK):
        for suffix in ("xml", "txt"):
            scores += score_uk(args.corpus, suffix)
    for case, pattern in SAME_NUMBER:
        if wanted(case):
            scores += score_same_number(args.corpus, case, pattern)
    for case, pattern, start in CONTROLS:
        if wanted(case):
            scores += score_control(args.corpus, case, pattern, start)

    print(
        "| case | versions | pairs found / expected | precision | recall | F1 | kinds right "
        "| inserted reported as added | renumbered by the act | false changes (controls) | seconds |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for s in scores:
        false = str(s.false_changes) if s.false_changes >= 0 else ""
        kinds = f"{s.kinds_right}/{s.kinds_total}" if s.kinds_total else ""
        added = f"{s.added_right}/{s.added_total}" if s.added_total else ""
        print(
            f"| {s.case} | {s.old}->{s.new} | {s.found}/{s.expected} | {s.precision:.3f} | "
            f"{s.recall:.3f} | {s.f1:.3f} | {kinds} | {added} | {s.renumbered or ''} | {false} | {s.seconds:.2f} |"
        )
    if args.problems:
        for s in scores:
            for problem in s.problems:
                print(f"- {s.case} {s.old}->{s.new}: {problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
