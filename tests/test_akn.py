from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import billdiff
from billdiff import akn
from billdiff.model import Bill

from .conftest import CORPUS_DOCUMENTS, FIXTURES, document_id
from .helpers import assert_valid_akn
from .test_properties import documents


@pytest.mark.parametrize("name", ["sample.old.txt", "sample.new.txt", "eu.old.txt", "eu.new.txt"])
def test_fixture_round_trip_and_validity(name: str) -> None:
    bill = billdiff.read(FIXTURES / name)
    xml = billdiff.to_xml(bill)
    assert_valid_akn(xml)
    assert akn.from_bytes(xml) == bill


def test_xml_names_units_in_akoma_ntoso_vocabulary() -> None:
    xml = billdiff.to_xml(billdiff.read(FIXTURES / "sample.new.txt"))
    root = etree.fromstring(xml)
    ns = {"a": akn.AKN_NS}
    art = root.find(".//a:article[@eId='chp_1__art_4']", ns)
    assert art is not None
    assert art.findtext("a:num", namespaces=ns) == "Статья 4."
    assert art.findtext("a:heading", namespaces=ns) == "Права дружинников"
    assert [p.get("eId") for p in art.findall("a:point", ns)][-1] == "chp_1__art_4__point_3"
    assert root.find(".//a:preface/a:toc/a:tocItem", ns) is not None


def test_reading_xml_back_through_the_api() -> None:
    bill = billdiff.read(FIXTURES / "sample.old.txt")
    again = billdiff.parse(billdiff.to_xml(bill))
    assert again == bill


def test_empty_body_is_still_valid() -> None:
    bill = Bill(body=())
    xml = billdiff.to_xml(bill)
    assert_valid_akn(xml)
    assert akn.from_bytes(xml) == bill


def test_schema_rejects_duplicate_eids() -> None:
    from billdiff import schema

    root = etree.fromstring(billdiff.to_xml(billdiff.read(FIXTURES / "sample.old.txt")))
    arts = root.findall(f".//{{{akn.AKN_NS}}}article")
    arts[1].set("eId", arts[0].get("eId", ""))
    assert schema.validate(root)
    with pytest.raises(billdiff.SchemaError):
        schema.assert_valid(root)


@pytest.mark.corpus
@pytest.mark.parametrize("path", CORPUS_DOCUMENTS, ids=document_id)
def test_corpus_round_trip_and_validity(path: object) -> None:
    bill = billdiff.read(str(path))
    xml = billdiff.to_xml(bill)
    assert_valid_akn(xml)
    assert akn.from_bytes(xml) == bill


@given(documents())
def test_generated_documents_round_trip(text: str) -> None:
    bill = billdiff.parse(text, profile="kz")
    xml = billdiff.to_xml(bill)
    assert akn.from_bytes(xml) == bill


@given(st.sampled_from(["kz", "eu"]), documents())
def test_generated_documents_validate(profile: str, text: str) -> None:
    assert_valid_akn(billdiff.to_xml(billdiff.parse(text, profile=profile)))


@given(st.text(max_size=12))
def test_a_number_is_cleaned_for_an_eid_by_the_naming_convention(label: str) -> None:
    import re

    from billdiff.eids import clean_num

    num = clean_num(label)
    # The AKN naming convention: "_" separates an eId's steps and a prefix from its number,
    # so a number is letters and digits only, in groups joined by one "-" ("312-32-7").
    assert re.fullmatch(r"(?:[^\W_]+(?:-[^\W_]+)*)?", num), num
    # and nothing of the number is lost: every letter and digit, in order
    assert num.replace("-", "") == "".join(c for c in label if c.isalnum())


@pytest.mark.parametrize(
    ("label", "num"),
    [("312_32_7", "312-32-7"), ("5-1", "5-1"), ("1.2", "1-2"), ("4 a", "4a"), ("12-(b)", "12-b")],
)
def test_a_number_as_the_naming_convention_writes_it(label: str, num: str) -> None:
    from billdiff.eids import clean_num, component

    assert clean_num(label) == num
    assert component("article", label, 1) == f"art_{num}"
