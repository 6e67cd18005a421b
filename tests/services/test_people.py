"""Personal data at rest: encrypted fields, blind-index search, masking, reveal — SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from conftest import make_user
from sqlalchemy import select, text

from backoffice.db.models import Person
from backoffice.domain.errors import AuthenticationError, IntegrityError, PermissionDenied, ValidationError
from backoffice.services import audit, auth, people
from backoffice.services.people import PersonInput

ID = "11010519491231002X"  # GB 11643 worked example: check digit X
MOBILE = "13812345678"
CARD = "6222021234567890123"


@pytest.fixture
def clerk(bo, admin):
    make_user(admin, "clerk", {"clerk"})
    return auth.sign_in(bo, "clerk", "clerk-pass-1")


@pytest.fixture
def person(clerk):
    return people.register_person(
        clerk,
        PersonInput(
            full_name="欧阳娜娜",
            id_number=ID.lower(),
            mobile="+86 138-1234-5678",
            bank_account=CARD,
            address="北京市朝阳区建国路 88 号",
        ),
    )


def test_registered_person_is_shown_masked(person) -> None:
    assert person.full_name == "欧阳*"
    assert person.id_number == "110***********002X"
    assert person.mobile == "138****5678"
    assert person.bank_account == "622202*********0123"
    assert person.gender == "female"


def test_nothing_personal_is_stored_in_the_clear(bo, person) -> None:
    with bo.db.engine.connect() as conn:
        row = conn.execute(text("SELECT * FROM persons")).mappings().one()
    blob = b"".join(bytes(v) if isinstance(v, bytes | memoryview) else str(v).encode() for v in row.values())
    for secret in (ID.encode(), MOBILE.encode(), CARD.encode(), "欧阳娜娜".encode(), "建国路".encode()):
        assert secret not in blob


@pytest.mark.parametrize(
    ("field", "query"),
    [
        ("id_number", " 110105 19491231 002x "),
        ("mobile", "0086 138 1234 5678"),
        ("mobile", "(138)1234-5678"),
        ("bank_account", "6222 0212 3456 7890 123"),
        ("full_name", "欧阳 娜娜"),
    ],
)
def test_search_matches_formatting_variants(clerk, person, field: str, query: str) -> None:
    found = people.find_people(clerk, field, query)
    assert [p.id for p in found] == [person.id]


def test_search_finds_nothing_for_another_value(clerk, person) -> None:
    assert people.find_people(clerk, "mobile", "13812345679") == []
    assert people.find_people(clerk, "id_number", "   ") == []


def test_invalid_id_number_is_refused_and_nothing_written(bo, clerk) -> None:
    with pytest.raises(ValidationError) as err:
        people.register_person(clerk, PersonInput(full_name="张三", id_number="110105194912310021"))
    assert err.value.field == "id_number"
    assert "110105194912310021" not in str(err.value)
    with bo.db.unit_of_work(write=False) as db:
        assert db.execute(select(Person)).first() is None


def test_flipped_byte_is_an_integrity_error_naming_the_record(bo, clerk, person) -> None:
    other = people.register_person(clerk, PersonInput(full_name="李四", mobile="13900001111"))
    with bo.db.unit_of_work() as db:
        row = db.get(Person, person.id)
        raw = bytearray(row.mobile_enc)
        raw[-3] ^= 0x01
        row.mobile_enc = bytes(raw)
    with pytest.raises(IntegrityError) as err:
        people.get_person(clerk, person.id)
    assert f"#{person.id}" in str(err.value) and "mobile_enc" in str(err.value)
    assert MOBILE not in str(err.value)
    assert people.get_person(clerk, other.id).mobile == "139****1111"


def test_ciphertext_copied_to_another_row_does_not_open(bo, clerk, person) -> None:
    other = people.register_person(clerk, PersonInput(full_name="李四"))
    with bo.db.unit_of_work() as db:
        db.get(Person, other.id).mobile_enc = db.get(Person, person.id).mobile_enc
    with pytest.raises(IntegrityError):
        people.get_person(clerk, other.id)


def test_reveal_needs_permission_password_and_reason_and_is_audited(bo, admin, clerk, person) -> None:
    with pytest.raises(ValidationError):
        people.reveal(clerk, person.id, "id_number", password="clerk-pass-1", reason="because")
    with pytest.raises(AuthenticationError):
        people.reveal(clerk, person.id, "id_number", password="wrong", reason="verify_identity")
    value = people.reveal(clerk, person.id, "id_number", password="clerk-pass-1", reason="verify_identity")
    assert value == ID
    make_user(admin, "aud", {"auditor"})
    auditor = auth.sign_in(bo, "aud", "aud-pass-1")
    with pytest.raises(PermissionDenied):
        people.reveal(auditor, person.id, "mobile", password="aud-pass-1", reason="payment")
    rows = audit.list_records(auditor, limit=500)
    reveals = [r for r in rows if r.action == "person.reveal"]
    assert [(r.outcome, r.reason) for r in reveals] == [("denied", ""), ("ok", "id_number: verify_identity")]
    assert all(ID not in r.reason and MOBILE not in r.reason for r in rows)
    assert audit.verify(auditor).ok


def test_admin_may_not_see_or_register_people(admin) -> None:
    with pytest.raises(PermissionDenied):
        people.register_person(admin, PersonInput(full_name="王五"))
    with pytest.raises(PermissionDenied):
        people.find_people(admin, "mobile", MOBILE)


def test_stale_update_is_a_conflict(clerk, person) -> None:
    from backoffice.domain.errors import ConflictError

    updated = people.update_person(
        clerk,
        person.id,
        PersonInput(full_name="欧阳娜娜", mobile="13900002222"),
        expected_version=person.version,
    )
    assert updated.mobile == "139****2222" and updated.version == person.version + 1
    with pytest.raises(ConflictError):
        people.update_person(
            clerk, person.id, PersonInput(full_name="欧阳娜娜"), expected_version=person.version
        )


def test_mask_rules_are_configurable_and_a_bad_file_falls_back(bo, admin, clerk, person) -> None:
    from backoffice.services.masking import MASKING_FILE, save_rules

    with pytest.raises(PermissionDenied):
        save_rules(clerk, {"id_number": {"keep_start": 6, "keep_end": 4}})
    with pytest.raises(ValidationError):
        save_rules(admin, {"id_number": {"keep_start": 10, "keep_end": 8}})
    save_rules(
        admin, {"id_number": {"keep_start": 6, "keep_end": 4}, "mobile": {"keep_start": 0, "keep_end": 4}}
    )
    view = people.get_person(clerk, person.id)
    assert view.id_number == "110105********002X" and view.mobile == "*******5678"
    (bo.settings.data_dir / MASKING_FILE).write_text("{not json", encoding="utf-8")
    assert people.get_person(clerk, person.id).id_number == "110***********002X"
