"""Two people acting on one case at the same moment on PostgreSQL: one wins, the other gets a conflict.

PostgreSQL (READ COMMITTED) lets two transactions read the same rows before either writes. A barrier
holds both inside the service, right after their reads, so the race happens every time. Found by the
stress run (tools/stress.py): two payments ordered at once both passed the ceiling check and the case
was paid twice; two calculations at once took the same version number and failed with a raw database
error instead of a conflict message. And a key rotation must not overwrite a value a user changed while
it was re-encrypting the row.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ADMIN_PASSWORD, FAST_KDF, FakeClock, make_user
from intake_support import calculated_case, clerk_session, damage_line, motor_policy
from sqlalchemy import select

from backoffice.db.engine import Database
from backoffice.db.migrate import upgrade
from backoffice.db.models_intake import Case
from backoffice.domain.errors import ConflictError
from backoffice.security.fields import FieldCipher
from backoffice.services import approvals, auth, calculations, cases, keys, payments, setup
from backoffice.services.context import Backoffice
from backoffice.settings import Settings


@pytest.fixture
def pg_office(pg_database_url: str, tmp_path: Path):
    bo = Backoffice(Settings(tmp_path, pg_database_url), Database(pg_database_url), FakeClock(), FAST_KDF)
    upgrade(bo.db)
    setup.initialise(bo, admin_username="admin", admin_display_name="管理员", admin_password=ADMIN_PASSWORD)
    admin = auth.sign_in(bo, "admin", ADMIN_PASSWORD)
    clerk = clerk_session(bo, admin)
    motor_policy(clerk)
    make_user(admin, "a1", {"approver"}, 1)
    yield bo, clerk, auth.sign_in(bo, "a1", "a1-pass-1")
    bo.close()


def race(monkeypatch: pytest.MonkeyPatch, target: str, actions: list[Callable[[], object]]) -> list[object]:
    """Run the actions in threads; each calls ``target`` (a function the service calls after its reads)
    and then waits until all have. Returns each action's result or exception."""
    barrier = threading.Barrier(len(actions), timeout=20)
    module, name = target.rsplit(".", 1)
    real = getattr(__import__(module, fromlist=[name]), name)

    def held(*args, **kwargs):
        result = real(*args, **kwargs)
        barrier.wait()
        return result

    monkeypatch.setattr(target, held)
    outcomes: list[object] = [None] * len(actions)

    def run(n: int) -> None:
        try:
            outcomes[n] = actions[n]()
        except Exception as exc:
            outcomes[n] = exc

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    monkeypatch.setattr(target, real)
    return outcomes


def test_two_payments_ordered_at_once_never_exceed_the_approved_amount(pg_office, monkeypatch) -> None:
    bo, clerk, approver = pg_office
    case_no, _case_id = calculated_case(bo, clerk)
    approvals.submit(clerk, case_no, expected_version=cases.get_case(clerk, case_no).version)
    version = cases.get_case(clerk, case_no).version
    assert (
        approvals.sign(approver, case_no, "agree", password="a1-pass-1", expected_version=version)
        == "approved"
    )

    def order() -> object:
        return payments.add_payment(
            clerk, case_no, amount=Decimal("3200.00"), bank_account="6222021234567890123"
        )

    # Both have summed the existing payments (none) before either inserts its own.
    outcomes = race(monkeypatch, "backoffice.services.payments._paid_and_pending", [order, order])
    conflicts = [o for o in outcomes if isinstance(o, ConflictError)]
    ordered = [o for o in outcomes if isinstance(o, payments.PaymentView)]
    assert len(ordered) == 1 and len(conflicts) == 1, outcomes
    assert "刷新" in conflicts[0].format()
    (only,) = payments.payments(clerk, case_no)
    assert only.amount == Decimal("3200.00")
    with pytest.raises(Exception, match="超过可支付金额"):  # a retry after the refresh is refused
        order()


def test_two_calculations_at_once_give_a_conflict_not_a_database_error(pg_office, monkeypatch) -> None:
    bo, clerk, _approver = pg_office
    case_no, _case_id = calculated_case(bo, clerk)
    version = cases.get_case(clerk, case_no).version

    def recalculate(repair: str) -> Callable[[], object]:
        return lambda: calculations.calculate_case(
            clerk, case_no, [damage_line(repair)], expected_version=version
        )

    # Both passed the version check and took the next version number before either stored it.
    outcomes = race(
        monkeypatch,
        "backoffice.services.calculations.update",
        [recalculate("3300.00"), recalculate("3400.00")],
    )
    conflicts = [o for o in outcomes if isinstance(o, ConflictError)]
    saved = [o for o in outcomes if isinstance(o, calculations.CalculationView)]
    assert len(saved) == 1 and len(conflicts) == 1, outcomes
    assert saved[0].version_no == 2
    versions = calculations.calculations(clerk, case_no)
    assert [v.version_no for v in versions] == [2, 1] and versions[0].total == saved[0].total
    detail = cases.get_case(clerk, case_no)
    assert detail.extra["amounts"]["settlement"] == f"{saved[0].total:.2f}"  # type: ignore[index]


def test_a_value_changed_while_the_rotation_rewrites_it_is_kept(pg_office, monkeypatch) -> None:
    bo, clerk, _approver = pg_office
    case_no, case_id = calculated_case(bo, clerk)
    admin = auth.sign_in(bo, "admin", ADMIN_PASSWORD)
    keys.begin(admin)
    fresh = auth.sign_in(bo, "clerk", "clerk-pass-1")  # holds the new version
    real = FieldCipher.reencrypt

    def user_saves_meanwhile(self, blob, *, table, column, row_id):
        """The rotation has read the old narrative; a user's new one commits before it writes."""
        result = real(self, blob, table=table, column=column, row_id=row_id)
        if (table, column, row_id) == ("cases", "narrative_enc", case_id):
            with bo.db.unit_of_work() as db:
                db.get(Case, case_id).narrative_enc = FieldCipher(fresh.keyring).encrypt(
                    "客户补充：右后视镜也受损", table="cases", column="narrative_enc", row_id=case_id
                )
        return result

    monkeypatch.setattr(FieldCipher, "reencrypt", user_saves_meanwhile)
    keys.continue_rotation(admin)
    monkeypatch.undo()
    assert cases.get_case(fresh, case_no).narrative == "客户补充：右后视镜也受损"
    with bo.db.unit_of_work(write=False) as db:
        case = db.execute(select(Case).where(Case.id == case_id)).scalar_one()
        assert case.key_version == 2
    assert keys.retire_unused(admin) == [1]
    assert cases.get_case(auth.sign_in(bo, "clerk", "clerk-pass-1"), case_no).incident_place.startswith(
        "北京"
    )
