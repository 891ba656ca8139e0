"""The comparison as a Word document with tracked changes (issue 18): a redline that lawyers and
staff can open, comment, accept or reject in Word or LibreOffice.

python-docx builds the package (styles, headings, tables, comments); it has no API for
revisions, so the ``w:ins``/``w:del`` elements are written directly as OOXML elements.

The document is a first page in the bill's language (the two readings, structure warnings,
counts per kind, the most changed articles; words from ``templates/docx-labels.json``), then every article in the order of the comparison: a "Heading 2" paragraph
with its number and heading (Word's navigation pane lists them), then its text, one paragraph
with line breaks, each word-level edit a tracked revision by "billdiff". Accepting every
revision gives the new reading's articles; rejecting every one gives the old reading's:

- an added article is inserted (its paragraph marks too), a deleted one stays in place deleted;
- a moved article is a Word move: ``w:moveFrom`` at its old place, ``w:moveTo`` with its
  word edits at the new; the articles that keep their old order are the longest such run;
- a split old article is written with its first new part; the other parts are insertions, so
  that rejecting gives the old article once. A merge likewise writes the new article once;
- a renumbered, moved, split, merged or excluded article carries a comment saying so, and so
  does any article whose number changed ("modified: Статья 3 → Статья 4");
- an edit that is noise (a renumbered reference, quotes, dashes, spacing, an article's new
  number) is tracked under a reviewer of its own, "billdiff: quotes", so that Word and
  LibreOffice show it in another colour and can hide or accept it class by class, never mixed
  into the real edits; nothing of the old reading is lost. Noise of the classes the comparison
  ignores (``--ignore``) is written untracked, in the new reading's form, as the user asked,
  and the first page says so; an article whose edits are all such noise (its kind is
  "unchanged") gets a comment saying it is counted as unchanged.

XML 1.0 cannot carry most control characters: each is written as its visible Unicode "control
picture" (U+0001 -> U+2401), as the text report does, and a lone surrogate or U+FFFE/U+FFFF as
U+FFFD; nothing is dropped. A tab is a ``w:tab`` and a line break a ``w:br``.
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, cast

from billdiff import changes as _changes
from billdiff.changes import Change, Comparison, Reading, Side
from billdiff.render.base import Renderer, register
from billdiff.sequences import longest_increasing
from billdiff.textdiff import Noise, Span

if TYPE_CHECKING:  # python-docx is imported when a docx is written: other formats need none
    from docx.document import Document
    from docx.oxml.text.paragraph import CT_P
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.text.paragraph import Paragraph

#: The author of every revision and comment.
AUTHOR = "billdiff"

#: How many articles the first page lists as the most changed (as in the HTML report).
MOST_CHANGED = 10

#: Kinds whose article gets a comment saying what happened to it.
COMMENTED_KINDS = frozenset({"renumbered", "moved", "split", "merged", "excluded"})

# Characters XML 1.0 cannot carry, besides tab and line feed which are w:tab and w:br.
_ILLEGAL = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE = re.compile(r"(\n|\t)")


@cache
def labels() -> dict[str, dict[str, str]]:
    """The report's own words, by language code: ``templates/docx-labels.json``, data that a
    translator can extend (the first page is for the bill's readers, issue 18). Kinds of change
    are "kind.<kind>", the text around the articles "frame.<eId>"; noise classes keep their
    English names, as in every report."""
    text = resources.files("billdiff.render").joinpath("templates", "docx-labels.json")
    loaded: dict[str, dict[str, str]] = json.loads(text.read_text("utf-8"))
    return loaded


def labels_for(language: str) -> dict[str, str]:
    """The report's words for a language code ("ru", "kk", "de-AT"); English for any other."""
    table = labels()
    return table.get(language.lower().split("-")[0], table["en"])


def visible(text: str) -> str:
    """``"a\\x01b"`` -> ``"a␁b"``: text that XML 1.0 can carry, every character still shown."""

    def one(match: re.Match[str]) -> str:
        code = ord(match.group())
        return chr(0x2400 + code) if code < 0x20 else "\ufffd"

    return _ILLEGAL.sub(one, text)


def noise_author(classes: Sequence[Noise]) -> str:
    """The reviewer that edits of these classes of noise are tracked under: "billdiff: quotes",
    "billdiff: quotes+dashes"."""
    return f"{AUTHOR}: " + "+".join(n.value for n in Noise if n in classes)


def _iso_date(reading: Reading) -> str:
    """The reading's date as w:date wants it, or "" when it is no ISO date (then omitted)."""
    try:
        return date.fromisoformat(reading.date.strip()[:10]).isoformat() + "T00:00:00Z"
    except ValueError:
        return ""


def _name(side: Side | None) -> str:
    if side is None:
        return "—"
    return " ".join(part for part in (side.num, side.heading) if part) or side.eid


def _el(tag: str) -> BaseOxmlElement:
    from docx.oxml import OxmlElement

    return cast("BaseOxmlElement", OxmlElement(tag))


def qn(tag: str) -> str:
    """``"w:id"`` -> the Clark name lxml wants."""
    from docx.oxml.ns import qn as _qn

    name: str = _qn(tag)
    return name


def _mark_properties(p: CT_P) -> BaseOxmlElement:
    """The run properties of a paragraph's mark (``w:pPr/w:rPr``), where a revision of the
    paragraph itself is recorded; made when missing."""
    ppr = p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = _el("w:rPr")
        ppr.append(rpr)  # w:rPr comes last in w:pPr but for w:sectPr/w:pPrChange
    return cast("BaseOxmlElement", rpr)


def _label(kind: str) -> str:
    return kind.replace("_", " ").replace("-", " ")


class _Writer:
    """One document being written: the revision ids and date are shared by all its parts."""

    def __init__(self, comparison: Comparison) -> None:
        import docx

        self.comparison = comparison
        self.words = labels_for(comparison.new.language or comparison.old.language)
        self.doc: Document = docx.Document()
        self.date = _iso_date(comparison.new) or _iso_date(comparison.old)
        self.next_id = 1
        self.moved_away: set[str] = set()  # old eIds written as moves
        self.noise_authors: set[str] = set()  # the reviewers noise was tracked under
        self.untracked: set[Noise] = set()  # classes of ignored noise written untracked
        self.summary: CT_P | None = None  # the first page's summary line

    def kind(self, kind: str) -> str:
        return self.words.get(f"kind.{kind}", _label(kind))

    # -- revisions ---------------------------------------------------------------------------

    def _revision(self, tag: str, author: str = AUTHOR) -> BaseOxmlElement:
        element = _el(tag)
        element.set(qn("w:id"), str(self.next_id))
        element.set(qn("w:author"), author)
        if self.date:
            element.set(qn("w:date"), self.date)
        self.next_id += 1
        return element

    @staticmethod
    def _run(text: str, deleted: bool) -> BaseOxmlElement:
        """A w:r holding ``text``; line breaks and tabs as w:br and w:tab."""
        run = _el("w:r")
        for piece in _LINE.split(visible(text)):
            if piece == "\n":
                run.append(_el("w:br"))
            elif piece == "\t":
                run.append(_el("w:tab"))
            elif piece:
                t = _el("w:delText" if deleted else "w:t")
                t.set(qn("xml:space"), "preserve")
                t.text = piece
                run.append(t)
        return run

    def add_text(
        self, paragraph: Paragraph, text: str, op: str = "equal", noise: Sequence[Noise] = ()
    ) -> None:
        """Append ``text`` to the paragraph: plain, inserted ("insert") or deleted ("delete");
        an edit that is noise of the classes ``noise`` under the reviewer of its classes, or
        untracked in its new form when the comparison ignores those classes."""
        if not text:
            return
        author = AUTHOR
        if noise and op != "equal":
            if set(noise) <= self.comparison.ignored:
                self.untracked.update(noise)
                if op == "delete":
                    return
                op = "equal"
            else:
                author = noise_author(noise)
                self.noise_authors.add(author)
        run = self._run(text, op == "delete")
        if op == "equal":
            paragraph._p.append(run)
            return
        wrapper = self._revision("w:ins" if op == "insert" else "w:del", author)
        wrapper.append(run)
        paragraph._p.append(wrapper)

    def add_spans(self, paragraph: Paragraph, spans: Iterable[Span]) -> None:
        for span in spans:
            self.add_text(paragraph, span.text, span.op, span.classes)

    def mark_paragraph(self, paragraph: Paragraph, op: str) -> None:
        """Track the paragraph mark itself as inserted or deleted (a whole added or deleted
        article), so that accepting or rejecting removes the paragraph, not only its text."""
        if op == "equal":
            return
        _mark_properties(paragraph._p).append(
            self._revision("w:ins" if op == "insert" else "w:del")
        )

    # -- the first page ----------------------------------------------------------------------

    def _reading_line(self, what: str, reading: Reading) -> None:
        parts = [
            reading.label,
            reading.date,
            os.path.basename(reading.source) if reading.source else "",
        ]
        paragraph = self.doc.add_paragraph()
        paragraph.add_run(f"{what}: ").bold = True
        paragraph.add_run(visible(" · ".join(p for p in parts if p) or "—"))

    def first_page(self) -> None:
        c = self.comparison
        title = (c.new.title or c.old.title).strip()
        words = self.words
        self.doc.add_heading(visible(title) if title else words["title"], level=0)
        self._reading_line(words["old"], c.old)
        self._reading_line(words["new"], c.new)
        for reading, what in ((c.old, words["old"]), (c.new, words["new"])):
            # before any count: a reader must know the structure is doubtful before trusting it
            for warning in reading.warnings:
                paragraph = self.doc.add_paragraph()
                paragraph.add_run(f"{words['warning']} ({what}): ").bold = True
                paragraph.add_run(visible(warning.message))
        self.doc.add_heading(words["per_kind"], level=1)
        counter = Counter(change.kind for change in c.changes)
        kinds = [k for k in _changes.CHANGE_KINDS if counter[k]]
        kinds += sorted(k for k in counter if k not in _changes.CHANGE_KINDS)
        table = self.doc.add_table(rows=0, cols=2)
        for kind in kinds:
            cells = table.add_row().cells
            cells[0].text = self.kind(kind)
            cells[1].text = str(counter[kind])
        self.summary = self.doc.add_paragraph(
            words["summary"].format(n=len(c.changes), ins=c.words_inserted, dele=c.words_deleted)
        )._p
        most = sorted(
            (ch for ch in c.changes if ch.words_inserted + ch.words_deleted),
            key=lambda ch: -(ch.words_inserted + ch.words_deleted),
        )[:MOST_CHANGED]
        if most:
            self.doc.add_heading(words["most"], level=1)
            for change in most:
                self.doc.add_paragraph(
                    visible(
                        f"{_name(change.new or change.old)}: "
                        + words["words"].format(
                            ins=change.words_inserted, dele=change.words_deleted
                        )
                        + f" ({self.kind(change.kind)})"
                    ),
                    style="List Bullet",
                )

    # -- the articles ------------------------------------------------------------------------

    def heading(self, change: Change, old: Side | None, new: Side | None) -> None:
        paragraph = self.doc.add_paragraph()
        # the style set by id: python-docx's add_heading looks the style up by name through
        # every style, 2 of the 3 seconds of a 700-article document
        style = _el("w:pStyle")
        style.set(qn("w:val"), "Heading2")
        paragraph._p.get_or_add_pPr().insert(0, style)
        if old is not None and new is not None and old.num != new.num:
            # the number is no part of the article's text: its change is tracked here, as
            # numbering (the comment says the old and new number whatever the kind)
            self.add_text(paragraph, old.num, "delete", (Noise.NUMBERING,))
            self.add_text(paragraph, new.num, "insert", (Noise.NUMBERING,))
            self.add_text(paragraph, f" {new.heading}" if new.heading else "")
        else:
            side = new or old
            assert side is not None
            op = "insert" if old is None else "delete" if new is None else "equal"
            self.add_text(paragraph, _name(side), op)
            self.mark_paragraph(paragraph, op)
        note = self._note(change)
        if note:
            self._comment_xml(paragraph, note)

    def _comment_xml(self, paragraph: Paragraph, text: str) -> None:
        # python-docx comments anchor on Run objects; a tracked run sits inside w:ins/w:del,
        # so the anchor is the whole paragraph, marked with raw range elements.
        comment = self.doc.comments.add_comment(visible(text), author=AUTHOR, initials="bd")
        # python-docx dates a comment now: the comparison's date, or none, keeps the
        # document the same for the same comparison
        element = comment._comment_elm
        if qn("w:date") in element.attrib:
            del element.attrib[qn("w:date")]
        if self.date:
            element.set(qn("w:date"), self.date)
        cid = str(comment.comment_id)
        start, end = _el("w:commentRangeStart"), _el("w:commentRangeEnd")
        start.set(qn("w:id"), cid)
        end.set(qn("w:id"), cid)
        p = paragraph._p
        ppr = p.pPr
        p.insert(1 if ppr is not None else 0, start)
        p.append(end)
        ref_run = _el("w:r")
        ref = _el("w:commentReference")
        ref.set(qn("w:id"), cid)
        ref_run.append(ref)
        p.append(ref_run)

    def _note(self, change: Change) -> str:
        old, new = change.old, change.new
        if old is not None and new is not None and old.num != new.num:
            # a modified article can have a new number too: the comment says so whatever the kind
            was, now = old.num.rstrip(". ") or old.eid, new.num.rstrip(". ") or new.eid
            return f"{self.kind(change.kind)}: {was} → {now}"
        if change.kind in COMMENTED_KINDS:
            return self.kind(change.kind)
        if change.kind == "unchanged" and any(s.op != "equal" for s in change.spans):
            classes = sorted({c for s in change.spans if s.noise for c in s.noise.split(",")})
            return self.words["noise"].format(classes=", ".join(classes) or "whitespace")
        return ""

    def body(self, change: Change, old: Side | None, new: Side | None) -> None:
        paragraph = self.doc.add_paragraph()
        if old is None or new is None:
            side = new or old
            assert side is not None
            op = "insert" if old is None else "delete"
            self.add_text(paragraph, side.text, op)
            self.mark_paragraph(paragraph, op)
        elif not change.spans:
            self.add_text(paragraph, new.text)
        else:
            self.add_spans(paragraph, change.spans)

    def articles(self, changes: Iterable[Change]) -> None:
        entries: list[tuple[Change, Side | None, Side | None]] = []
        seen_old: set[str] = set()
        seen_new: set[str] = set()
        for change in changes:
            old, new = change.old, change.new
            # a split names an old article twice, a merge a new one: each is written once
            if old is not None and old.eid in seen_old:
                old = None
            if new is not None and new.eid in seen_new:
                new = None
            if old is None and new is None:
                continue
            if old is not None:
                seen_old.add(old.eid)
            if new is not None:
                seen_new.add(new.eid)
            if (old is None) != (change.old is None) or (new is None) != (change.new is None):
                # what is left is one side of a split or merge: an insertion or a deletion
                change = Change(change.kind, old, new, change.similarity)
            entries.append((change, old, new))
        moved, after = _moves(entries, self.comparison.old_order)
        self.moved_away = {
            old.eid for k, (_, old, new) in enumerate(entries) if k in moved and old and new
        }
        for old in after.get(-1, ()):
            self.old_copy(old)
        for index, (change, old, new) in enumerate(entries):
            if index in moved:
                if old is not None and new is not None:  # moved here; moved away at its old place
                    self.as_move("w:moveTo", change, old, new)
            else:
                self.article(change, old, new)
            for old in after.get(index, ()):
                self.old_copy(old)

    def article(self, change: Change, old: Side | None, new: Side | None) -> None:
        self.heading(change, old, new)
        self.body(change, old, new)

    def old_copy(self, old: Side) -> None:
        """An article of the old reading at its old place, when the new reading has it
        elsewhere (a Word move from here) or not at all (a deletion)."""
        if old.eid in self.moved_away:
            self.as_move("w:moveFrom", Change(_changes.ChangeKind.UNCHANGED, old, old), old, old)
        else:
            self.article(Change(_changes.ChangeKind.DELETED, old, None), old, None)

    def as_move(self, tag: str, change: Change, old: Side, new: Side) -> None:
        """Write the article and make its paragraphs one move revision (``w:moveFrom`` at
        the old place, ``w:moveTo`` at the new, named alike so that Word pairs them): their
        runs and revisions inside it, their paragraph marks moved too."""
        body = self.doc.element.body
        first = len(body.findall(qn("w:p")))  # new paragraphs go before the w:sectPr
        self.article(change, old, new)
        paragraphs = body.findall(qn("w:p"))[first:]
        if not paragraphs:
            return
        name = f"move-{old.eid}"[:40]  # the same name at both places pairs them
        for p in paragraphs:
            wrapper = self._revision(tag)
            for child in list(p):
                if child.tag in (qn("w:r"), qn("w:ins"), qn("w:del")):
                    wrapper.append(child)
            p.append(wrapper)
            rpr = _mark_properties(p)
            for mark in list(rpr):
                if mark.tag in (qn("w:ins"), qn("w:del")):
                    rpr.remove(mark)
            rpr.append(self._revision(tag))
        start = self._revision(f"{tag}RangeStart")
        start.set(qn("w:name"), name)
        end = _el(f"{tag}RangeEnd")
        end.set(qn("w:id"), str(start.get(qn("w:id"))))
        paragraphs[0].insert(1 if paragraphs[0].pPr is not None else 0, start)
        paragraphs[-1].append(end)

    def frame(self, changes: Iterable[Change]) -> None:
        for change in changes:
            self.doc.add_heading(self.words.get(f"frame.{change.eid}", change.eid), level=1)
            self.body(change, change.old, change.new)

    def explain_noise(self) -> None:
        """Say on the first page (known only once the articles are written) how noise is
        shown: under which reviewers, and which ignored classes were left untracked."""
        said: list[str] = []
        if self.noise_authors:
            authors = ", ".join(f"“{a}”" for a in sorted(self.noise_authors))
            said.append(self.words["reviewers"].format(authors=authors))
        if self.untracked:
            classes = ", ".join(n.value for n in Noise if n in self.untracked)
            said.append(self.words["untracked"].format(classes=classes))
        for text in reversed(said):  # each goes right after the summary line
            paragraph = self.doc.add_paragraph(text)
            assert self.summary is not None
            self.summary.addnext(paragraph._p)

    def render(self) -> bytes:
        self.first_page()
        c = self.comparison
        props = self.doc.core_properties
        props.author = props.last_modified_by = AUTHOR
        props.title = visible((c.new.title or c.old.title).strip())[:250]
        props.comments = "Changes between two readings, as tracked revisions, by billdiff."
        # the text starts on a page of its own: a property of its heading rather than a page
        # break in a paragraph, which a full first page would push onto a blank page
        body = self.doc.add_heading(self.words["body"], level=1)
        body.paragraph_format.page_break_before = True
        self.frame(ch for ch in c.frame if ch.eid == "preface")
        self.articles(c.changes)
        self.frame(ch for ch in c.frame if ch.eid != "preface")
        self.explain_noise()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return _stable(buffer.getvalue())


def _stable(package: bytes) -> bytes:
    """The package with every member dated 1980-01-01: the same comparison gives the same
    bytes (python-docx dates the zip members now), so a docx can be checked in and compared."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


def _moves(
    entries: list[tuple[Change, Side | None, Side | None]], old_order: Sequence[str]
) -> tuple[set[int], dict[int, list[Side]]]:
    """The entries (written in the new reading's order) whose old article is out of the old
    reading's order, and where each of those old articles goes: after the entry at index k
    (-1: before the first). The entries in order are the longest run whose old articles keep
    their old order; every other old article is written again after the one that came before
    it in the old reading, so that rejecting every revision gives the old reading in order."""
    place = {eid: i for i, eid in enumerate(old_order)}
    olds = [
        (k, place[old.eid])
        for k, (_, old, _) in enumerate(entries)
        if old is not None and old.eid in place
    ]
    in_order = {k for k, _ in longest_increasing(olds)}
    moved = {k for k, _ in olds} - in_order
    entry_of = {old.eid: k for k, (_, old, _) in enumerate(entries) if old is not None}
    after: dict[int, list[Side]] = {}
    last = -1  # the entry after which the next old article goes
    for eid in old_order:
        k = entry_of.get(eid)
        if k is None:
            continue
        if k in moved:
            side = entries[k][1]
            assert side is not None
            after.setdefault(last, []).append(side)
        else:
            last = k
    return moved, after


@register
class DocxRenderer(Renderer):
    name = "docx"
    aliases = ("word",)
    extension = ".docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    binary = True

    def render(self, comparison: Comparison) -> bytes:
        return _Writer(comparison).render()
