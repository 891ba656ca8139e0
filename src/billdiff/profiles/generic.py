"""Any language with articles: the heading word is learnt from the document itself.

Polish «Art. 5.», Dutch «Artikel 5», Ukrainian «Стаття 5», Spanish «Artículo 5», Turkish
«MADDE 5 –», Indonesian «Pasal 5»: most drafting traditions open an article with a word and a
number on a line of its own. Rather than a profile per language, this one looks at the lines
that start with a word and a number, and keeps the word whose numbers form the longest
increasing sequence (1, 2, 3, 3a, 4 …): a word that merely starts some lines ("Section 3 of the
Act …") does not number anything in order. Other words with their own, shorter sequences
("Rozdział 1", "Capítulo II") are the groups above the articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import compress, pairwise

from billdiff.profiles.base import (
    LATIN_ORDINALS,
    LOWER,
    ROMAN,
    Level,
    NumberKey,
    Profile,
    _combine,
    label_key,
    nested_in,
    roman_value,
)
from billdiff.profiles.registry import register
from billdiff.sequences import longest_increasing_keys

_I = re.IGNORECASE
#: Heading words known before reading anything (used when no document has been seen).
_KNOWN = (
    r"Art\.|Artikel|Artikkel|Artículo|Articolo|Artigo|Article|Artykuł|Articulul|Artikla"
    r"|Стаття|Статья|Статия|Član|Članak|Článek|Čl\.|Madde|Pasal|Άρθρο|Straipsnis|Pants|§"
)
#: An upper-case letter of the Latin, Cyrillic and Greek alphabets (``re`` has no \p{Lu}).
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽА-ЯЁЄІЇЎҐΑ-Ω"
#: A title on the heading line without a separator ("Art. 2 Personalförderung", "1 §
#: Soveltamisala"): it starts with a capital, is short, ends without a sentence's punctuation,
#: and its first word is not followed by a number, as a reference's is ("Art. 5 Abs. 2 gilt",
#: "§ 195 Absatz 2 des …").
_TITLE = rf"(?=(?-i:[{_UPPER}]))(?!\S+\s+\d)\S.{{0,199}}(?<![.;:,])"
#: An article number: 5, 3-1, 52ca, Brazilian 54-A, Italian 3-bis, or an upper-case roman numeral (the
#: articles of an amending act, «Čl. I», «Art. II»).
_LABEL = (
    r"(?:\d+(?:-\d+)*(?:[-\s](?:" + "|".join(LATIN_ORDINALS) + r")\b|[a-z]{1,3}|-[A-Z]{1,2}\b"
    # "Art. 52 a Versicherbarer Lohn": a letter apart, before a capitalised title
    r"|\s(?-i:[a-z])(?=\s+(?-i:[" + _UPPER + r"])))?"
    r"|(?-i:[IVXLC]+)(?!\w)"
    # the sole article of a law: "Artículo único", "ARTICOL UNIC", "Article unique"
    r"|(?:unique|únic|único|única|unico|unica|unic)(?!\w))"
)
#: A Markdown footnote reference after the number ("Art. 11a[^78]"): part of the number as
#: written, not of the label.
_NOTE_REF = r"(?:\s?\[\^\w{1,10}\])?"
#: How a candidate heading looks: a word (or §), a number, then the end of the line, a dot,
#: a colon, a dash, a title or an ordinal mark ("Art. 5.", "Artikel 5", "MADDE 5 –",
#: "Artículo 5.- Objeto", "Art. 1º Esta lei …").
#: Running text ("Artikel 5 regelt …") has none of these after the number.
_CANDIDATE = re.compile(
    rf"^(?P<word>§|[^\W\d_][^\W\d]{{1,14}}\.?)\s*(?P<label>{_LABEL}[º°ª]?){_NOTE_REF}"
    rf"(?:\s*[.:]|\s+[-–—]|\s*$|\s+{_TITLE}$|(?<=[º°ª])\s)",
    _I,
)
#: The Nordic order, number first: Finnish and Swedish «1 §», «41 a §».
_NUMBER_FIRST = re.compile(rf"^(?P<label>\d+(?:\s?[a-z])?)\s?§(?:\s*[.:]?\s*$|\s+{_TITLE}$)")
#: The key under which number-first headings are learnt (never a word of the text).
NUMBER_FIRST = "#§"
_GROUP = re.compile(
    rf"^(?P<word>[^\W\d_][^\W\d]{{0,14}})\s+(?P<label>\d+|{ROMAN})\s*[.:\-–—]?(?:\s|$)"
)
#: Fewer headings in sequence than this is no evidence of a numbering.
_MIN_SEQUENCE = 3


def sequence_length(labels: Iterable[str]) -> int:
    """How many of the labels, in order, form the longest increasing numbering (Roman
    numerals by their value).

    >>> sequence_length(["1", "2", "3A", "2", "3", "4"])
    4
    >>> sequence_length(["IV", "I", "II"])
    2
    """
    return len(longest_increasing_keys([label_key(label) for label in labels]))


def _article_level(word: str, *, roman: bool = False) -> Level:
    label = r"(?-i:[IVXLC]+)(?!\w)" if roman else _LABEL
    return Level(
        "article",
        4,
        re.compile(
            rf"^(?P<num>(?:{word})\s*(?P<label>{label})[º°ª]?{_NOTE_REF}"
            r"(?:\s*[.:](?:\s*[-–—])?|\s+[-–—]|(?=\s*$)|(?=\s+" + _TITLE + r"$)|(?<=[º°ª])(?=\s)))"
            # A short rest of the line is the heading ("Artículo 5. Objeto."), a long one the
            # start of the text ("Art. 5. Ustawa określa zasady …").
            # A numbered paragraph right after the number ("Art. 2. 1. Ilekroć …") is text too.
            r"(?:\s*(?:(?P<heading>(?!\d+[.)]\s)\S.{0,99})|(?P<rest>\S.*)))?\s*$",
            _I,
        ),
        heading_on_next_line=True,
    )


def _number_first_level() -> Level:
    return Level(
        "article",
        4,
        re.compile(
            r"^(?P<num>(?P<label>\d+(?:\s?[a-z])?)\s?§(?:\s*[.:])?)"
            r"(?:\s+(?P<heading>" + _TITLE + r"))?\s*$"
        ),
        heading_on_next_line=True,
    )


def _group_level(word: str, rank: int) -> Level:
    return Level(
        "chapter" if rank else "part",
        rank,
        re.compile(
            rf"^(?P<num>{word}\s+(?P<label>\d+|{ROMAN})\s*[.:]?(?:\s*[-–—])?)"
            r"(?:\s+(?P<heading>\S.*))?\s*$",
            _I,
        ),
        heading_on_next_line=True,
    )


_INSIDE = (
    Level(
        "paragraph",
        5,
        re.compile(r"^(?P<num>(?P<label>\d+[a-z]?)\.)\s+(?P<rest>\S.*)$"),
        inside_article=True,
    ),
    Level(
        "point",
        6,
        re.compile(r"^(?P<num>(?P<label>\d+[a-z]?)\))\s+(?P<rest>\S.*)$"),
        inside_article=True,
    ),
    Level(
        "point",
        7,
        re.compile(r"^(?P<num>\(?(?P<label>[^\W\d_])\))\s+(?P<rest>\S.*)$"),
        inside_article=True,
        numbering=LOWER,
    ),
)


@register
class Generic(Profile):
    """Any language: the article's heading word (Art., Artikel, Стаття, Artículo …) is the one
    whose numbers run in sequence through the document; paragraphs "1.", points "1)", "a)"."""

    name = "generic"
    aliases = ("any", "auto-word")
    language = "und"
    description = "any language: the word before the article numbers is learnt from the text"
    levels: tuple[Level, ...] = (_article_level(_KNOWN), *_INSIDE)
    learns = True

    def __init__(
        self, words: tuple[str, ...] = (), groups: tuple[str, ...] = (), *, roman: bool = False
    ) -> None:
        self.heading_words = words
        if words:
            group_levels = tuple(_group_level(re.escape(g), rank) for rank, g in enumerate(groups))
            article = (
                _number_first_level()
                if words == (NUMBER_FIRST,)
                else _article_level(_written(words), roman=roman)
            )
            self.levels = (*group_levels, article, *_INSIDE)
        self._combined: dict[bool, re.Pattern[str]] = {}

    def any_level(self, *, in_article: bool) -> re.Pattern[str]:
        # The levels belong to this instance (the word is the document's), so the combined
        # pattern is cached here, not per class.
        combined = self._combined.get(in_article)
        if combined is None:
            combined = self._combined[in_article] = _combine(self.levels, in_article)
        return combined

    def prepare(self, lines: list[str]) -> Generic:
        """This profile with the heading word and group words learnt from the lines."""
        words, groups, _, _, roman = _learn(lines)
        return Generic(words, groups, roman=roman) if words else self

    def article_lines(self, lines: list[str]) -> list[tuple[int, NumberKey]]:
        return _learn(lines)[3]

    def label(self, raw: str) -> str:
        # "2 a §" is section 2a, as an eId must say it
        return super().label(raw).replace(" ", "")

    def score(self, lines: list[str]) -> int:
        # Only the article sequence counts, at half weight: a specific profile that finds the
        # same articles knows the tradition's paragraphs, points, notes and quotations too,
        # and is preferred even when its language weighting lowers its own score.
        return learn(lines)[2] // 2


def learn(lines: list[str]) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """The article words of these lines (a word and its abbreviation, as written), their
    group words (outermost first), and the length of the article sequence: ``((), (), 0)``
    when no word numbers anything in order."""
    words, groups, length, _, _ = _learn(lines)
    return words, groups, length


_Learnt = tuple[tuple[str, ...], tuple[str, ...], int, list[tuple[int, NumberKey]], bool]
#: The last lines learnt from and what was learnt: detection asks for the score and the
#: headings of the same sample one after the other.
_last: list[tuple[list[str], _Learnt]] = []


def _learn(lines: list[str]) -> _Learnt:
    """:func:`learn`, and where the headings of the learnt words stand."""
    if _last and _last[0][0] is lines:
        return _last[0][1]
    learnt = _learn_from(lines)
    _last[:] = [(lines, learnt)]
    return learnt


def _learn_from(lines: list[str]) -> _Learnt:
    found_in_order: list[tuple[str, str, int]] = []  # (key, label, index) of every candidate
    spelling: dict[str, str] = {}
    spellings: dict[str, Counter[str]] = defaultdict(Counter)  # how each word is written
    # The patterns run over all lines in C (map, compress); Python looks at the hits only,
    # long lines too ("Art. 2: <its text>" in HTML).
    hits = sorted(
        {
            *compress(range(len(lines)), map(_CANDIDATE.match, lines)),
            *compress(range(len(lines)), map(_NUMBER_FIRST.match, lines)),
        }
    )
    for index in hits:
        found = _CANDIDATE.match(lines[index])
        second = None if found is not None else _NUMBER_FIRST.match(lines[index])
        if found is not None:
            key = _word_key(found["word"])
            spelling.setdefault(key, found["word"])
            spellings[key][found["word"]] += 1
        else:
            found = second
            assert found is not None
            key = spelling[NUMBER_FIRST] = NUMBER_FIRST
        label = found["label"].rstrip("º°ª").replace(" ", "")
        found_in_order.append((key, label if roman_value(label) else label.lower(), index))
    # "Art. 2" after "Artículo 1": an abbreviation numbers the same articles as its word.
    canonical = _abbreviations(spelling)
    # Roman and Arabic numbers are two numberings: an amending act's own «Articolul I, II»
    # and the articles 14, 15 it quotes do not continue each other.
    places: dict[tuple[str, bool], list[tuple[int, NumberKey]]] = defaultdict(list)
    for key, label, index in found_in_order:
        roman = roman_value(label) is not None
        places[canonical.get(key, key), roman].append((index, label_key(label)))
    # An Arabic numbering of articles is preferred to a Roman one: Roman numbers mostly
    # number the groups ("CHAPTER XIV"), and an act's own Roman articles ("Čl. I") are
    # chosen only where nothing is numbered 1, 2, 3.
    best, length = None, 0
    for roman in (False, True):
        for (key, is_roman), heads in places.items():
            run = len(longest_increasing_keys([number for _, number in heads]))
            if is_roman == roman and run > length:
                best, length = key, run
        if length >= _MIN_SEQUENCE:
            break
    if best is None or length < _MIN_SEQUENCE:
        return (), (), 0, [], False
    # An amending act numbers its own articles in Roman ("Articolul I", "Čl. II") and quotes
    # the articles it inserts, often without quotation marks, in Arabic: an Arabic numbering
    # lying wholly inside one of three or more Roman units is quoted text, not the articles.
    # Paragraphs numbered afresh in each article ("§ 1:" … under "Art. 3:", "§ 1:" under
    # "Art. 6:") can outnumber the articles: the numbering they restart under is the articles'.
    for (key, is_roman), outer in places.items():
        if key != best and not is_roman and nested_in(places.get((best, False), []), outer):
            best, length = key, len(longest_increasing_keys([k for _, k in outer]))
            break
    roman_only = False
    arabic = places.get((best, False), [])
    for (key, is_roman), outer in places.items():
        in_order = all(a < b for (_, a), (_, b) in pairwise(outer))  # not a listing repeated
        if is_roman and arabic and len(outer) >= 3 and in_order and nested_in(arabic, outer):
            best, length, roman_only = key, len(outer), True
            break
    # Each word as the headings write it most often ("Artículo", and so "ARTÍCULO"), so that
    # a reference at the start of a line ("artículo 4º. de la ley …") is not a heading.
    words = tuple(
        form
        for key in spelling
        if canonical.get(key, key) == best
        for form in (_usual_forms(spellings[key]) or [spelling[key]])
    )
    at = sorted(places[best, True] + ([] if roman_only else places[best, False]))
    groups: list[tuple[int, str]] = []
    group_labels: dict[str, list[str]] = defaultdict(list)
    for index in compress(range(len(lines)), map(_GROUP.match, lines)):
        line = lines[index]
        found = _GROUP.match(line) if len(line) <= 300 else None
        if found is None:
            continue
        word = _word_key(found["word"])
        if canonical.get(word) is None and word != best:
            group_labels[word].append(found["label"])
            spelling.setdefault(word, found["word"])
    for key, found_labels in group_labels.items():
        run = sequence_length(found_labels)
        # A group numbers fewer units than the articles, each once, in order.
        if 2 <= run < length and run == len(found_labels):
            groups.append((run, key))
    groups.sort()
    return words, tuple(spelling[key] for _, key in groups[:2]), length, at, roman_only


def _word_key(word: str) -> str:
    """A heading word whatever its case and accents: "ARTÍCULO" and "ARTICULO" are one."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _usual_forms(forms: Counter[str]) -> list[str]:
    """The ways the headings write a word: all of them, but a lower-case one beside a
    capitalised one (a reference at a line's start, "artículo 4º. de la ley")."""
    capitalised = [form for form in forms if not form[:1].islower()]
    return capitalised or list(forms)


def _written(words: tuple[str, ...]) -> str:
    """A pattern for the words as written, in capitals too ("Artículo", "ARTÍCULO"), but
    not in lower case unless they are written so."""
    forms = {form for word in words for form in (word, word.upper())}
    return "(?-i:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + ")"


def _abbreviations(spelling: dict[str, str]) -> dict[str, str]:
    """Each abbreviated word ("art.") and the full word it shortens ("artículo")."""
    found: dict[str, str] = {}
    for key in spelling:
        if key.endswith(".") and len(key) > 2:
            stem = key[:-1]
            longer = [o for o in spelling if len(o) > len(stem) + 1 and o.startswith(stem)]
            if len(longer) == 1 and not longer[0].endswith("."):
                found[key] = longer[0]
    return found
