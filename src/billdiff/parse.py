"""Text blocks + a numbering profile -> :class:`~billdiff.model.Bill`. Never drops a character.

Each line is either structural (it starts a unit: a chapter, an article, a point...) or plain
(it continues the innermost open unit). A table of contents is recognised before parsing so that
its entries are not taken for articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from billdiff import eids
from billdiff.model import Bill, PrefaceLine, Unit
from billdiff.profiles import Level, Profile, detect_profile, get_profile
from billdiff.readers.base import Block, Document


@dataclass
class _Node:
    kind: str
    rank: int
    num: str = ""
    label: str = ""
    heading: str = ""
    content: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    line: int = 0
    wants_heading: bool = False

    def freeze(self, parent_eid: str, ordinal: int, taken: set[str]) -> Unit:
        eid = eids.deduplicate(
            eids.join(parent_eid, eids.component(self.kind, self.label, ordinal)), taken
        )
        counts: dict[str, int] = {}
        children: list[Unit] = []
        for child in self.children:
            counts[child.kind] = counts.get(child.kind, 0) + 1
            children.append(child.freeze(eid, counts[child.kind], taken))
        return Unit(
            kind=self.kind,
            num=self.num,
            label=self.label,
            heading=self.heading,
            content=tuple(self.content),
            children=tuple(children),
            eid=eid,
            line=self.line,
        )


_NOTE_RANK = 100
_ROMAN_SMALL = re.compile(r"^[ivxl]+$")


def parse(document: Document, profile: str | Profile | None = None) -> Bill:
    """Build a Bill from a read document with the named profile, or the detected one."""
    if profile is None:
        chosen, _ = detect_profile([block.text for block in document.blocks])
    elif isinstance(profile, str):
        chosen = get_profile(profile)
    else:
        chosen = profile
    return _Parser(chosen).run(document)


class _Parser:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.preface: list[PrefaceLine] = []
        self.roots: list[_Node] = []
        self.stack: list[_Node] = []

    def run(self, document: Document) -> Bill:
        toc = find_toc(self.profile, document.blocks)
        for index, block in enumerate(document.blocks):
            if index in toc:
                self.preface.append(PrefaceLine(block.text, "toc"))
            else:
                self.line(block)
        taken: set[str] = set()
        counts: dict[str, int] = {}
        body: list[Unit] = []
        for root in self.roots:
            counts[root.kind] = counts.get(root.kind, 0) + 1
            body.append(root.freeze("", counts[root.kind], taken))
        return Bill(
            body=tuple(body),
            preface=tuple(self.preface),
            profile=self.profile.name,
            language=self.profile.language,
            source=document.source,
        )

    def in_article(self) -> bool:
        return any(node.kind == "article" for node in self.stack)

    def line(self, block: Block) -> None:
        text = block.text
        top = self.stack[-1] if self.stack else None
        if top is not None and top.wants_heading:
            top.wants_heading = False
            if self.profile.classify(
                text, in_article=True
            ) is None and self.profile.is_heading_line(text):
                top.heading = text
                return
        note = self.profile.note_marker
        if note is not None and note.match(text) and self.stack:
            self.open_note(text, block.line)
            return
        found = self.profile.classify(text, in_article=self.in_article())
        if found is None:
            self.plain(text)
            return
        level, match = found
        if not _conserves(text, match):
            self.plain(text)  # a pattern that would drop characters is not trusted
            return
        self.open(level, match, block.line)

    def plain(self, text: str) -> None:
        if self.stack:
            self.stack[-1].content.append(text)
        else:
            self.preface.append(PrefaceLine(text))

    def open_note(self, text: str, line: int) -> None:
        self.pop_notes()
        # A note belongs to the article that carries it (or to the innermost unit outside one).
        while len(self.stack) > 1 and self.stack[-1].kind != "article":
            self.stack.pop()
        node = _Node("note", _NOTE_RANK, content=[text], line=line)
        self.attach(node)

    def pop_notes(self) -> None:
        while self.stack and self.stack[-1].kind == "note":
            self.stack.pop()

    def open(self, level: Level, match: re.Match[str], line: int) -> None:
        self.pop_notes()
        groups = match.groupdict()
        label = self.profile.label(groups.get("label") or "")
        rank = self.rank_of(level, label)
        node = _Node(
            kind=level.kind,
            rank=rank,
            num=(groups.get("num") or "").strip(),
            label=label,
            heading=(groups.get("heading") or "").strip(),
            line=line,
        )
        rest = (groups.get("rest") or "").strip()
        if rest:
            node.content.append(rest)
        node.wants_heading = level.heading_on_next_line and not node.heading
        while self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()
        self.attach(node)

    def rank_of(self, level: Level, label: str) -> int:
        """Resolve "(i)": a roman sub-point unless it follows "(h)" at the letter level."""
        if level.kind != "point" or not _ROMAN_SMALL.match(label) or not label.isascii():
            return level.rank
        open_points = [node for node in self.stack if node.kind == "point"]
        letter = next((n for n in reversed(open_points) if n.rank == level.rank), None)
        roman = next((n for n in reversed(open_points) if n.rank == level.rank + 1), None)
        if roman is not None:
            return level.rank + 1
        if letter is not None and not (label == "i" and letter.label == "h") and label == "i":
            return level.rank + 1
        return level.rank

    def attach(self, node: _Node) -> None:
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.roots.append(node)
        self.stack.append(node)


_NOT_SPACE = re.compile(r"\S")


def _conserves(text: str, match: re.Match[str]) -> bool:
    """Do the number, heading and rest of a matched line hold every character of the line?"""
    groups = match.groupdict()
    kept = "".join(groups.get(key) or "" for key in ("num", "heading", "rest"))
    return len(_NOT_SPACE.findall(kept)) == len(_NOT_SPACE.findall(text))


def find_toc(profile: Profile, blocks: tuple[Block, ...]) -> set[int]:
    """Indexes of the blocks that form a table of contents.

    A table of contents is a run of at least three structural headings with nothing else
    between them, whose articles are found again later in the document; a marker line
    ("Оглавление", "Мазмұны", "CONTENTS") directly before such a run belongs to it.
    """
    toc: set[int] = set()
    runs: list[list[int]] = []
    current: list[int] = []
    for index, block in enumerate(blocks):
        if profile.classify(block.text, in_article=False) is not None:
            current.append(index)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    for run in (part for whole in runs for part in _split_at_repeat(profile, blocks, whole)):
        articles = [i for i in run if _kind(profile, blocks[i]) == "article"]
        if len(articles) < 3:
            continue
        later = _labels(profile, blocks[run[-1] + 1 :])
        mine = _labels(profile, [blocks[i] for i in articles])
        if not later or len(mine & later) < 0.5 * len(mine):
            continue
        toc.update(run)
        first = run[0]
        if first > 0 and profile.toc_marker.match(blocks[first - 1].text):
            toc.add(first - 1)
    return toc


def _split_at_repeat(
    profile: Profile, blocks: tuple[Block, ...], run: list[int]
) -> list[list[int]]:
    """Cut a run of headings where an article number comes round again: the table of contents
    ends there and the body begins (with the chapter headings just before that article)."""
    seen: set[str] = set()
    for position, index in enumerate(run):
        found = profile.classify(blocks[index].text, in_article=False)
        if found is None or found[0].kind != "article":
            continue
        label = profile.label(found[1].group("label"))
        if label in seen:
            cut = position
            while cut > 0 and _kind(profile, blocks[run[cut - 1]]) not in ("article", None):
                cut -= 1
            return [run[:cut], *_split_at_repeat(profile, blocks, run[cut:])]
        seen.add(label)
    return [run]


def _kind(profile: Profile, block: Block) -> str | None:
    found = profile.classify(block.text, in_article=False)
    return found[0].kind if found else None


def _labels(profile: Profile, blocks: list[Block] | tuple[Block, ...]) -> set[str]:
    labels: set[str] = set()
    for block in blocks:
        found = profile.classify(block.text, in_article=False)
        if found is not None and found[0].kind == "article":
            labels.add(profile.label(found[1].group("label")))
    return labels
