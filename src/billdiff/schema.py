"""billdiff's XML schemas, shipped in the package and loaded once.

``validate()`` returns the list of errors (empty when valid); ``assert_valid()`` raises
:class:`~billdiff.errors.SchemaError`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from lxml import etree

from billdiff.errors import SchemaError

#: Schema names and their files in ``schemas/`` (``billdiff.schemas`` once installed).
SCHEMAS = {
    "akn": "billdiff-akn.xsd",
}
JSON_SCHEMAS = {
    "changes": "changes.schema.json",
    "history": "history.schema.json",
}


def _path(filename: str) -> Any:
    return resources.files("billdiff.schemas").joinpath(filename)


@cache
def load(name: str = "akn") -> etree.XMLSchema:
    with resources.as_file(_path(SCHEMAS[name])) as path:
        return etree.XMLSchema(etree.parse(str(path)))


@cache
def json_schema(name: str = "changes") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_path(JSON_SCHEMAS[name]).read_text(encoding="utf-8"))
    return data


def validate(document: etree._Element | etree._ElementTree, name: str = "akn") -> list[str]:
    """Errors of ``document`` against the named schema, one string each; empty when valid."""
    schema = load(name)
    if schema.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]  # type: ignore[attr-defined]


def assert_valid(document: etree._Element | etree._ElementTree, name: str = "akn") -> None:
    errors = validate(document, name)
    if errors:
        raise SchemaError(f"not valid against {SCHEMAS[name]}: {errors[0]}")
