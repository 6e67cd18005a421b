"""Amounts in Chinese capital numerals (大写金额), as written on cheques, vouchers and calculation sheets.

Follows the rules for filling in bills and settlement vouchers (中国人民银行《支付结算办法》附件
《正确填写票据和结算凭证的基本规定》):

- capital digits 零壹贰叁肆伍陆柒捌玖 and units 拾佰仟万亿; ten is written 壹拾, never 拾;
- 整 after 元 when there are no 角 and 分; nothing after 角 (伍角) or 分;
- a run of zeros inside the number is written as one 零 (￥1409.50 → 壹仟肆佰零玖元伍角);
- zeros at the end of a 万 or 亿 section are not written (￥107000.53 → 壹拾万柒仟元零伍角叁分);
- when the 元 digit is 0 and 角 is not, 零 is written before 角 (￥1680.32 → 壹仟陆佰捌拾元零叁角贰分);
- when 角 is 0 and 分 is not, 零 is written after 元 (￥16409.02 → 壹万陆仟肆佰零玖元零贰分);
- amounts under one yuan start with 角 or 分 (￥0.05 → 伍分); zero is 零元整.

Pure: no rounding happens here. An amount that is not a whole number of fen, negative, not finite,
or not below one quadrillion (10^16) yuan is refused with ``ValueError``; a float with ``TypeError``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

DIGITS: Final = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS: Final = ("", "拾", "佰", "仟")
WAN: Final = 10**4
YI: Final = 10**8
LIMIT: Final = 10**16  # 壹亿亿: nothing a claims office will ever pay
DEFAULT_CURRENCY: Final = "人民币"


def _section(n: int) -> str:
    """0 < n < 10000: digits with units; one 零 for an inner run of zeros, trailing zeros omitted."""
    text = str(n)
    out: list[str] = []
    zero_pending = False
    for index, char in enumerate(text):
        digit = int(char)
        place = len(text) - 1 - index
        if digit == 0:
            zero_pending = True
            continue
        if zero_pending:
            out.append(DIGITS[0])
            zero_pending = False
        out.append(DIGITS[digit] + SMALL_UNITS[place])
    return "".join(out)


def _integer(n: int) -> str:
    """0 < n < LIMIT in capital numerals, without the currency unit."""
    for size, unit in ((YI, "亿"), (WAN, "万")):
        if n >= size:
            high, rest = divmod(n, size)
            text = _integer(high) + unit
            if rest == 0:
                return text
            # A gap below the 仟 place of the next section is a run of zeros that is read as 零.
            gap = DIGITS[0] if rest < size // 10 else ""
            return text + gap + _integer(rest)
    return _section(n)


def _fen(amount: Decimal) -> int:
    if isinstance(amount, bool) or not isinstance(amount, Decimal | int):
        raise TypeError(f"amount must be a Decimal or an int, not {type(amount).__name__}")
    value = Decimal(amount)
    if not value.is_finite():
        raise ValueError("amount must be a finite number")
    if value < 0:
        raise ValueError("amount must not be negative")
    fen = value * 100
    if fen != fen.to_integral_value():
        raise ValueError("amount must be a whole number of fen (at most two decimals); round it first")
    if value >= LIMIT:
        raise ValueError("amount is too large to write in words")
    return int(fen)


def amount_in_words(amount: Decimal, currency: str = DEFAULT_CURRENCY) -> str:
    """The amount in capital numerals: ``Decimal("12345.67")`` → ``"人民币壹万贰仟叁佰肆拾伍元陆角柒分"``.

    ``currency`` is the prefix; pass ``""`` to leave it out.
    """
    yuan, rest = divmod(_fen(amount), 100)
    jiao, fen = divmod(rest, 10)
    if yuan == 0 and rest == 0:
        return f"{currency}零元整"
    parts: list[str] = []
    if yuan:
        parts.append(_integer(yuan) + "元")
        if rest == 0:
            parts.append("整")
        elif jiao == 0 or yuan % 10 == 0:
            parts.append(DIGITS[0])
    if jiao:
        parts.append(DIGITS[jiao] + "角")
    if fen:
        parts.append(DIGITS[fen] + "分")
    return currency + "".join(parts)
