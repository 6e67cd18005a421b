"""Masking rules for personal data on screens and papers: the defaults of DOMAIN.md §10, configurable.

An administrator's ``masking.json`` in the data directory overrides any of them, e.g.
``{"id_number": {"keep_start": 6, "keep_end": 4}, "mobile": {"keep_start": 3, "keep_end": 4}}``.
An invalid file is ignored (the defaults apply) so that a typo never shows data in the clear.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from backoffice.domain import identity
from backoffice.domain.errors import ValidationError
from backoffice.domain.identity import MaskRule
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.settings import Settings

MASKING_FILE = "masking.json"
KINDS = ("name", "id_number", "mobile", "bank_account")


@dataclass(frozen=True)
class Masker:
    name_rule: MaskRule = identity.NAME_MASK
    id_rule: MaskRule = identity.ID_NUMBER_MASK
    mobile_rule: MaskRule = identity.MOBILE_MASK
    bank_rule: MaskRule = identity.BANK_CARD_MASK

    def name(self, value: str) -> str:
        return identity.mask_name(value, self.name_rule)

    def id_number(self, value: str) -> str:
        return identity.mask_id_number(value, self.id_rule)

    def mobile(self, value: str) -> str:
        return identity.mask_mobile(value, self.mobile_rule)

    def bank_account(self, value: str) -> str:
        return identity.mask_bank_card(value, self.bank_rule)


def _rule(raw: object, default: MaskRule) -> MaskRule:
    if not isinstance(raw, dict):
        return default
    return MaskRule(
        keep_start=int(raw.get("keep_start", default.keep_start)),
        keep_end=int(raw.get("keep_end", default.keep_end)),
        fill=str(raw.get("fill", default.fill)),
        fill_length=raw.get("fill_length", default.fill_length),
    )


@lru_cache(maxsize=8)
def _load(path: str, mtime: float) -> Masker:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return Masker(
            _rule(raw.get("name"), identity.NAME_MASK),
            _rule(raw.get("id_number"), identity.ID_NUMBER_MASK),
            _rule(raw.get("mobile"), identity.MOBILE_MASK),
            _rule(raw.get("bank_account"), identity.BANK_CARD_MASK),
        )
    except (OSError, ValueError, TypeError, AttributeError, ValidationError):
        return Masker()


def masker(settings: Settings) -> Masker:
    path = settings.data_dir / MASKING_FILE
    if not path.exists():
        return Masker()
    return _load(str(path), path.stat().st_mtime)


def save_rules(us: UserSession, rules: dict[str, dict[str, int]]) -> None:
    """An administrator's rules (validated first, then written to a temp name and renamed)."""
    role = require(
        us, Permission.MANAGE_SETTINGS, "masking.edit", "只有系统管理员可以修改遮蔽规则。", "masking"
    )
    unknown = set(rules) - set(KINDS)
    if unknown:
        raise ValidationError("masking", "未知的遮蔽项目：{names}。", names=", ".join(sorted(unknown)))
    defaults = Masker()
    checked = {
        "name": _rule(rules.get("name"), defaults.name_rule),
        "id_number": _rule(rules.get("id_number"), defaults.id_rule),
        "mobile": _rule(rules.get("mobile"), defaults.mobile_rule),
        "bank_account": _rule(rules.get("bank_account"), defaults.bank_rule),
    }
    for kind, rule in checked.items():
        if (
            rule.keep_start + rule.keep_end
            > {"name": 1, "id_number": 10, "mobile": 7, "bank_account": 10}[kind]
        ):
            raise ValidationError("masking", "“{kind}”的遮蔽规则显示的位数过多。", kind=kind)
    path = us.bo.settings.data_dir / MASKING_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(rules, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
    with us.bo.db.unit_of_work() as db:
        audit.record(db, us, "masking.edit", role=role, object_type="masking")
