"""Two Bills -> a :class:`~billdiff.changes.Comparison`. Pure: no I/O, no rendering.

Articles are matched by content (:mod:`billdiff.align`); inside each matched article its
paragraphs, points and notes are matched the same way, level by level, so that an inserted
point "5-1)" is one insertion and not a rewrite of every later point. The word spans of an
article are assembled from those of its parts. Edits that a reader need not read are
classified as noise (renumbered cross-references, numbering, whitespace, quotes, dashes).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from billdiff import parallel
from billdiff.align import Item, Pair, align, dice
from billdiff.changes import NOISE_CLASSES, Change, ChangeKind, Comparison, Reading, Side
from billdiff.errors import ProfileError
from billdiff.model import Bill, Unit
from billdiff.normalize import dashes, nfc, quotes, spaces
from billdiff.profiles import Profile, get_profile
from billdiff.textdiff import Noise, Span, diff_words


@dataclass(frozen=True)
class Options:
    """How to compare. ``old_label``/``new_label`` and dates name the readings in reports;
    ``ignore`` names classes of noise (see ``billdiff.changes.NOISE_CLASSES``) that do not make
    an article changed."""

    old_label: str = ""
    new_label: str = ""
    old_date: str = ""
    new_date: str = ""
    ignore: frozenset[Noise] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        # The CLI checks its --ignore; a program gets the same answer here, at once, instead
        # of a misspelt class that silently ignores nothing.
        if isinstance(self.ignore, (str, bytes)):
            raise TypeError(
                f"Options(ignore=...) takes a set of noise classes, not the string {self.ignore!r}"
            )
        unknown = sorted(set(self.ignore) - set(NOISE_CLASSES), key=str)
        if unknown:
            raise ValueError(
                f"Options(ignore=...): unknown noise class {unknown[0]!r} "
                f"(known: {', '.join(NOISE_CLASSES)})"
            )
        object.__setattr__(self, "ignore", frozenset(map(Noise, self.ignore)))


def compare(old: Bill, new: Bill, options: Options | None = None) -> Comparison:
    """Match the articles of two readings and describe every pair."""
    options = options or Options()
    engine = _Engine(_profile(old), _profile(new), options)
    old_units, new_units = _units(old), _units(new)
    pairs = align(
        engine.items(old_units, engine.old_profile), engine.items(new_units, engine.new_profile)
    )
    engine.references = {
        old_units[p.old].label: new_units[p.new].label
        for p in pairs
        if p.old is not None and p.new is not None and old_units[p.old].label
    }
    changes = engine.changes(pairs, old_units, new_units)
    before = engine.frame(
        "preface",
        "Preface",
        [line.text for line in old.preface],
        [line.text for line in new.preface],
    )
    # A reading without articles is compared unit by unit, its whole body; the other's text
    # outside its articles is then all on one side.
    between = engine.frame(
        "outside",
        "Text outside the articles",
        _outside_articles(old.body) if old.articles() else [],
        _outside_articles(new.body) if new.articles() else [],
    )
    after = engine.frame(
        "conclusions",
        "Back matter",
        [line.text for line in old.conclusions],
        [line.text for line in new.conclusions],
    )
    return Comparison(
        old=Reading.of(old, label=options.old_label, date=options.old_date),
        new=Reading.of(new, label=options.new_label, date=options.new_date),
        changes=changes,
        frame=(*before, *between, *after),
        old_order=tuple(unit.eid for unit in old_units),
        ignored=options.ignore,
    )


def _outside_articles(units: Sequence[Unit]) -> list[str]:
    """The lines of the body that belong to no article, in reading order: the numbers,
    headings and introductions of parts and chapters, and whole units with no article inside
    (a UK Schedule, an annex). The articles are compared one by one; this is compared whole."""
    lines: list[str] = []
    for unit in units:
        if unit.kind == "article":
            continue
        if any(child.kind == "article" for child in unit.iter()):
            lines.extend(unit.own_lines())
            lines.extend(_outside_articles(unit.children))
        else:
            lines.extend(unit.lines())
    return lines


def _profile(bill: Bill) -> Profile | None:
    try:
        return get_profile(bill.profile) if bill.profile else None
    except ProfileError:  # a Bill read from XML may name a profile this version lacks
        return None


def _units(bill: Bill) -> tuple[Unit, ...]:
    """The units compared: the articles, or the top-level units of a bill without articles."""
    return bill.articles() or bill.body


def _same(a: str, b: str) -> bool:
    return a == b or spaces(nfc(a)) == spaces(nfc(b))


def _own_body(unit: Unit) -> str:
    """Heading and content of a unit, without its number and its children."""
    return "\n".join([unit.heading, *unit.content] if unit.heading else unit.content)


def _has_lines(unit: Unit | None) -> bool:
    return unit is not None and next(unit.lines(), None) is not None


@dataclass
class _Chunk:
    """A piece of a unit's text in both readings, with its spans (the pieces are joined)."""

    old: bool  # has text in the old reading
    new: bool
    spans: list[Span]


