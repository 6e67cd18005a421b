"""Callbacks after payment and complaints: questionnaire, deadlines, contact log, encryption."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from conftest import FakeClock
from sla_support import at, make_office, settled_case, sh
from sqlalchemy import select

from backoffice.db.models_sla import Callback, Complaint
from backoffice.domain.errors import ConflictError, DomainError, PermissionDenied, ValidationError
from backoffice.services import cases, contact_log
from backoffice.services.customer_service import (
    callbacks,
    complaint_contacted,
    complaints,
    record_callback,
    register_complaint,
    resolve_complaint,
)
from backoffice.services.sla_warnings import case_deadlines


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2025, 3, 1, 1, 0, tzinfo=UTC))


@pytest.fixture
def office(bo, admin, clock):
    return make_office(bo, admin, clock)


def stages(us, case_no: str) -> dict[str, tuple[date, str]]:
    return {d.stage: (d.effective_due, d.status) for d in case_deadlines(us, case_no)}


def test_callback_questionnaire_and_issue_contact(bo, office) -> None:
    # Paid on Tue 4 Mar 2025: the callback is due within 5 working days (Tue 11 Mar).
    case_no = settled_case(office, sh(2025, 3, 3, 8), days=(0, 0, 0, 0, 1, 1))
    assert stages(office.clerk, case_no)["callback"] == (date(2025, 3, 11), "open")
    at(office.clock, sh(2025, 3, 6, 10))
    with pytest.raises(ValidationError):
        record_callback(office.clerk, case_no, satisfaction=6)
    with pytest.raises(ValidationError):
        record_callback(office.clerk, case_no, satisfaction=2, issues_raised=True)
    with pytest.raises(PermissionDenied):
        record_callback(office.supervisor, case_no, satisfaction=5)
    view = record_callback(
        office.clerk,
        case_no,
        satisfaction=2,
        issues_raised=True,
        paid_on_time=False,
        remarks="认为折旧扣得太多",
    )
    assert (view.satisfaction, view.issues_raised, view.remarks) == (2, True, "认为折旧扣得太多")
    got = stages(office.clerk, case_no)
    assert got["callback"][1] == "met"
    assert got["callback_issue_contact"] == (date(2025, 3, 7), "open")  # 1 working day
    at(office.clock, sh(2025, 3, 7, 15))
    case_id = cases.get_case(office.clerk, case_no).id
    contact_log.add_contact(office.clerk, case_id, channel="phone", direction="out", summary="解释折旧计算")
    assert stages(office.clerk, case_no)["callback_issue_contact"][1] == "met"
    contacts = cases.get_case(office.clerk, case_no).contacts
    assert any(c.kind == "callback" and "满意度 2/5" in c.summary and "折旧" in c.summary for c in contacts)
    assert [c.satisfaction for c in callbacks(office.supervisor, case_no)] == [2]
    with bo.db.unit_of_work(write=False) as db:
        blob = db.execute(select(Callback.remarks_enc)).scalar_one()
    assert "折旧".encode() not in blob


def test_no_callback_before_payment(office) -> None:
    from sla_support import register

    case_no, _ = register(office, sh(2025, 3, 3))
    with pytest.raises(DomainError, match="尚未支付"):
        record_callback(office.clerk, case_no, satisfaction=5)


def test_complaint_deadlines_motor_and_complex(bo, office) -> None:
    from sla_support import register

    case_no, _case_id = register(office, sh(2025, 3, 3))
    at(office.clock, sh(2025, 3, 4, 10))
    with pytest.raises(ValidationError):
        register_complaint(
            office.clerk, case_no, channel="phone", category="nonsense", complexity="simple", summary="x"
        )
    simple = register_complaint(
        office.clerk,
        case_no,
        channel="phone",
        category="timeliness",
        complexity="simple",
        summary="定损太慢，很不满意",
    )
    complex_ = register_complaint(
        office.clerk,
        case_no,
        channel="letter",
        category="amount",
        complexity="complex",
        summary="对赔款金额有异议",
    )
    deadlines = [
        (d.stage, d.effective_due) for d in case_deadlines(office.clerk, case_no) if "complaint" in d.stage
    ]
    assert deadlines == [
        ("complaint_contact", date(2025, 3, 5)),
        ("complaint_resolution", date(2025, 3, 6)),  # a motor complaint: 2 working days (seed 004)
        ("complaint_contact", date(2025, 3, 5)),
        ("complaint_resolution", date(2025, 3, 18)),  # complex: 10 working days
    ]
    at(office.clock, sh(2025, 3, 5, 16))
    contacted = complaint_contacted(
        office.clerk, simple.id, summary="已致电客户说明进度", expected_version=simple.version
    )
    with pytest.raises(ConflictError):
        resolve_complaint(office.clerk, simple.id, resolution="x", expected_version=simple.version)
    at(office.clock, sh(2025, 3, 7, 10))
    resolved = resolve_complaint(
        office.clerk, simple.id, resolution="已加快定损并致歉", expected_version=contacted.version
    )
    assert resolved.resolved_at is not None and resolved.summary == "定损太慢，很不满意"
    resolve_complaint(
        office.clerk, complex_.id, resolution="复核后维持原金额", expected_version=complex_.version
    )
    outcome = [(d.stage, d.status) for d in case_deadlines(office.clerk, case_no) if "complaint" in d.stage]
    # The complex complaint's contact happened only with its resolution, two days late.
    assert [status for _stage, status in outcome] == ["met", "missed", "missed", "met"]
    assert [c.category for c in complaints(office.supervisor, case_no)] == ["timeliness", "amount"]
    kinds = [c.kind for c in cases.get_case(office.clerk, case_no).contacts]
    assert (
        kinds.count("complaint") == 2
        and "complaint_contact" in kinds
        and kinds.count("complaint_resolved") == 2
    )
    with bo.db.unit_of_work(write=False) as db:
        blobs = db.execute(select(Complaint.summary_enc)).scalars().all()
    assert all("不满意".encode() not in blob for blob in blobs)
    with pytest.raises(DomainError):
        resolve_complaint(office.clerk, simple.id, resolution="again", expected_version=resolved.version)
