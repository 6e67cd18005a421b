"""Citizen ID numbers, mobile numbers and bank card numbers: normalisation, validation, masking.

Pure functions. Validation failures raise :class:`ValidationError` with a Chinese message that never
contains the value itself (it is personal data).

- ID numbers follow GB 11643-1999: six-digit address code, eight-digit birth date, three-digit sequence
  (odd 17th digit = male) and an ISO 7064 MOD 11-2 check character (``0``-``9`` or ``X``).
- Mobile numbers are mainland numbers: eleven digits, ``1[3-9]`` then nine digits.
- Bank card numbers are 12-19 digits, optionally Luhn-checked (some domestic accounts are not).
- Masks follow DOMAIN.md §10 by default and are configurable as :class:`MaskRule` objects.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from backoffice.domain.errors import ValidationError

# --------------------------------------------------------------------------------------------------
# GB 11643-1999 citizen ID numbers
# --------------------------------------------------------------------------------------------------

#: First two digits of the address code (GB/T 2260 province-level divisions). 71 is Taiwan; 81, 82 and 83
#: are used by the residence permits for Hong Kong, Macao and Taiwan residents (same number format).
PROVINCE_CODES: Final = MappingProxyType(
    {
        "11": "北京", "12": "天津", "13": "河北", "14": "山西", "15": "内蒙古",
        "21": "辽宁", "22": "吉林", "23": "黑龙江",
        "31": "上海", "32": "江苏", "33": "浙江", "34": "安徽", "35": "福建", "36": "江西", "37": "山东",
        "41": "河南", "42": "湖北", "43": "湖南", "44": "广东", "45": "广西", "46": "海南",
        "50": "重庆", "51": "四川", "52": "贵州", "53": "云南", "54": "西藏",
        "61": "陕西", "62": "甘肃", "63": "青海", "64": "宁夏", "65": "新疆",
        "71": "台湾", "81": "香港", "82": "澳门", "83": "台湾（居住证）",
    }
)  # fmt: skip

#: ISO 7064 MOD 11-2 weights for the first 17 digits: 2^(17 - i) mod 11.
ID_WEIGHTS: Final = tuple(pow(2, 17 - i, 11) for i in range(17))
_CHECK_CHARS: Final = "10X98765432"  # indexed by (weighted sum mod 11)
_ID_SHAPE: Final = re.compile(r"[0-9]{17}[0-9X]")
#: Birth dates before this are treated as typing errors (no living customer was born earlier).
EARLIEST_BIRTH_DATE: Final = date(1900, 1, 1)


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


@dataclass(frozen=True, slots=True)
class IdNumberInfo:
    """What a valid ID number says about its holder. The number itself is left out of ``repr``."""

    number: str = dataclasses.field(repr=False)
    region_code: str
    birth_date: date
    sex: Sex

    @property
    def province(self) -> str:
        return PROVINCE_CODES[self.region_code[:2]]

    def age_on(self, day: date) -> int:
        """Age in whole years on ``day`` (a person born on 29 February has a birthday on 1 March)."""
        before_birthday = (day.month, day.day) < (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - int(before_birthday)


def _nfkc_compact(raw: str) -> str:
    """Full-width characters to ASCII (input methods produce them), whitespace removed."""
    return "".join(unicodedata.normalize("NFKC", raw).split())


def normalize_id_number(raw: str) -> str:
    """Remove spaces (also full-width ones) and upper-case a trailing ``x``; no validation."""
    return _nfkc_compact(raw).upper()


def id_check_digit(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits of an ID number."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("need exactly 17 ASCII digits")
    total = sum(int(digit) * weight for digit, weight in zip(first17, ID_WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def parse_id_number(raw: str, *, today: date | None = None, field: str = "id_number") -> IdNumberInfo:
    """Validate a GB 11643 ID number and return its birth date and sex; raise ValidationError if invalid.

    ``today``, when given, rejects birth dates after it (the domain has no clock).
    """
    number = normalize_id_number(raw)
    if not number:
        raise ValidationError(field, "请输入身份证号码")
    if len(number) != 18:
        raise ValidationError(field, "身份证号码应为18位，现为{length}位", length=len(number))
    if not _ID_SHAPE.fullmatch(number):
        raise ValidationError(field, "身份证号码前17位应为数字，最后一位应为数字或X")
    if number[:2] not in PROVINCE_CODES:
        raise ValidationError(field, "身份证号码的地区代码无效")
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError(field, "身份证号码中的出生日期无效") from None
    if birth < EARLIEST_BIRTH_DATE:
        raise ValidationError(field, "身份证号码中的出生日期无效")
    if today is not None and birth > today:
        raise ValidationError(field, "身份证号码中的出生日期晚于当前日期")
    if id_check_digit(number[:17]) != number[17]:
        raise ValidationError(field, "身份证号码校验位不正确，请核对后重新输入")
    sex = Sex.MALE if int(number[16]) % 2 else Sex.FEMALE
    return IdNumberInfo(number=number, region_code=number[:6], birth_date=birth, sex=sex)


def is_valid_id_number(raw: str, *, today: date | None = None) -> bool:
    try:
        parse_id_number(raw, today=today)
    except ValidationError:
        return False
    return True


# --------------------------------------------------------------------------------------------------
# Mainland mobile numbers
# --------------------------------------------------------------------------------------------------

_MOBILE: Final = re.compile(r"1[3-9][0-9]{9}")
_PHONE_SEPARATORS: Final = re.compile(r"[\s\-()]")


def normalize_mobile(raw: str) -> str:
    """Remove spaces, dashes, parentheses and a +86 / 0086 / 86 country prefix; no validation."""
    compact = _PHONE_SEPARATORS.sub("", unicodedata.normalize("NFKC", raw))
    for prefix in ("+86", "0086"):
        if compact.startswith(prefix):
            return compact[len(prefix) :]
    if len(compact) == 13 and compact.startswith("86"):
        return compact[2:]
    return compact


def parse_mobile(raw: str, *, field: str = "mobile") -> str:
    """The normalised mobile number; raise ValidationError if it is not a mainland mobile number."""
    number = normalize_mobile(raw)
    if not number:
        raise ValidationError(field, "请输入手机号码")
    if not _MOBILE.fullmatch(number):
        raise ValidationError(field, "手机号码应为以13至19开头的11位数字")
    return number


def is_valid_mobile(raw: str) -> bool:
    return bool(_MOBILE.fullmatch(normalize_mobile(raw)))


# --------------------------------------------------------------------------------------------------
# Bank card numbers
# --------------------------------------------------------------------------------------------------

BANK_CARD_MIN_LENGTH: Final = 12
BANK_CARD_MAX_LENGTH: Final = 19
_CARD_SEPARATORS: Final = re.compile(r"[\s\-]")


def normalize_bank_card(raw: str) -> str:
    """Remove spaces and dashes (grouping); anything else is left for validation to refuse."""
    return _CARD_SEPARATORS.sub("", unicodedata.normalize("NFKC", raw))


def luhn_check_digit(payload: str) -> str:
    """The Luhn check digit to append to ``payload`` (ASCII digits)."""
    if not payload.isascii() or not payload.isdigit():
        raise ValueError("need ASCII digits")
    total = 0
    for position, char in enumerate(reversed(payload)):
        digit = int(char)
        if position % 2 == 0:  # these are doubled once the check digit is appended
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return str(-total % 10)


def luhn_valid(number: str) -> bool:
    return (
        len(number) >= 2
        and number.isascii()
        and number.isdigit()
        and luhn_check_digit(number[:-1]) == number[-1]
    )


def parse_bank_card(raw: str, *, check_luhn: bool = True, field: str = "bank_account") -> str:
    """The normalised card number; raise ValidationError if invalid. ``check_luhn=False`` for accounts
    whose numbers carry no Luhn check digit."""
    number = normalize_bank_card(raw)
    if not number:
        raise ValidationError(field, "请输入银行卡号")
    if not number.isascii() or not number.isdigit():
        raise ValidationError(field, "银行卡号只能包含数字")
    if not BANK_CARD_MIN_LENGTH <= len(number) <= BANK_CARD_MAX_LENGTH:
        raise ValidationError(
            field,
            "银行卡号应为{minimum}至{maximum}位数字，现为{length}位",
            minimum=BANK_CARD_MIN_LENGTH,
            maximum=BANK_CARD_MAX_LENGTH,
            length=len(number),
        )
    if check_luhn and not luhn_valid(number):
        raise ValidationError(field, "银行卡号校验失败，请核对后重新输入")
    return number


def is_valid_bank_card(raw: str, *, check_luhn: bool = True) -> bool:
    try:
        parse_bank_card(raw, check_luhn=check_luhn)
    except ValidationError:
        return False
    return True


# --------------------------------------------------------------------------------------------------
# Masks
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MaskRule:
    """Show ``keep_start`` leading and ``keep_end`` trailing characters, replace the rest by ``fill``.

    ``fill_length`` None keeps the length (one fill character per hidden one); a number writes exactly that
    many fill characters, hiding the length too. A value too short to hide anything is masked entirely.
    """

    keep_start: int
    keep_end: int
    fill: str = "*"
    fill_length: int | None = None

    def __post_init__(self) -> None:
        if self.keep_start < 0 or self.keep_end < 0:
            raise ValidationError("mask_rule", "掩码规则的保留位数不能为负数")
        if len(self.fill) != 1:
            raise ValidationError("mask_rule", "掩码填充字符必须是单个字符")
        if self.fill_length is not None and self.fill_length < 1:
            raise ValidationError("mask_rule", "掩码填充长度至少为1")


ID_NUMBER_MASK: Final = MaskRule(keep_start=3, keep_end=4)
MOBILE_MASK: Final = MaskRule(keep_start=3, keep_end=4)
BANK_CARD_MASK: Final = MaskRule(keep_start=6, keep_end=4)
#: For names ``keep_start`` counts the surname as one unit: a compound surname keeps both characters.
NAME_MASK: Final = MaskRule(keep_start=1, keep_end=0, fill_length=1)

#: Two-character surnames recognised by :func:`split_surname`.
COMPOUND_SURNAMES: Final = frozenset(
    (
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
        "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "呼延", "澹台", "公冶", "宗政", "濮阳",
        "淳于", "单于", "太叔", "申屠", "钟离", "闻人", "万俟", "赫连", "拓跋", "东郭", "司空", "百里",
    )
)  # fmt: skip


def mask(value: str, rule: MaskRule) -> str:
    """``value`` with all but the rule's leading and trailing characters replaced by the fill character."""
    if not value:
        return ""
    hidden = len(value) - rule.keep_start - rule.keep_end
    if hidden <= 0:  # nothing would be hidden: reveal nothing rather than everything
        return rule.fill * (rule.fill_length or len(value))
    start = value[: rule.keep_start]
    end = value[len(value) - rule.keep_end :]
    return start + rule.fill * (rule.fill_length or hidden) + end


def split_surname(name: str) -> tuple[str, str]:
    """(surname, given name); a known compound surname counts only when a given name follows it."""
    name = name.strip()
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def mask_name(name: str, rule: MaskRule = NAME_MASK) -> str:
    """Surname + ``*`` by default; compound surnames (欧阳, 司马, 诸葛, ...) keep both characters."""
    name = name.strip()
    surname, _ = split_surname(name)
    keep_start = rule.keep_start + len(surname) - 1 if rule.keep_start >= 1 else 0
    return mask(name, MaskRule(keep_start, rule.keep_end, rule.fill, rule.fill_length))


def mask_id_number(raw: str, rule: MaskRule = ID_NUMBER_MASK) -> str:
    return mask(normalize_id_number(raw), rule)


def mask_mobile(raw: str, rule: MaskRule = MOBILE_MASK) -> str:
    return mask(normalize_mobile(raw), rule)


def mask_bank_card(raw: str, rule: MaskRule = BANK_CARD_MASK) -> str:
    return mask(normalize_bank_card(raw), rule)
