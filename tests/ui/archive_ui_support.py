"""Closed cases for the archive GUI tests, taken from report to closing through the services.

Each case has every mandatory document received, a scan (JPEG) attached to the first one, a
calculation approved by demo-approver1, the payment made and the case closed as paid.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from intake_ui_support import jpeg, receive_and_calculate, register
from ui_support import PASSWORD, session

from backoffice.services import approvals, attachments, cases, payments
from backoffice.services.context import UserSession
from backoffice.ui.formatting import SHANGHAI


def _version(clerk: UserSession, case_no: str) -> int:
    return cases.get_case(clerk, case_no).version


def closed_case(clerk: UserSession, scan_dir: Path, repair: str = "3200.00") -> str:
    registered = register(clerk, estimated_loss=Decimal(repair))
    case_no = registered.case_no
    mandatory = [i for i in cases.get_case(clerk, case_no).checklist if i.mandatory]
    scan = jpeg(scan_dir / f"{case_no}-scan.jpg", (620, 877))
    attachments.add_attachment(clerk, scan, owner_type="checklist_item", owner_id=mandatory[0].id)
    receive_and_calculate(clerk, registered, repair)
    approvals.submit(clerk, case_no, expected_version=_version(clerk, case_no))
    approver = session(clerk.bo, "demo-approver1")
    approvals.sign(approver, case_no, "agree", password=PASSWORD, expected_version=_version(clerk, case_no))
    paid = payments.add_payment(
        clerk, case_no, amount=Decimal(repair), bank_account="6222021234567890123", bank_name="工商银行"
    )
    payments.mark_paid(
        clerk,
        paid.id,
        paid_on=clerk.bo.now().astimezone(SHANGHAI).date(),
        reference=f"BANK-{case_no[-4:]}",
        expected_version=paid.version,
    )
    payments.close_case(clerk, case_no, reason="paid", expected_version=_version(clerk, case_no))
    return case_no


def damage_scan(clerk: UserSession, case_no: str) -> None:
    """Flip a byte of the case's stored scan: the attachment store's copy no longer matches its digest."""
    from backoffice.db.models import Attachment

    ref = cases.get_case(clerk, case_no).attachments[0]
    with clerk.bo.db.unit_of_work(write=False) as db:
        file_id = db.get(Attachment, ref.id).file_id  # type: ignore[union-attr]
    path = attachments.stored_path(attachments.store_dir(clerk), file_id)
    data = bytearray(path.read_bytes())
    data[-20] ^= 0xFF
    path.write_bytes(bytes(data))


def scan_bytes(scan_dir: Path, case_no: str) -> bytes:
    return (scan_dir / f"{case_no}-scan.jpg").read_bytes()
