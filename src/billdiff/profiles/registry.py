"""The registry of numbering profiles, looked up by name or alias."""

from __future__ import annotations

from billdiff.errors import ProfileError
from billdiff.profiles.base import Profile, nested_in
from billdiff.sequences import longest_increasing_keys

_PROFILES: dict[str, type[Profile]] = {}
#: Detection reads at most about this many lines, every k-th of a long document: enough for a
#: numbering of articles to show (every k-th heading still rises in order) and to tell
#: traditions apart; every profile reads them twice, so more would make detection a large part
#: of parsing (SGB V has 34,000 lines; 2,000 of them are read in 18 ms, 6,000 took 55 ms).
#: A long document with very few articles may show no numbering in the sample: it is then
#: read whole.
_SAMPLE = 2000


def register(cls: type[Profile]) -> type[Profile]:
    """Class decorator: make a profile available by its name and aliases."""
    for key in (cls.name, *cls.aliases):
        if key in _PROFILES and _PROFILES[key] is not cls:
            raise ValueError(f"profile name {key!r} is taken by {_PROFILES[key].__name__}")
        _PROFILES[key] = cls
    return cls


def all_profiles() -> list[type[Profile]]:
    """Every registered profile, once each, in registration order."""
    seen: list[type[Profile]] = []
    for cls in _PROFILES.values():
        if cls not in seen:
            seen.append(cls)
    return seen


def get_profile(name: str) -> Profile:
    try:
        return _PROFILES[name.lower()]()
    except KeyError:
        known = ", ".join(sorted(cls.name for cls in all_profiles()))
        raise ProfileError(f"unknown profile {name!r} (known: {known})") from None


#: Fewer article headings in order than this are no numbering.
_MIN_SEQUENCE = 3


def detect_profile(lines: list[str]) -> tuple[Profile, float]:
    """The profile that explains the longest numbering of articles (or, without one, whose
    structural patterns match most lines), and how sure we are (0..1): its share of all
    matches, lowered when very few lines match at all.

    A profile that learns its words from the document (``generic``) only restates what a
    specific profile finds on the same lines, so its score counts in the share only when it
    wins: it never makes a specific profile look less sure of itself."""
    step = max(1, len(lines) // _SAMPLE)
    found = _detect(lines, lines[::step])
    if found is None:  # no numbering in every k-th line: the articles may be few, read all
        found = _detect(lines, lines)
        assert found is not None  # detection on every line always decides
    return found


def _detect(lines: list[str], sample: list[str]) -> tuple[Profile, float] | None:
    """:func:`detect_profile` on a sample of the lines; None when the sample is a part of the
    lines and shows no numbering of articles."""
    scores = [(cls().score(sample), cls) for cls in all_profiles()]
    scores.sort(key=lambda pair: -pair[0])
    # The profile that explains the longest numbering of articles wins (issue 13): lines that
    # merely look structural ("(a)" lists, "Clause 1:" notes, a "1." list in another
    # tradition) do not continue one numbering through the document; a numbering does,
    # whatever the language weighting of the score. Between numberings of equal length (or
    # none worth the name) a profile in the document's language (a score above zero) comes
    # first, then a specific profile before a learnt word, then the higher score.
    ranked = []
    headings = {}
    for score, other in scores:
        headings[other] = found = other().article_lines(sample)
        length = len(longest_increasing_keys([key for _, key in found]))
        numbering = length if length >= _MIN_SEQUENCE else 0
        ranked.append((numbering, score > 0, not other.learns, score, other))
    ranked.sort(key=lambda item: item[:4], reverse=True)
    length, _, _, best, cls = ranked[0]
    if length == 0 and len(sample) < len(lines):
        return None
    if best == 0 and length == 0:
        return scores[0][1]().prepare(lines), 0.0
    # Points numbered through an amending act's articles ("Čl. I" 1. … 52., "Čl. II" 1. …)
    # make the longer numbering, but they start again under each article: the numbering
    # they restart under is the articles'.
    outer = next((item for item in ranked[1:] if nested_in(headings[cls], headings[item[4]])), None)
    if outer is not None:
        length, _, _, best, cls = outer
    total = sum(score for score, other in scores if other is cls or not other.learns)
    # A numbering found in a language the profile does not know leaves the score, and so the
    # confidence, at zero: the choice is announced as a guess.
    confidence = best / total * min(1.0, best / 3) if total else 0.0
    return cls().prepare(lines), round(confidence, 2)
