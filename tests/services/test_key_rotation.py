"""Key rotation: new version granted to every slot, everything re-encrypted, old version retired."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ADMIN_PASSWORD, make_user
from PIL import Image
from sqlalchemy import select

from backoffice.db.models import Attachment, KeyGrant, KeyVersion, Person
from backoffice.domain.errors import PermissionDenied
from backoffice.services import attachments, audit, auth, keys, people
from backoffice.services.people import PersonInput

IDS = ["11010519491231002X", "440524198001010013", "110101199003074477"]


@pytest.fixture
def populated(bo, admin, tmp_path: Path):
    make_user(admin, "clerk", {"clerk"})
    make_user(admin, "aud", {"auditor"})
    clerk = auth.sign_in(bo, "clerk", "clerk-pass-1")
    persons = [
        people.register_person(
            clerk, PersonInput(full_name=f"测试{i}", id_number=id_no, mobile=f"1380000000{i}")
        )
        for i, id_no in enumerate(IDS)
    ]
    image = tmp_path / "scan.jpg"
    Image.new("RGB", (300, 200), (10, 120, 200)).save(image, "JPEG")
    files = [
        attachments.add_attachment(clerk, image, owner_type="person", owner_id=p.id) for p in persons[:2]
    ]
    return clerk, persons, files, image


def versions(bo) -> dict[int, str]:
    with bo.db.unit_of_work(write=False) as db:
        return {v.id: v.status for v in db.execute(select(KeyVersion)).scalars()}


def test_full_rotation(bo, admin, populated) -> None:
    _clerk, persons, files, image = populated
    seen: list[tuple[str, int, int]] = []
    final = keys.rotate(admin, batch=2, progress=lambda *a: seen.append(a))
    assert final.complete and final.current_version == 2 and final.live_versions == (2,)
    assert versions(bo) == {1: "retired", 2: "active"}
    assert ("persons", 3, 3) in seen and ("attachments", 2, 2) in seen
    with bo.db.unit_of_work(write=False) as db:
        assert {g.key_version for g in db.execute(select(KeyGrant)).scalars()} == {2}
        assert {p.key_version for p in db.execute(select(Person)).scalars()} == {2}
        assert {a.key_version for a in db.execute(select(Attachment)).scalars()} == {2}
    # Everyone signs in with the same password and reads everything; search uses the new indexes.
    fresh = auth.sign_in(bo, "clerk", "clerk-pass-1")
    assert set(fresh.keyring.keys) == {2}
    assert [p.id for p in people.find_people(fresh, "id_number", IDS[1])] == [persons[1].id]
    for info in files:
        with attachments.opened_copy(fresh, info.id) as copy:
            assert copy.read_bytes() == image.read_bytes()
    # The audit trail made under version 1 still verifies, with version 1's master key gone.
    auditor = auth.sign_in(bo, "aud", "aud-pass-1")
    assert 1 not in auditor.keyring.keys
    assert audit.verify(auditor).ok
    # The recovery slot was granted the new version too.
    assert auth.recover(bo, code=admin.recovery_code, username="admin", new_password="after-rotation").keyring


def test_interrupted_rotation_resumes(bo, admin, populated, monkeypatch) -> None:
    clerk, persons, _files, _image = populated
    keys.begin(admin)
    calls = {"n": 0}
    original = people.write_person_fields

    def crash_on_third(person, us, data):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("power cut")
        original(person, us, data)

    monkeypatch.setattr("backoffice.services.keys.write_person_fields", crash_on_third)
    with pytest.raises(RuntimeError):
        keys.continue_rotation(admin, batch=2)
    status = keys.status(admin)
    assert status.persons_pending == 1 and status.live_versions == (1, 2)
    # Meanwhile a clerk signed in before the rotation keeps working: new data uses version 2.
    new = people.register_person(clerk, PersonInput(full_name="新客户", mobile="13911112222"))
    with bo.db.unit_of_work(write=False) as db:
        assert db.get(Person, new.id).key_version == 2
    assert people.get_person(clerk, persons[0].id).full_name == "测*"
    monkeypatch.undo()
    final = keys.rotate(admin)
    assert final.complete and versions(bo) == {1: "retired", 2: "active"}
    assert people.get_person(auth.sign_in(bo, "clerk", "clerk-pass-1"), persons[2].id).mobile == "138****0002"


def test_second_rotation_keeps_old_audit_records_verifiable(bo, admin, populated) -> None:
    keys.rotate(admin)
    keys.rotate(admin)
    assert versions(bo) == {1: "retired", 2: "retired", 3: "active"}
    assert audit.verify(auth.sign_in(bo, "aud", "aud-pass-1")).ok
    assert auth.sign_in(bo, "admin", ADMIN_PASSWORD).keyring.current_version == 3


def test_only_admin_rotates(bo, populated) -> None:
    clerk = populated[0]
    with pytest.raises(PermissionDenied):
        keys.rotate(clerk)
