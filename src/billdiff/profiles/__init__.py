"""Numbering profiles: one class per drafting tradition, registered by name and alias."""

from __future__ import annotations

from billdiff.profiles import eu, kz
from billdiff.profiles.base import Level, Profile
from billdiff.profiles.registry import all_profiles, detect_profile, get_profile, register

__all__ = [
    "Level",
    "Profile",
    "all_profiles",
    "detect_profile",
    "eu",
    "get_profile",
    "kz",
    "register",
]
