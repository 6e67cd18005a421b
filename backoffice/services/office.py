"""The office's own details printed on letters: company, branch, hotline, address, hours.

Defaults below; an administrator's copy lives in ``office.json`` in the data directory.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

from backoffice.domain.errors import ValidationError
from backoffice.printing import Letterhead, OfficeContact
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.settings import Settings

OFFICE_FILE = "office.json"


@dataclass(frozen=True)
class OfficeInfo:
    company_name: str = "示范财产保险股份有限公司"
    branch_name: str = "北京分公司"
    hotline: str = "95500（7×24 小时）"
    website: str = ""
    department: str = "理赔服务中心"
    address: str = "北京市西城区金融大街 1 号"
    postcode: str = "100033"
    phone: str = "010-66000000"
    office_hours: str = "周一至周五 9:00—17:00（法定节假日除外）"
    channels: tuple[str, ...] = ("理赔服务中心现场递交", "邮寄至上述地址", "理赔 APP 拍照上传")
    fonds_code: str = "Z001"  # 全宗号 for archive numbers
    org_code: str = "110000"  # 机构代码

    def letterhead(self) -> Letterhead:
        return Letterhead(self.company_name, self.branch_name, self.hotline, self.website)

    def contact(self, handler_name: str = "", handler_phone: str = "") -> OfficeContact:
        return OfficeContact(
            self.department,
            self.address,
            self.phone,
            self.office_hours,
            self.postcode,
            handler_name,
            handler_phone,
        )


def office_info(settings: Settings) -> OfficeInfo:
    path = settings.data_dir / OFFICE_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return OfficeInfo()
    known = {k: v for k, v in raw.items() if k in OfficeInfo.__dataclass_fields__}
    if "channels" in known:
        known["channels"] = tuple(known["channels"])
    try:
        return OfficeInfo(**known)
    except TypeError:
        return OfficeInfo()


def save_office_info(us: UserSession, info: OfficeInfo) -> None:
    role = require(
        us, Permission.MANAGE_SETTINGS, "office.edit", "只有系统管理员可以修改机构信息。", "office"
    )
    if not info.company_name.strip():
        raise ValidationError("company_name", "请填写公司名称。")
    path = us.bo.settings.data_dir / OFFICE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(asdict(info), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
    with us.bo.db.unit_of_work() as db:
        audit.record(db, us, "office.edit", role=role, object_type="office")
