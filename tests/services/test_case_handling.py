"""Checklist receipts and the materials-complete date, contact log, case list search and paging."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from intake_support import clerk_session, motor_policy, report

from backoffice.domain.errors import ConflictError, ValidationError
from backoffice.services import cases, checklists, contact_log, intake
from backoffice.services.cases import CaseFilter
from backoffice.services.checklists import Receipt
from backoffice.services.people import PersonInput


@pytest.fixture
def clerk(bo, admin):
    us = clerk_session(bo, admin)
    motor_policy(us)
    return us


@pytest.fixture
def case(clerk):
    return intake.register_report(clerk, report())


def receipt(hours: float = 0) -> Receipt:
    return Receipt(datetime(2026, 3, 2, 1, 10, tzinfo=UTC) + timedelta(minutes=hours), True, 1, "张伟")


def test_last_mandatory_item_sets_materials_complete(bo, clerk, case) -> None:
    detail = cases.get_case(clerk, case.case_no)
    mandatory = [i for i in detail.checklist if i.mandatory]
    for n, item in enumerate(mandatory):
        checklists.receive_item(clerk, case.case_id, item.id, receipt(n), expected_version=item.version)
        status = cases.get_case(clerk, case.case_no)
        if n < len(mandatory) - 1:
            assert status.status == "registered" and status.materials_complete_at is None
    done = cases.get_case(clerk, case.case_no)
    assert done.status == "materials_complete"
    assert done.materials_complete_at == receipt(len(mandatory) - 1).received_at
    assert [e.to_status for e in done.events][-1] == "materials_complete"
    # Correcting a receipt sends the case back to collecting documents.
    last = next(i for i in done.checklist if i.id == mandatory[-1].id)
    checklists.unreceive_item(clerk, case.case_id, last.id, expected_version=last.version, reason="登记错误")
    back = cases.get_case(clerk, case.case_no)
    assert back.status == "registered" and back.materials_complete_at is None


def test_a_new_mandatory_item_reopens_collection(bo, clerk, case) -> None:
    for item in cases.get_case(clerk, case.case_no).checklist:
        if item.mandatory:
            checklists.receive_item(clerk, case.case_id, item.id, receipt(), expected_version=item.version)
    checklists.add_item(clerk, case.case_id, "车辆登记证书", mandatory=True)
    assert cases.get_case(clerk, case.case_no).status == "registered"


def test_receipt_validation_and_conflict(bo, clerk, case) -> None:
    item = cases.get_case(clerk, case.case_no).checklist[0]
    with pytest.raises(ValidationError) as err:
        checklists.receive_item(
            clerk,
            case.case_id,
            item.id,
            Receipt(datetime(2030, 1, 1, tzinfo=UTC), True, 1, ""),
            expected_version=item.version,
        )
    assert err.value.field == "received_at"
    with pytest.raises(ValidationError) as err:
        checklists.receive_item(
            clerk,
            case.case_id,
            item.id,
            Receipt(receipt().received_at, True, 0, ""),
            expected_version=item.version,
        )
    assert err.value.field == "pages"
    checklists.receive_item(clerk, case.case_id, item.id, receipt(), expected_version=item.version)
    with pytest.raises(ConflictError):
        checklists.receive_item(clerk, case.case_id, item.id, receipt(), expected_version=item.version)


def test_contact_log_is_encrypted_and_listed(bo, clerk, case) -> None:
    contact_log.add_contact(
        clerk, case.case_id, channel="phone", direction="out", summary="电话告知客户补交维修发票"
    )
    detail = cases.get_case(clerk, case.case_no)
    assert [(c.channel, c.summary) for c in detail.contacts] == [("phone", "电话告知客户补交维修发票")]
    with bo.db.engine.connect() as conn:
        raw = conn.exec_driver_sql("SELECT summary_enc FROM contact_log").scalar_one()
    assert "维修发票".encode() not in bytes(raw)
    with pytest.raises(ValidationError):
        contact_log.add_contact(clerk, case.case_id, channel="fax", direction="out", summary="x")


def test_case_list_search_by_every_key_and_paging(bo, clerk, case) -> None:
    motor_policy(clerk, "PDAA202611000009", insured=PersonInput(full_name="李娜", mobile="13900002222"))
    other = intake.register_report(clerk, report("PDAA202611000009"))
    everyone = cases.list_cases(clerk)
    assert [r.case_no for r in everyone] == [other.case_no, case.case_no]
    assert everyone[1].customer == "张*"
    searches = {
        case.case_no: [case.case_no],
        case.case_no[:12]: [other.case_no, case.case_no],
        "PDAA202611000009": [other.case_no],
        "110105 19491231 002x": [case.case_no],
        "+86 139-0000-2222": [other.case_no],
        "李娜": [other.case_no],
        "nothing": [],
    }
    for text, expected in searches.items():
        assert [r.case_no for r in cases.list_cases(clerk, CaseFilter(search=text))] == expected, text
        assert cases.count_cases(clerk, CaseFilter(search=text)) == len(expected)
    assert [
        r.case_no for r in cases.list_cases(clerk, sort="case_no", descending=False, offset=1, limit=1)
    ] == [other.case_no]
    assert cases.list_cases(clerk, CaseFilter(statuses=("closed",))) == []
    assert [r.case_no for r in cases.list_cases(clerk, CaseFilter(handler="clerk"))] == [
        other.case_no,
        case.case_no,
    ]
    with pytest.raises(ValidationError):
        cases.list_cases(clerk, CaseFilter(statuses=("bogus",)))
    with pytest.raises(ValidationError):
        cases.list_cases(clerk, sort="customer_name")
