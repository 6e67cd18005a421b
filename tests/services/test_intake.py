"""Report registration: warnings and overrides, risk flags, classification, dispatch, case numbers."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from conftest import make_user
from intake_support import clerk_session, motor_policy, report
from sqlalchemy import func, select

from backoffice.db.models_intake import Case, ChecklistItem
from backoffice.domain.case import Complexity
from backoffice.domain.errors import DomainError, NotFound, PermissionDenied, ValidationError
from backoffice.services import cases, intake, policies
from backoffice.services.intake import LossInput, OverrideRequired
from backoffice.services.people import PersonInput


@pytest.fixture
def clerk(bo, admin):
    us = clerk_session(bo, admin)
    motor_policy(us)
    return us


def case_count(bo) -> int:
    with bo.db.unit_of_work(write=False) as db:
        return db.scalar(select(func.count()).select_from(Case))


def test_simple_report_is_registered_with_number_checklist_and_handler(bo, clerk) -> None:
    result = intake.register_report(clerk, report())
    assert result.case_no == "2026110001000001"
    # Incident 59 days after inception, reported within a day, 3,200 yuan: simple, no flags.
    assert result.complexity == Complexity.SIMPLE and result.flags == ()
    detail = cases.get_case(clerk, result.case_no)
    assert detail.status == "registered" and detail.handler == "clerk"
    assert detail.reporter_name == "张*" and detail.reporter_phone == "138****5678"
    assert detail.customer.id_number == "110***********002X"
    titles = [i.title for i in detail.checklist]
    assert titles[:4] == [
        "索赔申请书或报案记录",
        "保险单或保险单号",
        "被保险人身份证明",
        "领款人银行账户信息",
    ]
    assert "诊断证明" not in titles  # no injury: no medical documents
    assert [e.kind for e in detail.events] == ["reported", "registered"]


def test_numbers_increase_per_line_and_year(bo, clerk) -> None:
    first = intake.register_report(clerk, report(overrides={"duplicate": "second vehicle"}))
    second = intake.register_report(clerk, report(overrides={"duplicate": "third vehicle"}))
    assert int(second.case_no) == int(first.case_no) + 1


def test_injury_adds_medical_items_and_makes_the_case_normal(bo, clerk) -> None:
    data = report(losses=(LossInput("injury", "李四", body_part="左腿", severity="minor"),))
    result = intake.register_report(clerk, data)
    assert result.complexity == Complexity.NORMAL
    detail = cases.get_case(clerk, result.case_no)
    assert "诊断证明" in [i.title for i in detail.checklist]
    assert detail.losses[0].description == "李*" and detail.losses[0].body_part == "左腿"


def test_death_makes_the_case_complex(bo, clerk) -> None:
    data = report(losses=(LossInput("injury", "王五", severity="death"),), estimated_loss=Decimal("600000"))
    assert intake.register_report(clerk, data).complexity == Complexity.COMPLEX


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        (
            {
                "incident_at": datetime(2027, 1, 2, 1, 0, tzinfo=UTC),
                "reported_at": datetime(2027, 1, 2, 1, 0, tzinfo=UTC),
            },
            "outside_period",
        ),
        ({"incident_at": datetime(2026, 2, 20, 1, 0, tzinfo=UTC)}, "late_report"),
    ],
)
def test_warnings_need_a_reason_and_nothing_is_written_without_one(bo, clerk, clock, changes, code) -> None:
    clock.now = datetime(2027, 1, 3, tzinfo=UTC)
    with pytest.raises(OverrideRequired) as err:
        intake.register_report(clerk, report(**changes))
    assert code in err.value.codes
    assert case_count(bo) == 0
    result = intake.register_report(
        clerk, report(**changes, overrides={c: "客户住院，延迟报案" for c in err.value.codes})
    )
    detail = cases.get_case(clerk, result.case_no)
    assert (code, "客户住院，延迟报案") in detail.overrides
    assert code in detail.flags


def test_duplicate_report_warns(bo, clerk) -> None:
    intake.register_report(clerk, report())
    with pytest.raises(OverrideRequired) as err:
        intake.register_report(clerk, report())
    assert err.value.codes == ["duplicate"]


def test_repeat_claimant_is_flagged_and_flagged_cases_are_never_simple(bo, clerk) -> None:
    motor_policy(clerk, "PDAA202611000002", insured=PersonInput(full_name="张伟", mobile="13900001111"))
    intake.register_report(clerk, report())
    # Same customer (same ID number) claims again on another policy within 12 months.
    second = intake.register_report(
        clerk,
        report("PDAA202611000002", customer=PersonInput(full_name="张伟", id_number="11010519491231002X")),
    )
    assert "repeat_claimant" in second.flags and second.complexity != Complexity.SIMPLE
    with pytest.raises(DomainError, match="风险提示"):
        intake.register_report(
            clerk,
            report(
                "PDAA202611000002",
                complexity=Complexity.SIMPLE,
                complexity_reason="客户要求",
                overrides={"duplicate": "另一辆车"},
                customer=PersonInput(full_name="张伟", id_number="11010519491231002X"),
            ),
        )


def test_override_of_classification_needs_a_reason(bo, clerk) -> None:
    with pytest.raises(ValidationError) as err:
        intake.register_report(clerk, report(complexity=Complexity.COMPLEX))
    assert err.value.field == "complexity_reason"
    result = intake.register_report(
        clerk, report(complexity=Complexity.COMPLEX, complexity_reason="媒体关注")
    )
    detail = cases.get_case(clerk, result.case_no)
    assert (detail.complexity, detail.complexity_auto, detail.complexity_reason) == (
        "complex",
        "simple",
        "媒体关注",
    )


def test_least_loaded_handler_and_named_handler(bo, admin, clerk) -> None:
    make_user(admin, "clerk2", {"clerk"})
    first = intake.register_report(clerk, report())
    second = intake.register_report(clerk, report(overrides={"duplicate": "x"}))
    assert {first.handler, second.handler} == {"clerk", "clerk2"}
    named = intake.register_report(clerk, report(overrides={"duplicate": "y"}, handler="clerk2"))
    assert named.handler == "clerk2"
    with pytest.raises(ValidationError, match="不是在岗"):
        intake.register_report(clerk, report(overrides={"duplicate": "z"}, handler="admin"))


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"channel": "pigeon"}, "channel"),
        ({"reporter_name": "  "}, "reporter_name"),
        ({"incident_at": datetime(2026, 3, 2, 2, 0, tzinfo=UTC)}, "incident_at"),
        ({"reported_at": datetime(2026, 3, 5, tzinfo=UTC)}, "reported_at"),
        ({"incident_place": ""}, "incident_place"),
        ({"cause": "meteor"}, "cause"),
        ({"estimated_loss": Decimal("-1")}, "estimated_loss"),
        ({"losses": (LossInput("property", ""),)}, "losses"),
        ({"customer": PersonInput(full_name="李四", id_number="110105194912310021")}, "id_number"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(bo, clerk, changes, field) -> None:
    with pytest.raises(ValidationError) as err:
        intake.register_report(clerk, report(**changes))
    assert err.value.field == field
    assert case_count(bo) == 0


def test_unknown_policy_and_permission(bo, admin, clerk) -> None:
    with pytest.raises(NotFound, match="保单号"):
        intake.register_report(clerk, report("NOPE"))
    make_user(admin, "sup", {"supervisor"})
    from backoffice.services import auth

    with pytest.raises(PermissionDenied):
        intake.register_report(auth.sign_in(bo, "sup", "sup-pass-1"), report())


def test_policy_lookup_as_you_type(bo, clerk) -> None:
    motor_policy(clerk, "PDAA202611000777")
    found = policies.search_policies(clerk, "PDAA2026110007")
    assert [p.policy_no for p in found] == ["PDAA202611000777"]
    assert found[0].insured_name == "张*"
    assert len(policies.search_policies(clerk, "PDAA")) == 2
    view = policies.get_policy(clerk, "PDAA202611000001")
    assert [c.code for c in view.coverages] == ["vehicle_damage", "third_party"]
    assert view.coverages[0].sum_insured == Decimal("150000.00")


def test_checklist_rows_are_in_template_order(bo, clerk) -> None:
    result = intake.register_report(clerk, report())
    with bo.db.unit_of_work(write=False) as db:
        positions = list(
            db.execute(
                select(ChecklistItem.position)
                .where(ChecklistItem.case_id == result.case_id)
                .order_by(ChecklistItem.id)
            ).scalars()
        )
    assert positions == sorted(positions)


def test_case_json_shape(bo, clerk) -> None:
    result = intake.register_report(clerk, replace(report(), narrative=""))
    data = cases.case_json(cases.get_case(clerk, result.case_no))
    assert data["case_no"] == result.case_no and data["status"] == "registered"
    assert data["line"] == "motor" and data["handler"] == "clerk"
    assert data["checklist"]["complete"] is False and "驾驶证" in data["checklist"]["missing"]
    assert data["customer"]["id_number"] == "110***********002X"
