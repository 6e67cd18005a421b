"""Tiered approval, payment and closing at the service layer (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from conftest import make_user
from intake_support import calculated_case, clerk_session, damage_line, motor_policy

from backoffice.domain.errors import ConflictError, DomainError, PermissionDenied, ValidationError
from backoffice.services import approvals, auth, calculations, cases, payments
from backoffice.services.people import PersonInput
from backoffice.services.sla_warnings import case_deadlines


@pytest.fixture
def office(bo, admin):
    clerk = clerk_session(bo, admin)
    motor_policy(clerk)
    approvers = {}
    for level in range(1, 6):
        make_user(admin, f"a{level}", {"approver"}, level)
        approvers[level] = auth.sign_in(bo, f"a{level}", f"a{level}-pass-1")
    make_user(admin, "a1b", {"approver"}, 1)
    approvers["1b"] = auth.sign_in(bo, "a1b", "a1b-pass-1")
    return clerk, approvers


def version(us, case_no: str) -> int:
    return cases.get_case(us, case_no).version


def sign(us, case_no: str, decision: str = "agree", **kw) -> str:
    return approvals.sign(
        us,
        case_no,
        decision,
        password=f"{us.actor.username}-pass-1",
        expected_version=version(us, case_no),
        **kw,
    )


def test_small_case_one_level_then_payment_and_closing(bo, admin, office, tmp_path) -> None:
    clerk, ap = office
    case_no, _ = calculated_case(bo, clerk)
    assert approvals.submit(clerk, case_no, expected_version=version(clerk, case_no)) == (1,)
    assert [q.case_no for q in approvals.queue(ap[1])] == [case_no]
    assert sign(ap[1], case_no) == "approved"
    with pytest.raises(ValidationError, match="超过可支付金额"):
        payments.add_payment(clerk, case_no, amount=Decimal("3200.01"), bank_account="6222021234567890123")
    paid = payments.add_payment(
        clerk,
        case_no,
        amount=Decimal("3200.00"),
        bank_account="6222 0212 3456 7890 123",
        bank_name="工商银行",
    )
    assert paid.bank_account == "622202*********0123" and paid.payee == "张*"
    with pytest.raises(DomainError, match="没有结果"):
        payments.close_case(clerk, case_no, reason="paid", expected_version=version(clerk, case_no))
    count, total = payments.export_batch(clerk, tmp_path / "batch.csv", password="clerk-pass-1")
    assert (count, total) == (1, Decimal("3200.00"))
    exported = (tmp_path / "batch.csv").read_text(encoding="utf-8-sig")
    assert "6222021234567890123" in exported and "PERSONAL DATA" in exported
    assert (
        payments.mark_paid(
            clerk, paid.id, paid_on=date(2026, 3, 2), reference="BANK0001", expected_version=paid.version + 1
        )
        == "paid"
    )
    payments.close_case(clerk, case_no, reason="paid", expected_version=version(clerk, case_no))
    detail = cases.get_case(clerk, case_no)
    assert detail.status == "closed"
    assert any(c.kind == "payment_notice" and "0123" in c.summary for c in detail.contacts)
    with pytest.raises(ValidationError):
        payments.reopen_case(clerk, case_no, reason="felt like it", expected_version=detail.version)
    payments.reopen_case(clerk, case_no, reason="new_evidence", expected_version=detail.version)
    assert cases.get_case(clerk, case_no).status == "registered"


def test_large_case_climbs_level_by_level(bo, office) -> None:
    clerk, ap = office
    case_no, _ = calculated_case(bo, clerk, repair="120000.00")  # motor: level 3 covers 200,000
    assert approvals.submit(clerk, case_no, expected_version=version(clerk, case_no)) == (1, 2, 3)
    # A level-2 approver may sign the level-1 step: the case is in their queue too.
    assert [q.next_level for q in approvals.queue(ap[2])] == [1]
    assert sign(ap[1], case_no) == "pending_approval"
    with pytest.raises(PermissionDenied, match="重复签字"):
        sign(ap[1], case_no)
    with pytest.raises(PermissionDenied, match="级别"):
        sign(ap["1b"], case_no)
    assert sign(ap[2], case_no) == "pending_approval"
    assert sign(ap[3], case_no) == "approved"
    trail = cases.get_case(clerk, case_no)
    from backoffice.services.approvals import signatures

    with bo.db.unit_of_work(write=False) as db:
        rows = signatures(db, trail.id)
    assert [(s.level, s.signer_level, s.decision, s.amount, s.matrix_version) for s in rows] == [
        (1, 1, "agree", Decimal("120000.00"), 1),
        (2, 2, "agree", Decimal("120000.00"), 1),
        (3, 3, "agree", Decimal("120000.00"), 1),
    ]


def test_a_higher_level_signature_is_final_within_its_limit(bo, office) -> None:
    clerk, ap = office
    case_no, _ = calculated_case(bo, clerk, repair="120000.00")
    approvals.submit(clerk, case_no, expected_version=version(clerk, case_no))
    assert sign(ap[5], case_no) == "approved"


def test_return_restarts_the_chain_and_recalculation_voids_signatures(bo, office) -> None:
    clerk, ap = office
    case_no, _ = calculated_case(bo, clerk, repair="60000.00")
    approvals.submit(clerk, case_no, expected_version=version(clerk, case_no))
    sign(ap[1], case_no)
    with pytest.raises(ValidationError):
        sign(ap[2], case_no, "return")
    assert sign(ap[2], case_no, "return", reason_code="calculation_error") == "returned"
    calculations.calculate_case(
        clerk, case_no, [damage_line("45000.00")], expected_version=version(clerk, case_no)
    )
    detail = cases.get_case(clerk, case_no)
    assert "approval.voided" in [e.kind for e in detail.events]
    approvals.submit(clerk, case_no, expected_version=version(clerk, case_no))
    assert sign(ap[1], case_no) == "pending_approval"  # a new chain: level 1 may sign again
    assert sign(ap[2], case_no) == "approved"


def test_denial_needs_level_three_and_clause_and_facts(bo, office) -> None:
    clerk, ap = office
    case_no, _ = calculated_case(bo, clerk)
    approvals.submit(clerk, case_no, expected_version=version(clerk, case_no))
    with pytest.raises(ValidationError):
        sign(ap[2], case_no, "deny", reason_code="exclusion")
    with pytest.raises(PermissionDenied, match="拒赔权限"):
        sign(ap[2], case_no, "deny", reason_code="exclusion", clause="第二十四条", facts="驾驶人饮酒")
    assert (
        sign(
            ap[3],
            case_no,
            "deny",
            reason_code="exclusion",
            clause="机动车损失保险条款第二十四条",
            facts="驾驶人饮酒后驾驶",
        )
        == "denied"
    )
    payments.close_case(clerk, case_no, reason="denied", expected_version=version(clerk, case_no))


def test_handler_and_calculator_cannot_sign(bo, admin, office) -> None:
    clerk, _ap = office
    make_user(admin, "dual", {"clerk", "approver"}, 5)
    dual = auth.sign_in(bo, "dual", "dual-pass-1")
    case_no, _ = calculated_case(bo, dual, handler="dual")
    approvals.submit(dual, case_no, expected_version=version(dual, case_no))
    assert approvals.can_sign(dual, case_no) == (False, "is_handler")
    with pytest.raises(PermissionDenied, match="经办人"):
        sign(dual, case_no)
    case2, _ = calculated_case(bo, dual, handler="clerk", overrides={"duplicate": "second"})
    approvals.submit(clerk, case2, expected_version=version(clerk, case2))
    assert approvals.can_sign(dual, case2) == (False, "is_calculator")


def test_advance_payment_before_approval(bo, office) -> None:
    clerk, _ap = office
    case_no, _ = calculated_case(bo, clerk)
    with pytest.raises(DomainError, match="先行赔付"):
        payments.add_payment(clerk, case_no, amount=Decimal("1000"), bank_account="6222021234567890123")
    advance = payments.add_payment(
        clerk, case_no, amount=Decimal("1000"), bank_account="6222021234567890123", advance=True
    )
    assert advance.kind == "advance"


def test_paid_date_is_the_office_date_not_the_utc_date(bo, office, clock) -> None:
    # 01:00 in Shanghai on 3 March is still 2 March in UTC: a payment made "today" must be accepted.
    clerk, ap = office
    case_no, _ = calculated_case(bo, clerk)
    approvals.submit(clerk, case_no, expected_version=version(clerk, case_no))
    sign(ap[1], case_no)
    paid = payments.add_payment(clerk, case_no, amount=Decimal("3200.00"), bank_account="6222021234567890123")
    clock.now = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
    assert bo.today() == date(2026, 3, 3)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        payments.mark_paid(
            clerk, paid.id, paid_on=date(2026, 3, 4), reference="BANK0002", expected_version=paid.version
        )
    status = payments.mark_paid(
        clerk, paid.id, paid_on=date(2026, 3, 3), reference="BANK0002", expected_version=paid.version
    )
    assert status == "paid"


def test_a_payment_not_yet_paid_can_be_cancelled_and_ordered_again(bo, office, tmp_path) -> None:
    clerk, ap = office
    case_no, _ = calculated_case(bo, clerk)
    approvals.submit(clerk, case_no, expected_version=version(clerk, case_no))
    sign(ap[1], case_no)
    wrong = payments.add_payment(
        clerk, case_no, amount=Decimal("3200.00"), bank_account="6222021234567890123"
    )
    payments.export_batch(clerk, tmp_path / "batch.csv", password="clerk-pass-1")
    exported = next(p for p in payments.payments(clerk, case_no) if p.id == wrong.id)
    with pytest.raises(ValidationError, match="原因"):
        payments.cancel_payment(clerk, wrong.id, reason=" ", expected_version=exported.version)
    with pytest.raises(PermissionDenied):
        payments.cancel_payment(ap[1], wrong.id, reason="账号错误", expected_version=exported.version)
    with pytest.raises(ConflictError):
        payments.cancel_payment(clerk, wrong.id, reason="账号错误", expected_version=wrong.version)
    payments.cancel_payment(clerk, wrong.id, reason="银行退票：账号错误", expected_version=exported.version)
    # The cancelled amount no longer counts against the approved amount: the full sum can be ordered again.
    right = payments.add_payment(clerk, case_no, amount=Decimal("3200.00"), bank_account="6217001234567890")
    assert [p.status for p in payments.payments(clerk, case_no)] == ["cancelled", "pending"]
    payments.mark_paid(
        clerk, right.id, paid_on=date(2026, 3, 2), reference="B1", expected_version=right.version
    )
    paid = next(p for p in payments.payments(clerk, case_no) if p.id == right.id)
    with pytest.raises(DomainError, match="尚未到账"):
        payments.cancel_payment(clerk, right.id, reason="x", expected_version=paid.version)
    detail = cases.get_case(clerk, case_no)
    assert detail.status == "paid"
    assert any(e.kind == "payment.cancelled" and "银行退票" in e.detail for e in detail.events)


def test_a_new_payee_is_stored_encrypted_with_the_payment(bo, office) -> None:
    clerk, ap = office
    case_no, _ = calculated_case(bo, clerk)
    approvals.submit(clerk, case_no, expected_version=version(clerk, case_no))
    sign(ap[1], case_no)
    account = "6222021234567890123"
    with pytest.raises(ValidationError, match="姓名"):
        payments.add_payment(
            clerk, case_no, amount=Decimal("100"), bank_account=account, payee=PersonInput("  ")
        )
    assert payments.payments(clerk, case_no) == []  # nothing half-written
    shop = PersonInput("北京顺达汽车修理有限公司")
    paid = payments.add_payment(clerk, case_no, amount=Decimal("3200"), bank_account=account, payee=shop)
    assert paid.payee.startswith("北") and paid.payee != "北京顺达汽车修理有限公司"  # masked
    with bo.db.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT full_name_enc FROM persons ORDER BY id DESC").first()
    assert stored is not None and "顺达".encode() not in bytes(stored[0])


def test_queue_shows_the_earliest_deadline_and_its_warning(bo, office, clock) -> None:
    clerk, ap = office
    case_no, _ = calculated_case(bo, clerk)
    approvals.submit(clerk, case_no, expected_version=version(clerk, case_no))
    open_dues = [d.effective_due for d in case_deadlines(clerk, case_no) if d.status == "open"]
    (item,) = approvals.queue(ap[1])
    assert item.due == min(open_dues) and item.warning == "none"
    clock.advance(days=30)
    (item,) = approvals.queue(ap[1])
    assert item.warning == "red"


def test_delegation_by_admin(bo, admin, office) -> None:
    clerk, ap = office
    case_no, _ = calculated_case(bo, clerk)
    approvals.submit(clerk, case_no, expected_version=version(clerk, case_no))
    with pytest.raises(ValidationError):
        approvals.delegate(admin, case_no, "clerk", reason="away")
    approvals.delegate(admin, case_no, "a2", reason="a1 on leave")
    assert approvals.queue(ap[1]) == []
    assert [q.case_no for q in approvals.queue(ap[2])] == [case_no]
    with pytest.raises(PermissionDenied):
        approvals.delegate(clerk, case_no, "a3", reason="x")


ACTIONS = {
    "submit": lambda us, c: approvals.submit(us, c, expected_version=0),
    "sign": lambda us, c: approvals.sign(us, c, "agree", password="x", expected_version=0),
    "queue": lambda us, c: approvals.queue(us),
    "delegate": lambda us, c: approvals.delegate(us, c, "a2", reason="x"),
    "pay": lambda us, c: payments.add_payment(us, c, amount=Decimal(1), bank_account="6222021234567890123"),
    "close": lambda us, c: payments.close_case(us, c, reason="paid", expected_version=0),
    "reopen": lambda us, c: payments.reopen_case(us, c, reason="new_evidence", expected_version=0),
    "withdraw": lambda us, c: payments.withdraw_case(us, c, confirmation="x", expected_version=0),
}
ALLOWED = {
    "clerk": {"submit", "pay", "close", "reopen", "withdraw"},
    "approver": {"sign", "queue"},
    "archivist": set(),
    "supervisor": {"reopen"},
    "admin": {"delegate"},
    "auditor": set(),
}


@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_role_action_table(bo, admin, office, role: str) -> None:
    clerk, _ap = office
    case_no, _ = calculated_case(bo, clerk)
    if role == "admin":
        us = admin
    else:
        make_user(admin, f"r-{role}", {role}, 4 if role == "approver" else None)
        us = auth.sign_in(bo, f"r-{role}", f"r-{role}-pass-1")
    for action, call in ACTIONS.items():
        try:
            call(us, case_no)
        except PermissionDenied:
            assert action not in ALLOWED[role], f"{role} should be allowed to {action}"
        except (DomainError, ValidationError):
            assert action in ALLOWED[role], f"{role} got past the permission check for {action}"
        else:
            assert action in ALLOWED[role], f"{role} should not be allowed to {action}"


def test_two_approvers_at_once_exactly_one_succeeds(bo, admin, office) -> None:
    clerk, ap = office
    case_no, _ = calculated_case(bo, clerk)
    approvals.submit(clerk, case_no, expected_version=version(clerk, case_no))
    expected = version(clerk, case_no)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def act(us) -> None:
        barrier.wait()
        try:
            outcomes.append(
                approvals.sign(
                    us, case_no, "agree", password=f"{us.actor.username}-pass-1", expected_version=expected
                )
            )
        except ConflictError:
            outcomes.append("conflict")

    threads = [threading.Thread(target=act, args=(ap[n],)) for n in (1, "1b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["approved", "conflict"]


def test_case_json_lists_approvals_and_payments(bo, office) -> None:
    clerk, ap = office
    case_no, _ = calculated_case(bo, clerk, repair="60000.00")
    approvals.submit(clerk, case_no, expected_version=version(clerk, case_no))
    sign(ap[2], case_no)
    sign(ap[3], case_no)
    payments.add_payment(clerk, case_no, amount=Decimal("60000"), bank_account="6222021234567890123")
    data = cases.case_json(cases.get_case(clerk, case_no))
    assert data["amounts"] == {
        "estimated_loss": "3200.00",
        "settlement": "60000.00",
        "approved": "60000.00",
        "paid": "0.00",
    }
    assert [(a["level"], a["decision"], a["amount"], a["matrix_version"]) for a in data["approvals"]] == [
        (1, "agree", "60000.00", 1),
        (3, "agree", "60000.00", 1),
    ]
    assert [(p["kind"], p["amount"], p["status"]) for p in data["payments"]] == [
        ("settlement", "60000.00", "pending")
    ]


def _pdf_text(pdf: bytes, tmp_path) -> str:
    import subprocess

    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf)
    return "".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split()
    )


def test_decision_and_denial_notices(bo, office, tmp_path) -> None:
    from backoffice.services import notices

    clerk, ap = office
    case_no, case_id = calculated_case(bo, clerk)
    approvals.submit(clerk, case_no, expected_version=version(clerk, case_no))
    with pytest.raises(DomainError):
        notices.decision_notice(clerk, case_id)
    sign(ap[1], case_no)
    payments.add_payment(clerk, case_no, amount=Decimal("3200"), bank_account="6222021234567890123")
    text = _pdf_text(notices.decision_notice(clerk, case_id), tmp_path)
    assert "理赔决定通知书" in text and "叁仟贰佰元整" in text and "622202*********0123" in text
    assert "6222021234567890123" not in text
    denied, denied_id = calculated_case(bo, clerk, overrides={"duplicate": "again"})
    approvals.submit(clerk, denied, expected_version=version(clerk, denied))
    sign(
        ap[3],
        denied,
        "deny",
        reason_code="exclusion",
        clause="机动车损失保险条款第二十四条第三款",
        facts="驾驶人饮酒后驾驶被保险机动车",
    )
    text = _pdf_text(notices.denial_notice(clerk, denied_id), tmp_path)
    for words in (
        "拒赔通知书",
        "属于责任免除",
        "第二十四条第三款",
        "驾驶人饮酒后驾驶被保险机动车",
        "第二十四条书面通知",
    ):
        assert words in text
    assert "denial_notice" in [c.kind for c in cases.get_case(clerk, denied).contacts]