def _join(chunks: Sequence[_Chunk], sep: str) -> list[Span]:
    """Join pieces with ``sep`` between consecutive pieces of each reading."""
    out: list[Span] = []
    seen_old = seen_new = False
    for chunk in chunks:
        if not chunk.old and not chunk.new:
            continue
        old_sep, new_sep = chunk.old and seen_old, chunk.new and seen_new
        if old_sep and new_sep:
            out.append(Span("equal", sep))
        elif old_sep:
            out.append(Span("delete", sep))
        elif new_sep:
            out.append(Span("insert", sep))
        out.extend(chunk.spans)
        seen_old |= chunk.old
        seen_new |= chunk.new
    return _merge(out)


def _merge(spans: Sequence[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if out and out[-1].op == span.op and out[-1].classes == span.classes:
            out[-1] = Span(span.op, out[-1].text + span.text, span.classes)
        else:
            out.append(span)
    return out


_WORDS = re.compile(r"\w+")
_LABEL = re.compile(r"^[\w]+(?:-[\w]+)*$")
# Words that introduce a cross-reference, before the number ("статьей 5", "section 7", "§ 4")
# or, in Kazakh, after it ("5-бабында").
_REF_BEFORE = re.compile(
    r"(стат\w*|ст\.|пункт\w*|подпункт\w*|глав\w*|section|sections|article|articles|clause|"
    r"clauses|art\.|§§?|paragraph|paragraphs|артикул\w*|бөлім\w*|тарау\w*)\s*$",
    re.IGNORECASE,
)
_REF_AFTER = re.compile(r"^\s*-?\s*(бап|баб)\w*", re.IGNORECASE)


#: Characters of changed text above which the articles are diffed in two processes (a fork
#: and the pickled result cost some milliseconds: not worth it for a small bill).
PARALLEL_ABOVE = 200_000


class _Engine:
    def __init__(
        self, old_profile: Profile | None, new_profile: Profile | None, options: Options
    ) -> None:
        self.old_profile = old_profile
        self.new_profile = new_profile
        self.options = options
        self.references: dict[str, str] = {}

    @staticmethod
    def items(units: Sequence[Unit], profile: Profile | None) -> list[Item]:
        return [
            Item(
                unit.label,
                unit.body_text(),
                profile.is_stub(unit.text()) if profile else False,
                unit.kind,
                unit.heading,
            )
            for unit in units
        ]

    def changes(
        self, pairs: Sequence[Pair], olds: Sequence[Unit], news: Sequence[Unit]
    ) -> tuple[Change, ...]:
        """The change of every pair of articles. On a large bill the pairs are cut in two
        halves of about the same work (the text of the pairs that differ), diffed at once."""

        def work(pair: Pair) -> int:
            if pair.old is None or pair.new is None:
                return 1
            a, b = olds[pair.old].body_text(), news[pair.new].body_text()
            return 1 if a == b else len(a) + len(b)

        def run(chunk: Sequence[Pair]) -> list[Change]:
            return [self.change(pair, olds, news, top=True) for pair in chunk]

        costs = [work(pair) for pair in pairs]
        if sum(costs) < PARALLEL_ABOVE:
            return tuple(run(pairs))
        # Largest first, each to the side with less work so far: two halves of the same work
        # whatever part of the bill changed most.
        mine: list[int] = []
        theirs: list[int] = []
        load = [0, 0]
        for k in sorted(range(len(pairs)), key=lambda k: -costs[k]):
            side = 0 if load[0] <= load[1] else 1
            (mine if side == 0 else theirs).append(k)
            load[side] += costs[k]
        mine.sort()
        theirs.sort()
        first, second = parallel.both(
            lambda: run([pairs[k] for k in mine]), lambda: run([pairs[k] for k in theirs])
        )
        done = sorted(zip((*mine, *theirs), (*first, *second), strict=True), key=lambda x: x[0])
        return tuple(change for _, change in done)  # in reading order again

    def change(
        self, pair: Pair, olds: Sequence[Unit], news: Sequence[Unit], *, top: bool
    ) -> Change:
        old = olds[pair.old] if pair.old is not None else None
        new = news[pair.new] if pair.new is not None else None
        if old is None:
            assert new is not None
            return Change(ChangeKind.ADDED, None, Side.of(new), 0.0)
        if new is None:
            return Change(ChangeKind.DELETED, Side.of(old), None, 0.0)
        before, after = Side.of(old), Side.of(new)
        spans: list[Span] = []
        parts: list[Change] = []
        if before.text != after.text:
            spans, parts = self.body_spans(old, new)
        kind: ChangeKind
        if pair.relation:
            kind = ChangeKind(pair.relation)
        elif not pair.in_order:
            kind = ChangeKind.MOVED
        elif _same(before.text, after.text) or self._ignorable(spans):
            kind = ChangeKind.UNCHANGED if old.label == new.label else ChangeKind.RENUMBERED
        elif self._is_stub(new, self.new_profile) and not self._is_stub(old, self.old_profile):
            kind = ChangeKind.EXCLUDED
        else:
            kind = ChangeKind.MODIFIED
        if kind in (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED) and not spans:
            return Change(kind, before, after, pair.similarity)
        return Change(kind, before, after, pair.similarity, tuple(spans), tuple(parts))

    def frame(
        self, eid: str, name: str, old: Sequence[str], new: Sequence[str]
    ) -> tuple[Change, ...]:
        """The entry for lines around the articles, compared whole, when either reading has
        any."""
        before = Side(eid, "", "", name, "\n".join(old)) if old else None
        after = Side(eid, "", "", name, "\n".join(new)) if new else None
        if before is None and after is None:
            return ()
        if before is None or after is None:
            added = before is None
            return (Change(ChangeKind.ADDED if added else ChangeKind.DELETED, before, after, 0.0),)
        if before.text == after.text:
            return (Change(ChangeKind.UNCHANGED, before, after, 1.0),)
        spans = self.classify(list(diff_words(before.text, after.text)))
        same = _same(before.text, after.text) or self._ignorable(spans)
        kind = ChangeKind.UNCHANGED if same else ChangeKind.MODIFIED
        score = dice(
            Counter(_WORDS.findall(before.text.casefold())),
            Counter(_WORDS.findall(after.text.casefold())),
        )
        return (Change(kind, before, after, round(score, 4), tuple(spans)),)

    def _ignorable(self, spans: Sequence[Span]) -> bool:
        edits = [s for s in spans if s.op != "equal"]
        ignore = self.options.ignore
        return bool(edits) and all(s.classes and set(s.classes) <= ignore for s in edits)

    @staticmethod
    def _is_stub(unit: Unit, profile: Profile | None) -> bool:
        return profile.is_stub(unit.text()) if profile else False

    def body_spans(self, old: Unit, new: Unit) -> tuple[list[Span], list[Change]]:
        """Spans from ``old.body_text()`` to ``new.body_text()`` built from matched parts, and
        the changes of those parts (flattened, nested parts after their parent)."""
        old_own, new_own = _own_body(old), _own_body(new)
        chunks = [_Chunk(bool(old_own), bool(new_own), list(diff_words(old_own, new_own)))]
        parts: list[Change] = []
        pairs = align(
            self.items(old.children, self.old_profile), self.items(new.children, self.new_profile)
        )
        if not old.children or not new.children or any(not p.in_order or p.relation for p in pairs):
            # parts moved inside the article: their spans cannot be laid end to end
            spans = self.classify(list(diff_words(old.body_text(), new.body_text())))
            parts = [self.change(p, old.children, new.children, top=False) for p in pairs]
            return spans, parts
        for pair in pairs:
            change = self.change(pair, old.children, new.children, top=False)
            parts.append(change)
            parts.extend(change.parts)
            a = old.children[pair.old] if pair.old is not None else None
            b = new.children[pair.new] if pair.new is not None else None
            chunks.append(self.full_chunk(a, b, change))
        return self.classify(_join(chunks, "\n")), parts

    def full_chunk(self, old: Unit | None, new: Unit | None, change: Change) -> _Chunk:
        """The chunk of a child's whole text (its number included) from its body change."""
        # A part with no line at all (an empty <paragraph/> of Akoma Ntoso) adds no line to
        # its parent's text either: its chunk is empty on that side, or the joined spans
        # would carry a separator the text has not (found by the fuzzer, issue 21).
        has_old, has_new = _has_lines(old), _has_lines(new)
        if old is None:
            assert new is not None
            return _Chunk(False, has_new, [Span("insert", new.text())])
        if new is None:
            return _Chunk(has_old, False, [Span("delete", old.text())])
        if not has_old or not has_new:
            return _Chunk(has_old, has_new, list(diff_words(old.text(), new.text())))
        body = list(change.spans) or ([Span("equal", new.body_text())] if new.body_text() else [])
        noise = (Noise.NUMBERING,) if _same(old.body_text(), new.body_text()) else ()
        if old.num == new.num:
            num = [Span("equal", new.num)]
        else:
            num = [Span("delete", old.num, noise), Span("insert", new.num, noise)]
        sep_old = " " if (old.heading or old.content) else "\n"
        sep_new = " " if (new.heading or new.content) else "\n"
        chunks = [_Chunk(bool(old.num), bool(new.num), num)]
        if sep_old == sep_new:
            chunks.append(_Chunk(bool(old.body_text()), bool(new.body_text()), body))
            return _Chunk(True, True, _join(chunks, sep_old))
        # the number shares its line with the text in one reading only: diff the whole text
        return _Chunk(True, True, list(diff_words(old.text(), new.text())))

    def classify(self, spans: list[Span]) -> list[Span]:
        """Mark each edit that is noise; a replacement is judged as a delete+insert pair."""
        out = list(spans)
        k = 0
        while k < len(out):
            span = out[k]
            if span.op == "equal" or span.classes:
                k += 1
                continue
            nxt = out[k + 1] if k + 1 < len(out) else None
            if nxt is not None and nxt.op not in ("equal", span.op):
                deleted, inserted = (span, nxt) if span.op == "delete" else (nxt, span)
                before = out[k - 1].text if k > 0 and out[k - 1].op == "equal" else ""
                after = out[k + 2].text if k + 2 < len(out) and out[k + 2].op == "equal" else ""
                noise = self._replacement_noise(deleted.text, inserted.text, before, after)
                if noise:
                    out[k] = Span(span.op, span.text, noise)
                    out[k + 1] = Span(nxt.op, nxt.text, noise)
                k += 2
                continue
            if not span.text.strip():
                out[k] = Span(span.op, span.text, (Noise.WHITESPACE,))
            k += 1
        return out

    def _replacement_noise(
        self, deleted: str, inserted: str, before: str, after: str
    ) -> tuple[Noise, ...]:
        if _WORDS.findall(deleted) != _WORDS.findall(inserted):
            # whitespace, quotes and dashes are no word characters: the words differ, so only
            # a renumbered reference can be noise (the usual case, checked first for speed)
            return self._reference_noise(deleted, inserted, before, after)
        if spaces(deleted) == spaces(inserted):
            return (Noise.WHITESPACE,)
        if spaces(quotes(deleted)) == spaces(quotes(inserted)):
            return (Noise.QUOTES,)
        if spaces(dashes(deleted)) == spaces(dashes(inserted)):
            return (Noise.DASHES,)
        if spaces(dashes(quotes(deleted))) == spaces(dashes(quotes(inserted))):
            return (Noise.QUOTES, Noise.DASHES)  # one replacement that needs both
        return self._reference_noise(deleted, inserted, before, after)

    def _reference_noise(
        self, deleted: str, inserted: str, before: str, after: str
    ) -> tuple[Noise, ...]:
        if (
            _LABEL.match(deleted)
            and self.references.get(deleted) == inserted
            and (_REF_BEFORE.search(before) or _REF_AFTER.match(after))
        ):
            return (Noise.REFERENCE,)
        return ()
