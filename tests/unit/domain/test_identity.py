from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from backoffice.domain.errors import ValidationError
from backoffice.domain.identity import (
    BANK_CARD_MASK,
    ID_NUMBER_MASK,
    MOBILE_MASK,
    NAME_MASK,
    PROVINCE_CODES,
    MaskRule,
    Sex,
    id_check_digit,
    is_valid_bank_card,
    is_valid_id_number,
    is_valid_mobile,
    luhn_check_digit,
    luhn_valid,
    mask,
    mask_bank_card,
    mask_id_number,
    mask_mobile,
    mask_name,
    normalize_bank_card,
    normalize_id_number,
    normalize_mobile,
    parse_bank_card,
    parse_id_number,
    parse_mobile,
    split_surname,
)

# --- ID numbers: check digit worked by hand -----------------------------------------------------
# Weights W_i = 2^(17-i) mod 11 for positions 1..17: 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2.
# Check character = "10X98765432"[S mod 11] where S = sum of digit_i * W_i.
#
# 11010519491231002 (GB 11643-1999's own example):
#   1*7 + 1*9 + 0*10 + 1*5 + 0*8 + 5*4 + 1*2 + 9*1 + 4*6 + 9*3 + 1*7 + 2*9 + 3*10 + 1*5 + 0*8 + 0*4 + 2*2
#   = 7 + 9 + 0 + 5 + 0 + 20 + 2 + 9 + 24 + 27 + 7 + 18 + 30 + 5 + 0 + 0 + 4 = 167; 167 = 15*11 + 2 -> "X"
# 44052418800101001 (the standard's second example):
#   28 + 36 + 0 + 25 + 16 + 16 + 2 + 8 + 48 + 0 + 0 + 9 + 0 + 5 + 0 + 0 + 2 = 195; 195 = 17*11 + 8 -> "4"
# 32010219900307123:
#   21 + 18 + 0 + 5 + 0 + 8 + 2 + 9 + 54 + 0 + 0 + 27 + 0 + 35 + 8 + 8 + 6 = 201; 201 = 18*11 + 3 -> "9"
# 33010620000229001 (born on a leap day):
#   21 + 27 + 0 + 5 + 0 + 24 + 4 + 0 + 0 + 0 + 0 + 18 + 20 + 45 + 0 + 0 + 2 = 166; 166 = 15*11 + 1 -> "0"
HAND_VECTORS = [
    ("11010519491231002", "X"),
    ("44052418800101001", "4"),
    ("32010219900307123", "9"),
    ("33010620000229001", "0"),
]
VALID_ID = "11010519491231002X"
TODAY = date(2025, 6, 1)


@pytest.mark.parametrize(("first17", "check"), HAND_VECTORS)
def test_check_digit_hand_vectors(first17, check):
    assert id_check_digit(first17) == check


@pytest.mark.parametrize(
    "bad", ["1101051949123100", "1101051949123100ab", "１１０１０５１９４９１２３１００２"]
)
def test_check_digit_needs_17_ascii_digits(bad):
    with pytest.raises(ValueError, match="17"):
        id_check_digit(bad)


def test_parse_returns_birth_date_sex_and_region():
    info = parse_id_number(VALID_ID, today=TODAY)
    assert info.birth_date == date(1949, 12, 31)
    assert info.sex is Sex.FEMALE  # 17th digit 2 is even
    assert info.region_code == "110105"
    assert info.province == "北京"
    assert info.number == VALID_ID
    assert info.age_on(date(2025, 12, 30)) == 75
    assert info.age_on(date(2025, 12, 31)) == 76


def test_parse_male_and_leap_day():
    info = parse_id_number("330106200002290010", today=TODAY)
    assert (info.birth_date, info.sex) == (date(2000, 2, 29), Sex.MALE)
    assert info.age_on(date(2025, 2, 28)) == 24
    assert info.age_on(date(2025, 3, 1)) == 25


def test_repr_does_not_show_the_number():
    assert VALID_ID not in repr(parse_id_number(VALID_ID))


@pytest.mark.parametrize(
    "variant",
    [
        "11010519491231002x",
        " 11010519491231002X ",
        "110105 19491231 002x",
        "110105\t19491231\u3000002X",
        "１１０１０５１９４９１２３１００２ｘ",  # full-width digits from a Chinese input method
    ],
)
def test_formatting_variants_normalise_equal(variant):
    assert normalize_id_number(variant) == VALID_ID
    assert parse_id_number(variant).number == VALID_ID


