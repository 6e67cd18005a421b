"""Personal data in an archive volume: masked by default (DOMAIN.md §10), in the clear on request.

Structured fields use the domain's masks. Free text (narratives, contact summaries, denial facts) can
hold numbers too: ID numbers, mobile numbers and bank card numbers found in it are masked; a name in
free text cannot be recognised reliably, and the notes sheet says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from backoffice.domain.identity import mask_bank_card, mask_id_number, mask_mobile, mask_name

_ID_NUMBER: Final = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_MOBILE: Final = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_CARD: Final = re.compile(r"(?<!\d)\d{16,19}(?!\d)")

MASKED_NOTE: Final = (
    "本卷所载个人信息已按规定屏蔽（姓名、身份证号、手机号、银行账号；自由文本中的证件号、手机号和银行卡号"
    "已自动屏蔽，其中出现的姓名可能未屏蔽）；扫描件为原件影像，未作屏蔽。"
)


def mask_text(text: str) -> str:
    """``text`` with ID numbers, mobile numbers and bank card numbers masked."""
    text = _ID_NUMBER.sub(lambda m: mask_id_number(m.group(0)), text)
    text = _CARD.sub(lambda m: mask_bank_card(m.group(0)), text)
    return _MOBILE.sub(lambda m: mask_mobile(m.group(0)), text)


@dataclass(frozen=True)
class Masker:
    unmasked: bool = False

    def name(self, value: str | None) -> str:
        return (value or "") if self.unmasked else mask_name(value or "")

    def id_number(self, value: str | None) -> str:
        if not value:
            return ""
        return value if self.unmasked else mask_id_number(value)

    def mobile(self, value: str | None) -> str:
        if not value:
            return ""
        return value if self.unmasked else mask_mobile(value)

    def bank_card(self, value: str | None) -> str:
        if not value:
            return ""
        return value if self.unmasked else mask_bank_card(value)

    def text(self, value: str | None) -> str:
        return (value or "") if self.unmasked else mask_text(value or "")
