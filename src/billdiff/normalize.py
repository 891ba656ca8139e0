"""Pure ``str -> str`` helpers used to compare texts, never to produce output."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({c: '"' for c in "«»„“”‟″〝〞＂"} | {c: "'" for c in "‘’‚‛′"})
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})

# Cyrillic letters that look like Latin ones and turn up inside numbers ("VІI", "ноябpя").
_CYR_TO_LAT = str.maketrans(
    {
        "І": "I",
        "і": "i",
        "Х": "X",
        "х": "x",
        "В": "B",
        "С": "C",
        "с": "c",
        "М": "M",
        "Т": "T",
        "Н": "H",
        "Р": "P",
        "р": "p",
        "А": "A",
        "а": "a",
        "Е": "E",
        "е": "e",
        "О": "O",
        "о": "o",
        "К": "K",
        "У": "Y",
        "Ү": "Y",
    }
)


def nfc(text: str) -> str:
    """Compose characters: ``"й"`` written as и + combining breve -> ``"й"``."""
    return unicodedata.normalize("NFC", text)


def spaces(text: str) -> str:
    """Collapse runs of whitespace to one space and trim: ``" a \\n b "`` -> ``"a b"``."""
    return " ".join(text.split())  # str.split() is the fastest whitespace tokenizer in CPython


# str.translate looks every character up in a dict: a regex finds the few that need it faster.
_QUOTE_CHARS = re.compile("[" + "".join(chr(c) for c in _QUOTES) + "]")
_DASH_CHARS = re.compile("[" + "".join(chr(c) for c in _DASHES) + "]")


def quotes(text: str) -> str:
    """Unify quote styles: ``«a»`` -> ``"a"``."""
    return _QUOTE_CHARS.sub(lambda m: str(_QUOTES[ord(m.group())]), text)


def dashes(text: str) -> str:
    """Unify dashes: ``"a — b"`` -> ``"a - b"``."""
    return _DASH_CHARS.sub(lambda m: str(_DASHES[ord(m.group())]), text)


def lookalikes(text: str) -> str:
    """Map Cyrillic letters that look like Latin ones to Latin: ``"VІI"`` -> ``"VII"``.

    Only for numbers and labels; never for running text.
    """
    return text.translate(_CYR_TO_LAT)


_QUOTES_AND_DASHES = _QUOTES | _DASHES
_QUOTE_OR_DASH = re.compile("[" + "".join(chr(c) for c in _QUOTES_AND_DASHES) + "]")


def for_matching(text: str) -> str:
    """The form in which two texts are compared for sameness: NFC, one space, one quote and
    one dash style, case folded. ``"«Статья  5» —"`` -> ``'"статья 5" -'``."""
    # quotes() and dashes() in one scan of the text: it is the whole bill, at every level
    unified = _QUOTE_OR_DASH.sub(lambda m: str(_QUOTES_AND_DASHES[ord(m.group())]), nfc(text))
    return spaces(unified).casefold()
