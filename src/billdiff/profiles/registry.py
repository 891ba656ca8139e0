"""The registry of numbering profiles, looked up by name or alias."""

from __future__ import annotations

from billdiff.errors import ProfileError
from billdiff.profiles.base import Profile

_PROFILES: dict[str, type[Profile]] = {}
_SAMPLE = 6000


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


def detect_profile(lines: list[str]) -> tuple[Profile, float]:
    """The profile whose structural patterns match most lines, and how sure we are (0..1):
    its share of all matches, lowered when very few lines match at all.

    A profile that learns its words from the document (``generic``) only restates what a
    specific profile finds on the same lines, so its score counts in the share only when it
    wins: it never makes a specific profile look less sure of itself."""
    # Every k-th line of a long document is plenty to tell traditions apart, and keeps
    # detection a small part of parsing (SGB V has 34,000 lines).
    step = max(1, len(lines) // _SAMPLE)
    sample = lines[::step]
    scores = [(cls().score(sample), cls) for cls in all_profiles()]
    scores.sort(key=lambda pair: -pair[0])
    best, cls = scores[0]
    if best == 0:
        return cls().prepare(lines), 0.0
    if cls.learns:
        # A learnt word wins only with a longer numbering than any specific profile explains:
        # "Clause 1:" notes at the end of a bill do not outweigh its bare "1." sections.
        learnt = cls().article_sequence(sample)
        for score, other in scores[1:]:
            if score and not other.learns and other().article_sequence(sample) > learnt:
                best, cls = score, other
                break
    total = sum(score for score, other in scores if other is cls or not other.learns)
    confidence = best / total * min(1.0, best / 3)
    return cls().prepare(lines), round(confidence, 2)
