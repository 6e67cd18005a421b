"""Blind indexes: normalisation makes formatting variants match, columns and versions have their own keys."""

from __future__ import annotations

import hashlib
import hmac
import os
from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from backoffice.domain.identity import PROVINCE_CODES, id_check_digit
from backoffice.security.blind_index import (
    IndexKind,
    blind_index,
    blind_index_optional,
    column_purpose,
    normalise,
    search_indexes,
)
from backoffice.security.keys import Keyring, derive_purpose_key

KEYRING = Keyring({1: os.urandom(32)}, current_version=1)
FIXED = Keyring({1: bytes(range(32))}, current_version=1)
FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789Xx+-()"}


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    region = draw(st.sampled_from(sorted(PROVINCE_CODES))) + draw(st.from_regex(r"[0-9]{4}", fullmatch=True))
    born = draw(st.dates(date(1900, 1, 1), date(2025, 12, 31))).strftime("%Y%m%d")
    first17 = region + born + draw(st.from_regex(r"[0-9]{3}", fullmatch=True))
    return first17 + id_check_digit(first17)


mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
bank_cards = st.from_regex(r"[1-9][0-9]{11,18}", fullmatch=True)
chinese_names = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=2, max_size=4
)


def sprinkle(draw: st.DrawFn, text: str, separators: str) -> str:
    """``text`` with random separators between characters, maybe full-width, maybe padded."""
    out = []
    for char in text:
        if draw(st.booleans()):
            char = FULL_WIDTH.get(char, char)
        out.append(char)
        out.append(draw(st.sampled_from(["", "", *separators])))
    padding = draw(st.sampled_from(["", " ", "\u3000", "\t"]))
    return padding + "".join(out) + padding


def index(value: str, kind: IndexKind, table: str = "persons", column: str = "c") -> int:
    return blind_index(KEYRING, table, column, value, kind=kind)


@settings(max_examples=200)
@given(number=id_numbers(), data=st.data())
def test_id_number_variants_match(number: str, data: st.DataObject) -> None:
    variant = sprinkle(data.draw, number.lower() if data.draw(st.booleans()) else number, [" ", "\u3000"])
    assert normalise(IndexKind.ID_NUMBER, variant) == number
    assert index(variant, IndexKind.ID_NUMBER) == index(number, IndexKind.ID_NUMBER)


@settings(max_examples=200)
@given(number=mobiles, data=st.data())
def test_mobile_variants_match(number: str, data: st.DataObject) -> None:
    prefix = data.draw(st.sampled_from(["", "+86", "+86 ", "0086", "0086-", "86", "(+86) "]))
    grouped = data.draw(
        st.sampled_from([number, f"{number[:3]}-{number[3:7]}-{number[7:]}", f"({number[:3]}) {number[3:]}"])
    )
    variant = sprinkle(data.draw, prefix + grouped, [" ", "-"])
    assert normalise(IndexKind.MOBILE, variant) == number
    assert index(variant, IndexKind.MOBILE) == index(number, IndexKind.MOBILE)


@settings(max_examples=100)
@given(number=bank_cards, data=st.data())
def test_bank_account_variants_match(number: str, data: st.DataObject) -> None:
    variant = sprinkle(data.draw, number, [" ", "-"])
    assert normalise(IndexKind.BANK_ACCOUNT, variant) == number
    assert index(variant, IndexKind.BANK_ACCOUNT) == index(number, IndexKind.BANK_ACCOUNT)


@settings(max_examples=100)
@given(name=chinese_names, data=st.data())
def test_name_variants_match(name: str, data: st.DataObject) -> None:
    variant = sprinkle(data.draw, name, [" ", "\u3000"])
    assert index(variant, IndexKind.NAME) == index(name, IndexKind.NAME)


@pytest.mark.parametrize(
    "variant",
    [
        "阿卜杜·热合曼",
        "阿卜杜•热合曼",
        "阿卜杜・热合曼",
        "阿卜杜･热合曼",
        "阿卜杜.热合曼",
        "阿卜杜 · 热合曼",
        "阿卜杜‧热合曼",
    ],
)
def test_name_middle_dots_match(variant: str) -> None:
    assert index(variant, IndexKind.NAME) == index("阿卜杜·热合曼", IndexKind.NAME)


def test_latin_names_ignore_case_and_width() -> None:
    assert index("ＪＯＨＮ  Smith", IndexKind.NAME) == index("john smith", IndexKind.NAME)


