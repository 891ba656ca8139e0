"""The model's Unit: its hand-written constructor (made for speed) stays the dataclass's."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from billdiff.model import Unit


def test_the_constructor_takes_every_field_with_its_default() -> None:
    parameters = list(inspect.signature(Unit).parameters.values())
    fields = dataclasses.fields(Unit)
    assert [p.name for p in parameters] == [f.name for f in fields]
    for parameter, field in zip(parameters, fields, strict=True):
        assert parameter.default == (
            inspect.Parameter.empty if field.default is dataclasses.MISSING else field.default
        )


def test_a_unit_is_set_frozen_compared_and_copied_as_a_dataclass() -> None:
    child = Unit("point", num="1)", label="1", content=("a",), line=4)
    unit = Unit("article", "Статья 1.", "1", "Цель", ("text",), (child,), "art_1", 3)
    assert (unit.kind, unit.num, unit.label, unit.heading) == ("article", "Статья 1.", "1", "Цель")
    assert (unit.content, unit.children, unit.eid, unit.line) == (("text",), (child,), "art_1", 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        unit.num = "2"  # type: ignore[misc]
    assert unit == dataclasses.replace(unit, line=9)  # the line is no part of equality
    assert hash(unit) == hash(dataclasses.replace(unit, line=9))
    assert dataclasses.replace(unit, num="Статья 2.").num == "Статья 2."
    assert pickle.loads(pickle.dumps(unit)) == unit
    assert unit.text() == "Статья 1. Цель\ntext\n1) a"
