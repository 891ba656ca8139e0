"""Numbering profiles: one class per drafting tradition, registered by name and alias."""

from __future__ import annotations

# Registration order is the order of preference when no profile matches at all: eu, then kz.
from billdiff.profiles import eu, kz

# isort: split
from billdiff.profiles import de, fr, tz, uk, us

# isort: split
# Last: it restates what a specific profile finds, and is preferred only where none does.
from billdiff.profiles import generic
from billdiff.profiles.base import Level, Profile
from billdiff.profiles.registry import all_profiles, detect_profile, get_profile, register

__all__ = [
    "Level",
    "Profile",
    "all_profiles",
    "de",
    "detect_profile",
    "eu",
    "fr",
    "generic",
    "get_profile",
    "kz",
    "register",
    "tz",
    "uk",
    "us",
]
