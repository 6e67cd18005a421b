"""Helpers for the intake GUI tests: a clerk, a policy around today, reports through the services,
scans made with Pillow, and the main window at the right page.

Test modules import the fixture functions they use (as with ui_support).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication, QWidget

from backoffice.services.context import Backoffice, UserSession
from backoffice.services.intake import LossInput, Registered, ReportInput, register_report
from backoffice.services.people import PersonInput
from backoffice.services.policies import CoverageInput, PolicyInput, create_policy
from backoffice.ui.formatting import SHANGHAI
from backoffice.ui.main_window import MainWindow

# The offscreen platform cannot raise a popup (the completer's list) or grab the keyboard for it, and
# says so; like propagateSizeHints (see ui_support), that is the test platform talking, not the program.
OFFSCREEN_POPUP_NOISE = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)"
)
POLICY_NO = "PDAA202611000001"
INSURED_ID = "11010519491231002X"
INSURED_MOBILE = "13812345678"


def make_policy(us: UserSession, number: str = POLICY_NO, *, line: str = "motor", days_in: int = 90) -> str:
    """A policy that began ``days_in`` days ago and runs for a year (insured 张伟)."""
    today = us.bo.now().astimezone(SHANGHAI).date()
    products = {"motor": "机动车商业保险", "property": "企业财产保险", "health_accident": "意外伤害保险"}
    create_policy(
        us,
        PolicyInput(
            policy_no=number,
            product=products.get(line, "责任保险"),
            line=line,
            insured=PersonInput(full_name="张伟", id_number=INSURED_ID, mobile=INSURED_MOBILE),
            period_start=today - timedelta(days=days_in),
            period_end=today - timedelta(days=days_in) + timedelta(days=364),
            coverages=(
                CoverageInput("vehicle_damage", "机动车损失保险", Decimal("150000")),
                CoverageInput("third_party", "第三者责任保险", Decimal("1000000"), deductible=Decimal("500")),
            ),
        ),
    )
    return number


def report(us: UserSession, policy_no: str = POLICY_NO, **changes: object) -> ReportInput:
    now = us.bo.now()
    data = ReportInput(
        policy_no=policy_no,
        channel="hotline",
        reporter_name="张伟",
        reporter_relation="self",
        reporter_phone=INSURED_MOBILE,
        reported_at=now - timedelta(minutes=5),
        incident_at=now - timedelta(hours=3),
        incident_place="北京市朝阳区建国路与东三环交叉口",
        cause="collision",
        estimated_loss=Decimal("3200"),
        narrative="追尾前车，前保险杠受损",
        losses=(LossInput("property", "前保险杠", 1, Decimal("3200")),),
        overrides={"duplicate": "同日另一起事故"},
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def register(us: UserSession, policy_no: str = POLICY_NO, **changes: object) -> Registered:
    return register_report(us, report(us, policy_no, **changes))


def receive_and_calculate(clerk: UserSession, registered: Registered, repair: str) -> str:
    """Every mandatory document of the registered motor case received, then a repair calculated."""
    from backoffice.services import calculations, cases, checklists

    for item in cases.get_case(clerk, registered.case_no).checklist:
        if item.mandatory and item.received_at is None:
            checklists.receive_item(
                clerk,
                registered.case_id,
                item.id,
                checklists.Receipt(clerk.bo.now(), True, 1, "张伟"),
                expected_version=item.version,
            )
    line = calculations.LineInput(
        "vehicle_damage",
        {
            "method": "motor_damage",
            "clause": "2020",
            "sum_insured": "150000.00",
            "new_vehicle_price": "180000.00",
            "repair_cost": repair,
            "salvage": "0",
            "liability_ratio": "1",
        },
    )
    version = cases.get_case(clerk, registered.case_no).version
    calculations.calculate_case(clerk, registered.case_no, [line], expected_version=version)
    return registered.case_no


def calculated_case(clerk: UserSession, repair: str = "3200.00") -> str:
    """A registered motor case with every document and a calculation, not yet submitted."""
    return receive_and_calculate(clerk, register(clerk, estimated_loss=Decimal(repair)), repair)


def jpeg(path: Path, size: tuple[int, int] = (320, 200)) -> Path:
    image = Image.new("RGB", size, (240, 240, 230))
    for x in range(0, size[0], 8):
        for y in range(0, size[1], 40):
            image.putpixel((x, y), (20, 20, 20))
    image.save(path, "JPEG", quality=85)
    return path


def main_window(qtbot, us: UserSession, page: str | None = None) -> MainWindow:
    window = MainWindow(us, idle_timeout_ms=3_600_000)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    if page:
        window.show_page(page)
    return window


def focused() -> QWidget | None:
    return QApplication.focusWidget()


@pytest.fixture(name="clerk")
def clerk_fixture(demo_bo: Backoffice) -> UserSession:
    from ui_support import session

    us = session(demo_bo, "demo-clerk")
    make_policy(us)
    return us


def case_count(bo: Backoffice) -> int:
    from sqlalchemy import func, select

    from backoffice.db.models_intake import Case

    with bo.db.unit_of_work(write=False) as db:
        return int(db.scalar(select(func.count()).select_from(Case)) or 0)


def now_local(bo: Backoffice) -> datetime:
    return bo.now().astimezone(SHANGHAI)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as a user would: ASCII as key presses, Chinese as the input
    method's commit (QTest's key clicks only know ASCII)."""
    from PySide6.QtGui import QInputMethodEvent

    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)
