"""Key rotation re-encrypts every encrypted column, not only persons and attachments.

Found by the crash runs (test_crash_runs): after a complete ``keys rotate`` the old key version was retired
while cases, loss items, calculations, payments, … were still encrypted under it — every case failed to
open with "加密数据校验失败". Now the rotation rewrites them too, and a version still needed by any value is
never retired.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import make_user
from intake_support import calculated_case, clerk_session, motor_policy
from sqlalchemy import select

from backoffice.db.models import KeyVersion
from backoffice.security.fields import key_version_of
from backoffice.services import approvals, auth, calculations, cases, key_fields, keys, payments


@pytest.fixture
def case_with_money(bo, admin):
    """A motor case with a report, a loss list, a calculation, an approval with facts and a payment."""
    clerk = clerk_session(bo, admin)
    motor_policy(clerk)
    make_user(admin, "a3", {"approver"}, 3)
    case_no, _case_id = calculated_case(bo, clerk)
    approvals.submit(clerk, case_no, expected_version=cases.get_case(clerk, case_no).version)
    approvals.sign(
        auth.sign_in(bo, "a3", "a3-pass-1"),
        case_no,
        "agree",
        password="a3-pass-1",
        expected_version=cases.get_case(clerk, case_no).version,
        facts="经核实损失属实",
    )
    payments.add_payment(clerk, case_no, amount=Decimal("3200.00"), bank_account="6222021234567890123")
    return clerk, case_no


def stored_versions(bo) -> set[int]:
    """The key version of every encrypted value in every table."""
    found = set()
    with bo.db.unit_of_work(write=False) as db:
        for _table, columns in key_fields.encrypted_columns(everywhere=True):
            for row in db.execute(select(*columns)):
                found |= {key_version_of(bytes(value)) for value in row if value}
    return found


def statuses(bo) -> dict[int, str]:
    with bo.db.unit_of_work(write=False) as db:
        return {v.id: v.status for v in db.execute(select(KeyVersion)).scalars()}


def readable(bo, case_no: str) -> tuple[str, str, Decimal, str]:
    clerk = auth.sign_in(bo, "clerk", "clerk-pass-1")  # a fresh keyring: only the live versions
    detail = cases.get_case(clerk, case_no)
    (calc,) = calculations.calculations(clerk, case_no)
    (payment,) = payments.payments(clerk, case_no)
    return detail.incident_place, detail.losses[0].description, calc.total, payment.bank_account


def test_a_full_rotation_leaves_every_case_readable_under_the_new_key(bo, admin, case_with_money) -> None:
    _clerk, case_no = case_with_money
    before = readable(bo, case_no)
    assert stored_versions(bo) == {1}
    seen: list[tuple[str, int, int]] = []
    final = keys.rotate(admin, batch=2, progress=lambda *step: seen.append(step))
    assert final.complete and final.live_versions == (2,)
    assert statuses(bo) == {1: "retired", 2: "active"}
    assert stored_versions(bo) == {2}
    assert readable(bo, case_no) == before
    assert before[0].startswith("北京市朝阳区") and before[3].endswith("0123")
    assert seen[-1][0] == "fields" and seen[-1][1] == seen[-1][2]


def test_a_version_still_needed_by_a_case_is_not_retired(bo, admin, case_with_money, monkeypatch) -> None:
    _clerk, case_no = case_with_money
    before = readable(bo, case_no)
    # A rotation that stops after persons and attachments (as an older release did, or a crash):
    monkeypatch.setattr("backoffice.services.keys.reencrypt_fields", lambda us, **kw: 0)
    keys.rotate(admin)
    assert statuses(bo) == {1: "retiring", 2: "active"}  # version 1 still decrypts the case: kept
    with bo.db.unit_of_work(write=False) as db:
        assert key_fields.versions_in_use(db) == {1, 2}
    assert readable(bo, case_no) == before
    monkeypatch.undo()
    final = keys.rotate(admin)  # run again: the rest is re-encrypted, then version 1 goes
    assert final.complete and statuses(bo) == {1: "retired", 2: "active"}
    assert stored_versions(bo) == {2} and readable(bo, case_no) == before
