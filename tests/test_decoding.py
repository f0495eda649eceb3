# ruff: noqa: RUF001  (typographic apostrophes are what these tests are about)
"""hrplan.decoding: the one byte decoder every format uses."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hrplan
from hrplan import decoding
from hrplan.builtins import upr_csv
from hrplan.decoding import decode_as
from hrplan.errors import FormatError, InputError


def test_utf8_with_and_without_a_byte_order_mark() -> None:
    assert decoding.decode("Genève\n".encode()).encoding == "utf-8"
    decoded = decoding.decode(b"\xef\xbb\xbf" + "Genève\n".encode())
    assert (decoded.text, decoded.encoding, decoded.bad_line) == ("Genève\n", "utf-8-sig", None)


def test_windows_1252_says_where_the_first_byte_that_is_not_utf8_stands() -> None:
    data = "a\r\nb\rc\nSéminaire – droits\n".encode("cp1252")
    decoded = decoding.decode(data)
    assert (decoded.text, decoded.encoding, decoded.bad_line) == ("a\r\nb\rc\nSéminaire – droits\n", "cp1252", 4)
    assert decoded.line_endings == "mixed"
    assert decoded.describe() == "cp1252, mixed line endings"


def test_mac_roman_mojibake_is_repaired_and_reported() -> None:
    data = "The Council’s view\n".encode("mac_roman").decode("cp1252").encode()  # saved as CouncilÕs
    decoded = decoding.decode(data)
    assert (decoded.text, decoded.encoding, decoded.repaired) == ("The Council’s view\n", "utf-8", 1)
    assert decoding.decode("Council’s\n".encode("mac_roman")).encoding == "mac_roman"


def test_repair_false_keeps_utf8_text_as_written() -> None:
    written = "The CouncilÕs view\n"
    assert decoding.decode(written.encode(), repair=False).text == written
    assert decoding.decode(written.encode()).text == "The Council’s view\n"


def test_decode_utf8_and_describe_error() -> None:
    assert decoding.decode_utf8(b"\xef\xbb\xbfx,y\r\n") == "x,y\r\n"
    data = b"a\nb\n\xff"
    with pytest.raises(UnicodeDecodeError) as caught:
        decoding.decode_utf8(data)
    assert decoding.describe_error(data, caught.value) == "line 3 (byte 4)"


def test_the_upr_importer_uses_the_shared_decoder() -> None:
    assert upr_csv.decode_upr is decoding.decode
    assert upr_csv.Decoded is decoding.Decoded


@given(st.text())
def test_utf8_text_reads_back_exactly_without_repair(text: str) -> None:
    decoded = decoding.decode(text.encode(), repair=False)
    assert decoded.text == (text[1:] if text.startswith("\ufeff") else text)


@given(st.text(alphabet=st.characters(codec="cp1252")))
def test_normalised_newlines_are_lf_only(text: str) -> None:
    assert "\r" not in decoding.normalise_newlines(decoding.decode(text.encode("cp1252")).text)


def test_file_bytes_says_which_file_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "plan.json").write_bytes(b"{}")
    assert decoding.file_bytes(tmp_path / "plan.json") == b"{}"
    with pytest.raises(FormatError, match=r"cannot read .*absent\.json: No such file"):
        decoding.file_bytes(tmp_path / "absent.json")


def test_decode_as_is_the_one_rule_of_the_encoding_option() -> None:
    assert decode_as(b"\xef\xbb\xbfNo.;Activity\r\n", "utf-8", fmt="csv-table", source="a.csv") == "No.;Activity\r\n"
    assert decode_as("Ação".encode("cp1252"), "cp1252", fmt="text", source="a.txt") == "Ação"
    with pytest.raises(InputError, match="not utf-8 text") as caught:
        decode_as(b"one\r\ntwo\rthr\xe9e", "utf-8", fmt="text", source="a.txt")
    assert (caught.value.source, caught.value.problems[0].location) == ("a.txt", "line 3")
    with pytest.raises(FormatError, match="text: option 'encoding': unknown encoding 'klingon'"):
        decode_as(b"", "klingon", fmt="text", source="a.txt")
    for odd, data in (("punycode", b"abc-\xff"), ("punycode", b"-9a!!"), ("base64", b"YQ=="), ("utf\x008", b"a"),
                      ("idna", b"\xff")):  # fmt: skip
        with pytest.raises(FormatError):  # an option error, or an InputError for the bytes
            decode_as(data, odd, fmt="text", source="a.txt")


@pytest.mark.parametrize("fmt", ["text", "csv-table", "upr-csv"])
def test_every_encoding_option_drops_a_byte_order_mark(fmt: str) -> None:
    data = {
        "text": "Plan\n\nChapter 1. Rights\n\n1.1. Train judges.\n",
        "csv-table": "No.,Activity,Responsible agencies\n1,Train judges,Ministry of Justice\n",
        "upr-csv": "text,to,decision,From,year\nRatify the protocol,Azerbaijan,Supported,Exampleland,2013\n",
    }[fmt]
    plain = hrplan.load(io.BytesIO(data.encode()), format=fmt, encoding="utf-8")
    marked = hrplan.load(io.BytesIO(b"\xef\xbb\xbf" + data.encode()), format=fmt, encoding="utf-8")
    assert marked.program == plain.program
