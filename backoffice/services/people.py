"""People (customers, insureds, claimants, payees): personal data encrypted at rest, shown masked.

Every personal field is encrypted with security.fields bound to its cell; ID number, mobile, bank account
and full name also get a blind index for exact search. Views are masked; ``reveal`` returns one field in
the clear, needs the permission, the password again and a reason, and is audited.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from backoffice.db.models import Person
from backoffice.domain.errors import NotFound, ValidationError
from backoffice.domain.identity import (
    parse_bank_card,
    parse_id_number,
    parse_mobile,
)
from backoffice.security.blind_index import IndexKind, blind_index_optional, normalise, search_indexes
from backoffice.security.fields import FieldCipher
from backoffice.security.keys import Keyring
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.auth import confirm_password
from backoffice.services.context import UserSession
from backoffice.services.guard import require
from backoffice.services.keyslots import refresh
from backoffice.services.masking import masker

TABLE = "persons"
# field name → (encrypted column, blind-index column, index kind)
SEARCHABLE: dict[str, tuple[str, str, IndexKind]] = {
    "full_name": ("full_name_enc", "full_name_bidx", IndexKind.NAME),
    "id_number": ("id_number_enc", "id_number_bidx", IndexKind.ID_NUMBER),
    "mobile": ("mobile_enc", "mobile_bidx", IndexKind.MOBILE),
    "bank_account": ("bank_account_enc", "bank_account_bidx", IndexKind.BANK_ACCOUNT),
}
REVEALABLE = (*SEARCHABLE, "address")
# Reasons are codes, so that no free text (which could hold personal data) reaches the audit trail.
REVEAL_REASONS: dict[str, str] = {
    "verify_identity": "核实客户身份",
    "contact_customer": "联系客户",
    "payment": "办理赔款支付",
    "document_check": "核对单证",
    "investigation": "案件调查",
}
MAX_NAME = 64


@dataclass(frozen=True)
class PersonInput:
    full_name: str
    id_number: str | None = None
    mobile: str | None = None
    bank_account: str | None = None
    gender: str | None = None
    birth_date: date | None = None
    address: str | None = None


@dataclass(frozen=True)
class PersonView:
    """What screens and papers show by default: masked."""

    id: int
    full_name: str
    id_number: str | None
    mobile: str | None
    bank_account: str | None
    gender: str | None
    version: int


def _require(
    us: UserSession, permission: Permission, action: str, message: str, object_id: object = ""
) -> str:
    return require(us, permission, action, message, "person", object_id)


def validated_person(data: PersonInput, today: date) -> PersonInput:
    """Normalised and checked personal data (ValidationError naming the field)."""
    name = " ".join(data.full_name.split())
    if not name:
        raise ValidationError("full_name", "请填写姓名。")
    if len(name) > MAX_NAME:
        raise ValidationError("full_name", "姓名过长（最多 {n} 个字符）。", n=MAX_NAME)
    id_number = gender = None
    birth = data.birth_date
    if data.id_number and data.id_number.strip():
        info = parse_id_number(data.id_number, today=today)
        id_number, birth, gender = info.number, info.birth_date, info.sex.value
    mobile = parse_mobile(data.mobile) if data.mobile and data.mobile.strip() else None
    bank = (
        parse_bank_card(data.bank_account, check_luhn=False)
        if data.bank_account and data.bank_account.strip()
        else None
    )
    address = data.address.strip() if data.address and data.address.strip() else None
    return PersonInput(name, id_number, mobile, bank, gender or data.gender, birth, address)


def person_columns(keyring: Keyring, row_id: int, data: PersonInput) -> dict[str, bytes | int | None]:
    """The stored columns of one person: every field encrypted for its cell, blind indexes, key version."""
    cipher = FieldCipher(keyring)
    values = {
        "full_name": data.full_name,
        "id_number": data.id_number,
        "mobile": data.mobile,
        "bank_account": data.bank_account,
    }
    columns: dict[str, bytes | int | None] = {}
    for field, (enc_col, bidx_col, kind) in SEARCHABLE.items():
        value = values[field]
        columns[enc_col] = cipher.encrypt_optional(value, table=TABLE, column=enc_col, row_id=row_id)
        columns[bidx_col] = blind_index_optional(keyring, TABLE, bidx_col, value, kind=kind)
    details = {
        "gender": data.gender,
        "birth_date": data.birth_date.isoformat() if data.birth_date else None,
        "address": data.address,
    }
    columns["details_enc"] = cipher.encrypt(
        json.dumps(details, ensure_ascii=False), table=TABLE, column="details_enc", row_id=row_id
    )
    columns["key_version"] = keyring.current_version
    return columns


def write_person_fields(person: Person, us: UserSession, data: PersonInput) -> None:
    """Encrypt every field under the current key version (the keys refreshed if a rotation began)."""
    db = object_session(person)
    assert db is not None
    refresh(db, us.keyring)
    for column, value in person_columns(us.keyring, person.id, data).items():
        setattr(person, column, value)


def decrypt_person(person: Person, us: UserSession) -> dict[str, str | None]:
    cipher = FieldCipher(us.keyring)
    clear: dict[str, str | None] = {
        field: cipher.decrypt_optional(
            getattr(person, enc_col), table=TABLE, column=enc_col, row_id=person.id
        )
        for field, (enc_col, _bidx, _kind) in SEARCHABLE.items()
    }
    details = json.loads(
        cipher.decrypt_optional(person.details_enc, table=TABLE, column="details_enc", row_id=person.id)
        or "{}"
    )
    clear.update(
        gender=details.get("gender"), address=details.get("address"), birth_date=details.get("birth_date")
    )
    return clear


def _view(person: Person, us: UserSession) -> PersonView:
    clear = decrypt_person(person, us)
    masks = masker(us.bo.settings)
    return PersonView(
        person.id,
        masks.name(clear["full_name"] or ""),
        masks.id_number(clear["id_number"]) if clear["id_number"] else None,
        masks.mobile(clear["mobile"]) if clear["mobile"] else None,
        masks.bank_account(clear["bank_account"]) if clear["bank_account"] else None,
        clear["gender"],
        person.version,
    )


def add_person_row(db: Session, us: UserSession, data: PersonInput) -> Person:
    """Insert a validated person in the caller's transaction (used by intake as well)."""
    now = us.bo.now()
    person = Person(full_name_enc=b"", key_version=us.keyring.current_version, created_at=now, updated_at=now)
    db.add(person)
    db.flush()  # the row id is part of every field's associated data
    write_person_fields(person, us, data)
    return person


