"""Amounts in Chinese capital numerals (大写金额).

Expected strings follow 中国人民银行《正确填写票据和结算凭证的基本规定》; the examples it gives itself
(￥1409.50, ￥6007.14, ￥1680.32, ￥107000.53, ￥16409.02, ￥325.04) are among the cases.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backoffice.domain.money_words import DIGITS, LIMIT, amount_in_words


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("0", "人民币零元整"),
        ("0.00", "人民币零元整"),
        ("0.05", "人民币伍分"),
        ("0.50", "人民币伍角"),
        ("0.55", "人民币伍角伍分"),
        ("1", "人民币壹元整"),
        ("10", "人民币壹拾元整"),
        ("11", "人民币壹拾壹元整"),
        ("20.00", "人民币贰拾元整"),
        ("100", "人民币壹佰元整"),
        ("101", "人民币壹佰零壹元整"),
        ("110", "人民币壹佰壹拾元整"),
        ("1001", "人民币壹仟零壹元整"),
        ("1010", "人民币壹仟零壹拾元整"),
        ("100000", "人民币壹拾万元整"),
        ("1000001.01", "人民币壹佰万零壹元零壹分"),
        ("10010.10", "人民币壹万零壹拾元零壹角"),
        ("12345.67", "人民币壹万贰仟叁佰肆拾伍元陆角柒分"),
        # the rules' own examples
        ("1409.50", "人民币壹仟肆佰零玖元伍角"),
        ("6007.14", "人民币陆仟零柒元壹角肆分"),
        ("1680.32", "人民币壹仟陆佰捌拾元零叁角贰分"),
        ("107000.53", "人民币壹拾万柒仟元零伍角叁分"),
        ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),
        ("325.04", "人民币叁佰贰拾伍元零肆分"),
        # runs of zeros: inside a section, across sections, a whole empty section
        ("100100", "人民币壹拾万零壹佰元整"),
        ("10007000", "人民币壹仟万柒仟元整"),
        ("10000001", "人民币壹仟万零壹元整"),
        ("100000001", "人民币壹亿零壹元整"),
        ("100001000", "人民币壹亿零壹仟元整"),
        ("100010000", "人民币壹亿零壹万元整"),
        ("150000000", "人民币壹亿伍仟万元整"),
        ("1000000000.01", "人民币壹拾亿元零壹分"),
        ("200000.20", "人民币贰拾万元零贰角"),
        ("1000000000000", "人民币壹万亿元整"),
        ("1234500000000", "人民币壹万贰仟叁佰肆拾伍亿元整"),
        (
            "9999999999999999.99",
            "人民币玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
        ),
    ],
)
def test_amounts_in_words(amount, words):
    assert amount_in_words(Decimal(amount)) == words


def test_currency_prefix_can_be_changed_or_left_out():
    assert amount_in_words(Decimal("10"), currency="") == "壹拾元整"
    assert amount_in_words(Decimal("10"), currency="金额：") == "金额：壹拾元整"


def test_ints_are_accepted_and_exponent_forms_are_exact():
    assert amount_in_words(25) == "人民币贰拾伍元整"
    assert amount_in_words(Decimal("1E+4")) == "人民币壹万元整"
    assert amount_in_words(Decimal("-0")) == "人民币零元整"


@pytest.mark.parametrize(
    ("amount", "error"),
    [
        (Decimal("0.001"), ValueError),
        (Decimal("12.345"), ValueError),
        (Decimal("-0.01"), ValueError),
        (Decimal("NaN"), ValueError),
        (Decimal("Infinity"), ValueError),
        (Decimal(LIMIT), ValueError),
        (1.5, TypeError),
        (True, TypeError),
        ("12.00", TypeError),
    ],
)
def test_refused_amounts(amount, error):
    with pytest.raises(error):
        amount_in_words(amount)


# -- properties: the words read back to the amount, and are well formed --------------------------

_UNITS = {"拾": 10, "佰": 100, "仟": 1000}


def _section_value(words: str) -> int:
    """壹仟零壹拾 → 1010: digits followed by 拾佰仟 or standing for units; 零 is only a gap."""
    total = digit = 0
    for char in words:
        if char in _UNITS:
            total += digit * _UNITS[char]
            digit = 0
        elif char != "零":
            digit = DIGITS.index(char)
    return total + digit


def _integer_value(words: str) -> int:
    high, yi, rest = words.partition("亿")
    if yi:
        return _integer_value(high) * 10**8 + _integer_value(rest)
    high, wan, rest = words.partition("万")
    if wan:
        return _section_value(high) * 10**4 + _section_value(rest)
    return _section_value(words)


def read_back(words: str) -> Fraction:
    """Parse capital numerals back to yuan (an independent reading of what was written)."""
    assert words.startswith("人民币")
    body = words.removeprefix("人民币")
    if body == "零元整":
        return Fraction(0)
    integer, yuan, fraction = body.rpartition("元")
    value = Fraction(_integer_value(integer)) if yuan else Fraction(0)
    if not yuan:
        fraction = body
    jiao = fen = 0
    if (index := fraction.find("角")) >= 0:
        jiao = DIGITS.index(fraction[index - 1])
    if (index := fraction.find("分")) >= 0:
        fen = DIGITS.index(fraction[index - 1])
    return value + Fraction(jiao, 10) + Fraction(fen, 100)


amounts = st.one_of(
    st.integers(0, LIMIT * 100 - 1),
    st.integers(0, 10**9),
    # numbers with long runs of zeros
    st.builds(
        lambda digits, zeros: int(
            "".join(str(d) if keep else "0" for d, keep in zip(digits, zeros, strict=False))
        ),
        st.lists(st.integers(1, 9), min_size=1, max_size=18),
        st.lists(st.booleans(), min_size=18, max_size=18),
    ).filter(lambda fen: fen < LIMIT * 100),
).map(lambda fen: Decimal(fen).scaleb(-2))


@given(amounts)
def test_words_read_back_to_the_amount(amount):
    assert read_back(amount_in_words(amount)) == Fraction(amount)


@given(amounts)
def test_words_are_well_formed(amount):
    words = amount_in_words(amount).removeprefix("人民币")
    if amount == 0:
        assert words == "零元整"
        return
    assert "零零" not in words
    assert not words.startswith("零")
    assert not words.endswith("零")
    assert words.endswith(("整", "角", "分"))
    assert words.endswith("整") == (amount == amount.to_integral_value())
    for index, char in enumerate(words):
        if char in "拾佰仟":
            assert words[index - 1] in DIGITS[1:], words  # 壹拾, never a bare 拾
        if char in "万亿元":
            assert index == 0 or words[index - 1] != "零", words
    assert set(words) <= set(DIGITS + "拾佰仟万亿元角分整")