def _with_check(first17: str) -> str:
    return first17 + id_check_digit(first17)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "请输入"),
        ("11010519491231002", "18位"),
        ("11010519491231002X1", "18位"),
        ("1101051949123100X2", "最后一位"),
        ("11010519491231002Y", "最后一位"),
        (_with_check("00010519491231002"), "地区代码"),
        (_with_check("99010519491231002"), "地区代码"),
        (_with_check("11010519490230002"), "出生日期无效"),  # 30 February
        (_with_check("11010519000229002"), "出生日期无效"),  # 1900 is not a leap year
        (_with_check("11010518991231002"), "出生日期无效"),  # before 1900: a typing error
        (_with_check("11010520250602002"), "晚于"),  # one day after TODAY
        ("110105194912310021", "校验位"),
        ("110105194912310029", "校验位"),
    ],
)
def test_invalid_id_numbers(raw, fragment):
    with pytest.raises(ValidationError) as caught:
        parse_id_number(raw, today=TODAY, field="insured_id")
    error = caught.value
    assert error.field == "insured_id"
    assert fragment in str(error)
    if raw:
        assert raw not in str(error) and raw[:17] not in str(error)
    assert not is_valid_id_number(raw, today=TODAY)


def test_future_birth_date_accepted_without_today():
    assert is_valid_id_number(_with_check("11010520250602002"))
    assert is_valid_id_number(_with_check("11010520250601002"), today=TODAY)  # born today


def test_every_province_code_is_accepted():
    for code in PROVINCE_CODES:
        assert is_valid_id_number(_with_check(code + "010519491231002")), code


_valid_first17 = st.builds(
    lambda province, birth, sequence: f"{province}0101{birth:%Y%m%d}{sequence:03d}",
    st.sampled_from(sorted(PROVINCE_CODES)),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 6, 1)),
    st.integers(0, 999),
)


@given(_valid_first17)
def test_exactly_one_check_character_is_valid(first17):
    valid = [check for check in "0123456789X" if is_valid_id_number(first17 + check, today=TODAY)]
    assert valid == [id_check_digit(first17)]


@given(_valid_first17, st.integers(0, 17), st.sampled_from("0123456789X"))
def test_single_substitution_is_detected(first17, position, char):
    number = _with_check(first17)
    assume(number[position] != char)
    assert not is_valid_id_number(number[:position] + char + number[position + 1 :])


@given(_valid_first17, st.integers(0, 16))
def test_adjacent_transposition_is_detected(first17, position):
    number = _with_check(first17)
    assume(number[position] != number[position + 1])
    swapped = number[:position] + number[position + 1] + number[position] + number[position + 2 :]
    assert not is_valid_id_number(swapped)


# --- mobile numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variant",
    [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "+86 138 0013 8000",
        "+86-138-0013-8000",
        "(+86) 13800138000",
        "0086 13800138000",
        "8613800138000",
        "１３８００１３８０００",
    ],
)
def test_mobile_variants_normalise_equal(variant):
    assert normalize_mobile(variant) == "13800138000"
    assert parse_mobile(variant) == "13800138000"
    assert is_valid_mobile(variant)


@pytest.mark.parametrize(
    "raw",
    [
        "12800138000",
        "10800138000",
        "1380013800",
        "138001380001",
        "23800138000",
        "1380013800a",
        "+1 13800138000",
    ],
)
def test_invalid_mobiles(raw):
    assert not is_valid_mobile(raw)
    with pytest.raises(ValidationError) as caught:
        parse_mobile(raw)
    assert caught.value.field == "mobile"
    assert normalize_mobile(raw) not in str(caught.value)


def test_empty_mobile():
    with pytest.raises(ValidationError, match="请输入手机号码"):
        parse_mobile(" - ")


@given(st.sampled_from("3456789"), st.text(alphabet=string.digits, min_size=9, max_size=9))
def test_all_mainland_prefixes_valid(second, rest):
    assert is_valid_mobile(f"+86 1{second}{rest}")


# --- bank cards -----------------------------------------------------------------------------------


def test_luhn_hand_vector():
    # Payload 7992739871 read from the right: 1 7 8 9 3 7 2 9 9 7. The digits at even offsets are doubled
    # (they sit at odd offsets once the check digit is appended): 1->2, 8->16->7, 3->6, 2->4, 9->18->9,
    # sum 28; the others 7 + 9 + 7 + 9 + 7 = 39; total 67; check digit = (10 - 67 mod 10) mod 10 = 3.
    assert luhn_check_digit("7992739871") == "3"
    assert luhn_valid("79927398713")
    assert not luhn_valid("79927398710")
    assert luhn_check_digit("0") == "0"


@pytest.mark.parametrize(
    "variant",
    ["6222 0212 3456 7894", "6222-0212-3456-7894", " 6222021234567894 ", "６２２２０２１２３４５６７８９４"],
)
def test_bank_card_variants_normalise_equal(variant):
    assert normalize_bank_card(variant) == "6222021234567894"
    assert parse_bank_card(variant) == "6222021234567894"


