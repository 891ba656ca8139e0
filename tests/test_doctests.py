"""The examples in docstrings (the package, eId rules, sequences) are tests."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["billdiff", "billdiff.eids", "billdiff.sequences"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0