def test_different_values_differ() -> None:
    assert index("13800138000", IndexKind.MOBILE) != index("13800138001", IndexKind.MOBILE)
    assert index("张三", IndexKind.NAME) != index("张四", IndexKind.NAME)


@settings(max_examples=200)
@given(number=id_numbers())
def test_columns_have_their_own_keys(number: str) -> None:
    values = {
        index(number, IndexKind.ID_NUMBER, "persons", "id_number"),
        index(number, IndexKind.ID_NUMBER, "persons", "guardian_id_number"),
        index(number, IndexKind.ID_NUMBER, "payees", "id_number"),
    }
    assert len(values) == 3


def test_column_keys_differ() -> None:
    keys = {KEYRING.purpose_key(column_purpose(t, c)) for t, c in [("a", "b"), ("a", "c"), ("b", "b")]}
    assert len(keys) == 3


@pytest.mark.parametrize(
    ("table", "column"), [("", "c"), ("t", ""), ("a.b", "c"), ("a", "b.c"), ("t|x", "c")]
)
def test_ambiguous_column_names_are_refused(table: str, column: str) -> None:
    with pytest.raises(ValueError):
        blind_index(KEYRING, table, column, "张三", kind="name")


@settings(max_examples=300)
@given(value=st.text(min_size=1), kind=st.sampled_from(list(IndexKind)))
def test_index_fits_a_signed_32_bit_integer(value: str, kind: IndexKind) -> None:
    assume(normalise(kind, value))
    assert -(2**31) <= index(value, kind) < 2**31


def test_values_that_normalise_to_nothing() -> None:
    for kind in IndexKind:
        with pytest.raises(ValueError) as caught:
            blind_index(KEYRING, "t", "c", " \u3000 ", kind=kind)
        assert blind_index_optional(KEYRING, "t", "c", " ", kind=kind) is None
        assert blind_index_optional(KEYRING, "t", "c", None, kind=kind) is None
        assert search_indexes(KEYRING, "t", "c", "", kind=kind) == ()
    assert "\u3000" not in str(caught.value)


def test_optional_and_string_kind_agree() -> None:
    assert blind_index_optional(KEYRING, "t", "c", "13800138000", kind="mobile") == blind_index(
        KEYRING, "t", "c", "+86 138-0013-8000", kind=IndexKind.MOBILE
    )
    with pytest.raises(ValueError):
        blind_index(KEYRING, "t", "c", "13800138000", kind="passport")


def test_key_versions_and_search_during_rotation() -> None:
    keyring = Keyring({1: os.urandom(32)}, current_version=1)
    old = blind_index(keyring, "persons", "mobile", "13800138000", kind="mobile")
    assert search_indexes(keyring, "persons", "mobile", "138 0013 8000", kind="mobile") == (old,)
    keyring.keys[2] = os.urandom(32)
    keyring.current_version = 2
    new = blind_index(keyring, "persons", "mobile", "13800138000", kind="mobile")
    assert new != old
    assert blind_index(keyring, "persons", "mobile", "13800138000", kind="mobile", version=1) == old
    assert search_indexes(keyring, "persons", "mobile", "13800138000", kind="mobile") == (new, old)


def _reference(table: str, column: str, kind: str, normalised: str) -> int:
    """The documented construction, written out independently of the module."""
    key = derive_purpose_key(bytes(range(32)), f"blind-index|{table}.{column}")
    message = f"backoffice-blind-index|v1|{kind}|{normalised}".encode()
    return int.from_bytes(hmac.new(key, message, hashlib.sha256).digest()[:4], "big", signed=True)


# Stored indexes depend on these exact numbers: a change here (format or normalisation, also in
# backoffice.domain.identity) needs a re-index of every row, not a new expected value.
KNOWN_ANSWERS = [
    ("persons", "id_number", "id_number", "11010119900307451x ", "11010119900307451X", 1263342356),
    ("persons", "mobile", "mobile", "+86 (138) 0013-8000", "13800138000", 1091553618),
    ("persons", "bank_account", "bank_account", "6222 0200-1234 5678", "6222020012345678", -1954747868),
    ("persons", "full_name", "name", "欧阳 娜娜", "欧阳娜娜", -662671100),
]


@pytest.mark.parametrize(("table", "column", "kind", "raw", "normalised", "expected"), KNOWN_ANSWERS)
def test_known_answers(table: str, column: str, kind: str, raw: str, normalised: str, expected: int) -> None:
    assert normalise(kind, raw) == normalised
    assert blind_index(FIXED, table, column, raw, kind=kind) == _reference(table, column, kind, normalised)
    assert blind_index(FIXED, table, column, raw, kind=kind) == expected