def register_person(us: UserSession, data: PersonInput) -> PersonView:
    role = _require(us, Permission.EDIT_PERSONS, "person.register", "只有理赔内勤可以登记客户信息。")
    data = validated_person(data, us.bo.today())
    with us.bo.db.unit_of_work() as db:
        person = add_person_row(db, us, data)
        audit.record(db, us, "person.register", role=role, object_type="person", object_id=person.id)
        return _view(person, us)


def update_person(us: UserSession, person_id: int, data: PersonInput, *, expected_version: int) -> PersonView:
    role = _require(us, Permission.EDIT_PERSONS, "person.update", "只有理赔内勤可以修改客户信息。", person_id)
    data = validated_person(data, us.bo.today())
    with us.bo.db.unit_of_work() as db:
        person = _get(db, person_id)
        if person.version != expected_version:
            from backoffice.domain.errors import ConflictError

            raise ConflictError("这位客户的信息刚被其他人修改过：请刷新后重新操作。")
        write_person_fields(person, us, data)
        person.updated_at = us.bo.now()
        audit.record(db, us, "person.update", role=role, object_type="person", object_id=person.id)
        db.flush()
        return _view(person, us)


def _get(db: Session, person_id: int) -> Person:
    person = db.get(Person, person_id)
    if person is None:
        raise NotFound("没有编号为 {id} 的客户。", id=person_id)
    return person


def get_person_view(db: Session, us: UserSession, person_id: int) -> PersonView:
    """The masked view of a person, inside the caller's transaction."""
    return _view(_get(db, person_id), us)


def get_person(us: UserSession, person_id: int) -> PersonView:
    _require(us, Permission.VIEW_PERSONS, "person.view", "您没有查看客户信息的权限。", person_id)
    with us.bo.db.unit_of_work(write=False) as db:
        return _view(_get(db, person_id), us)


def lookup(db: Session, keyring: Keyring, field: str, value: str) -> list[int]:
    """Ids of the people whose ``field`` equals ``value``: blind-index candidates, decrypted and compared."""
    if field not in SEARCHABLE:
        raise ValidationError("field", "只能按姓名、身份证号、手机号或银行账号查找。")
    enc_col, bidx_col, kind = SEARCHABLE[field]
    indexes = search_indexes(keyring, TABLE, bidx_col, value, kind=kind)
    if not indexes:
        return []
    wanted = normalise(kind, value)
    cipher = FieldCipher(keyring)
    table = Person.__table__
    bidx = table.c[bidx_col]
    where = bidx == indexes[0] if len(indexes) == 1 else bidx.in_(indexes)
    candidates = db.execute(select(table.c.id, table.c[enc_col]).where(where)).all()
    return [
        row_id
        for row_id, blob in candidates
        if normalise(kind, cipher.decrypt(blob, table=TABLE, column=enc_col, row_id=row_id)) == wanted
    ]


def find_people(us: UserSession, field: str, value: str) -> list[PersonView]:
    """Exact search by full name, ID number, mobile or bank account (formatting variants match)."""
    role = _require(us, Permission.VIEW_PERSONS, "person.search", "您没有查询客户信息的权限。")
    with us.bo.db.unit_of_work() as db:
        ids = lookup(db, us.keyring, field, value)
        found = [_get(db, person_id) for person_id in ids]
        # Searching by a sensitive identifier is access to personal data: log which kind, never the value.
        audit.record(
            db,
            us,
            "person.search",
            role=role,
            object_type="person",
            object_id=field,
            reason=f"matches={len(found)}",
        )
        return [_view(p, us) for p in found]


def reveal(us: UserSession, person_id: int, field: str, *, password: str, reason: str) -> str:
    """One field in the clear, for a user with the permission who gave the password and a reason."""
    role = _require(
        us, Permission.REVEAL_PERSONAL, "person.reveal", "您没有查看完整个人信息的权限。", person_id
    )
    if field not in REVEALABLE:
        raise ValidationError("field", "无法显示这个字段。")
    if reason not in REVEAL_REASONS:
        raise ValidationError("reason", "请从列表中选择查看完整信息的原因。")
    confirm_password(us, password, purpose="reveal")
    with us.bo.db.unit_of_work() as db:
        clear = decrypt_person(_get(db, person_id), us)
        audit.record(
            db,
            us,
            "person.reveal",
            role=role,
            object_type="person",
            object_id=person_id,
            reason=f"{field}: {reason.strip()[:200]}",
        )
    value = clear.get(field)
    if value is None:
        raise NotFound("这位客户没有登记该项信息。")
    return value
