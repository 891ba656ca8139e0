"""Hostile XML for the XML readers (Akoma Ntoso, USLM): refused with one clear InputError,
never expanded, never reaching the file system or the network.

DOCX and PDF attacks (zip bomb, path traversal, truncation, encryption, no text layer) are
tested in test_readers_docx.py and test_readers_pdf.py."""

from __future__ import annotations

from pathlib import Path

import pytest

import billdiff
from billdiff import InputError
from billdiff.readers.xml import MAX_DEPTH, parse_xml

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
USLM = "http://schemas.gpo.gov/xml/uslm"


def _akn(body: str, doctype: str = "") -> bytes:
    return (
        f'<?xml version="1.0"?>{doctype}<akomaNtoso xmlns="{AKN}"><act name="act"><body>'
        f"{body}</body></act></akomaNtoso>"
    ).encode()


BILLION_LAUGHS = _akn(
    "<section><num>1</num><content><p>&lol9;</p></content></section>",
    "<!DOCTYPE akomaNtoso ["
    + '<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + "]>",
)


def test_billion_laughs_is_refused() -> None:
    with pytest.raises(InputError, match=r"lol\.xml: .*declares entities.*refused"):
        billdiff.parse(BILLION_LAUGHS, source="lol.xml")


def test_quadratic_blowup_is_refused() -> None:
    big = "A" * 100_000
    data = _akn(
        "<section><num>1</num><content><p>" + "&a;" * 10_000 + "</p></content></section>",
        f'<!DOCTYPE akomaNtoso [<!ENTITY a "{big}">]>',
    )
    with pytest.raises(InputError, match="declares entities"):
        billdiff.parse(data, source="quad.xml")


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("TOP-SECRET-CONTENT")
    return path


def test_xxe_to_a_local_file_is_refused_and_not_read(secret: Path) -> None:
    data = _akn(
        "<section><num>1</num><content><p>&xxe;</p></content></section>",
        f'<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>',
    )
    with pytest.raises(InputError) as caught:
        billdiff.parse(data, source="xxe.xml")
    assert "TOP-SECRET" not in str(caught.value)
    assert "xxe.xml: " in str(caught.value) and "entities" in str(caught.value)


def test_xxe_in_uslm_is_refused(secret: Path) -> None:
    data = (
        f'<?xml version="1.0"?><!DOCTYPE bill [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        f'<bill xmlns="{USLM}"><main><section><num>1</num><content>&xxe;</content></section></main></bill>'
    ).encode()
    with pytest.raises(InputError, match="entities"):
        billdiff.parse(data, source="us.xml")


def test_external_dtd_is_not_loaded(tmp_path: Path, secret: Path) -> None:
    # No entity declared inline; the external DTD would declare it. It must not be fetched:
    # the reference stays unresolved and the document is refused.
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY secret SYSTEM "{secret.as_uri()}">')
    data = _akn(
        "<section><num>1</num><content><p>&secret;</p></content></section>",
        f'<!DOCTYPE akomaNtoso SYSTEM "{dtd.as_uri()}">',
    )
    with pytest.raises(InputError) as caught:
        billdiff.parse(data, source="ext.xml")
    assert "TOP-SECRET" not in str(caught.value)
    assert "ext.xml: " in str(caught.value)


def test_network_dtd_is_not_fetched() -> None:
    # A DOCTYPE pointing at the network, with no entities used: read without fetching it.
    data = _akn(
        "<section><num>1</num><heading>Short</heading><content><p>Text.</p></content></section>",
        '<!DOCTYPE akomaNtoso SYSTEM "http://192.0.2.1/never.dtd">',
    )
    bill = billdiff.parse(data, source="net.xml")
    assert [a.heading for a in bill.articles()] == ["Short"]


def test_too_deep_is_refused() -> None:
    depth = MAX_DEPTH + 10
    data = _akn("<section>" * depth + "<num>1</num>" + "</section>" * depth)
    with pytest.raises(InputError, match=f"nested more than {MAX_DEPTH} levels"):
        billdiff.parse(data, source="deep.xml")


def test_far_too_deep_is_refused_by_the_parser() -> None:
    data = _akn("<section>" * 5000 + "</section>" * 5000)
    with pytest.raises(InputError, match=r"deep2\.xml: "):
        billdiff.parse(data, source="deep2.xml")


def test_size_limit() -> None:
    with pytest.raises(InputError, match="over the limit"):
        parse_xml(_akn("<section><num>1</num></section>"), source="big.xml", max_bytes=100)


def test_size_limit_through_read(tmp_path: Path) -> None:
    path = tmp_path / "big.xml"
    path.write_bytes(_akn("<section><num>1</num></section>" * 100))
    with pytest.raises(InputError, match="over the limit"):
        billdiff.read(path, max_bytes=1000)


@pytest.mark.parametrize(
    "data",
    [
        b"<?xml version='1.0'?><akomaNtoso",
        b"<?xml version='1.0' encoding='no-such-encoding'?><akomaNtoso/>",
        b"<?xml version='1.0'?><akomaNtoso/>\x00\x00",
        _akn("<section><num>1</num>"),
    ],
    ids=["truncated", "bad-encoding", "nul-bytes", "unclosed"],
)
def test_broken_xml_is_one_input_error(data: bytes) -> None:
    with pytest.raises(InputError, match=r"broken\.xml: "):
        billdiff.parse(data, source="broken.xml")


def test_empty_akoma_ntoso_is_refused() -> None:
    with pytest.raises(InputError, match="empty"):
        billdiff.parse(f'<akomaNtoso xmlns="{AKN}"/>'.encode(), source="e.xml")