def test_bank_card_luhn_is_optional():
    non_luhn = "6222021234567895"
    assert not is_valid_bank_card(non_luhn)
    assert is_valid_bank_card(non_luhn, check_luhn=False)
    assert parse_bank_card(non_luhn, check_luhn=False) == non_luhn
    with pytest.raises(ValidationError, match="校验失败"):
        parse_bank_card(non_luhn)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "请输入"),
        ("6222a21234567894", "只能包含数字"),
        ("62220212345", "12至19"),
        ("62220212345678901234", "12至19"),
    ],
)
def test_invalid_bank_cards(raw, fragment):
    with pytest.raises(ValidationError) as caught:
        parse_bank_card(raw, check_luhn=False)
    assert fragment in caught.value.format()
    assert caught.value.field == "bank_account"
    if raw:
        assert raw not in str(caught.value)


@given(st.text(alphabet=string.digits, min_size=11, max_size=18))
def test_appending_luhn_digit_makes_valid_card(payload):
    assert is_valid_bank_card(payload + luhn_check_digit(payload))


# --- masks ----------------------------------------------------------------------------------------


def test_default_masks():
    assert mask_id_number("11010519491231002x") == "110***********002X"
    assert mask_mobile("+86 138-0013-8000") == "138****8000"
    assert mask_bank_card("6222 0212 3456 7894") == "622202******7894"
    assert mask_bank_card("6222021234567894123") == "622202*********4123"
    assert (ID_NUMBER_MASK.keep_start, ID_NUMBER_MASK.keep_end) == (3, 4)
    assert (MOBILE_MASK.keep_start, MOBILE_MASK.keep_end) == (3, 4)
    assert (BANK_CARD_MASK.keep_start, BANK_CARD_MASK.keep_end) == (6, 4)


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("张三", "张*"),
        ("王小明", "王*"),
        (" 李四 ", "李*"),
        ("欧阳娜娜", "欧阳*"),
        ("欧阳修", "欧阳*"),
        ("司马光", "司马*"),
        ("诸葛亮", "诸葛*"),
        ("欧阳", "欧*"),  # two characters: a single surname 欧 and the given name 阳
        ("张", "*"),
        ("", ""),
    ],
)
def test_name_mask(name, masked):
    assert mask_name(name) == masked


def test_split_surname():
    assert split_surname("诸葛亮") == ("诸葛", "亮")
    assert split_surname("司马相如") == ("司马", "相如")
    assert split_surname("马云") == ("马", "云")


def test_configurable_rules():
    assert mask("13800138000", MaskRule(keep_start=0, keep_end=4, fill="#")) == "#######8000"
    assert mask("13800138000", MaskRule(3, 4, fill_length=3)) == "138***8000"
    assert mask_name("王小明", MaskRule(1, 0)) == "王**"  # length-preserving name mask
    assert mask_name("欧阳娜娜", MaskRule(0, 0, fill_length=1)) == "*"
    assert mask("1234", MaskRule(2, 2)) == "****"  # too short to hide anything: hide everything
    assert mask("1234", NAME_MASK) == "1*"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"keep_start": -1, "keep_end": 0},
        {"keep_start": 0, "keep_end": 0, "fill": ""},
        {"keep_start": 1, "keep_end": 1, "fill": "**"},
        {"keep_start": 1, "keep_end": 1, "fill_length": 0},
    ],
)
def test_invalid_mask_rules(kwargs):
    with pytest.raises(ValidationError) as caught:
        MaskRule(**kwargs)
    assert caught.value.field == "mask_rule"


_rules = st.builds(
    MaskRule,
    keep_start=st.integers(0, 8),
    keep_end=st.integers(0, 8),
    fill=st.sampled_from("*#•"),
    fill_length=st.none() | st.integers(1, 6),
)
_values = st.text(alphabet="0123456789Xabc张王欧阳", max_size=25)


@given(_values, _rules, st.data())
def test_mask_depends_only_on_the_allowed_characters(value, rule, data):
    """Changing any hidden character never changes the mask: nothing else can leak."""
    hidden = range(rule.keep_start, len(value) - rule.keep_end)
    other = list(value)
    for position in hidden:
        other[position] = data.draw(st.sampled_from("0123456789XYZ"))
    if len(value) <= rule.keep_start + rule.keep_end:  # fully masked: only the length may show
        other = list(data.draw(st.text(alphabet="0123456789", min_size=len(value), max_size=len(value))))
    assert mask("".join(other), rule) == mask(value, rule)


@given(_values, _rules)
def test_mask_reveals_at_most_the_allowed_characters(value, rule):
    masked = mask(value, rule)
    shown = [char for char in masked if char != rule.fill]
    assert len(shown) <= rule.keep_start + rule.keep_end
    if value:
        assert len(shown) < len(value)  # something is always hidden
    if len(value) > rule.keep_start + rule.keep_end:
        assert masked.startswith(value[: rule.keep_start])
        assert masked.endswith(value[len(value) - rule.keep_end :])


@given(st.text(alphabet="张王李欧阳司马诸葛小明", min_size=1, max_size=6))
def test_name_mask_reveals_only_the_surname(name):
    surname, _ = split_surname(name)
    masked = mask_name(name)
    if len(name) > len(surname):
        assert masked == surname + "*"
    else:
        assert set(masked) == {"*"}
