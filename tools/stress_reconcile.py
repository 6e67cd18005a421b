"""After the stress run: the database, the files and the workers' logs must tell one story.

- numbers: case numbers contiguous and distinct, one case per archive number, payment references distinct;
- no lost update: every success a worker logged is in the database, and nothing else is (cases,
  receipts, calculations, submissions, signatures, payments, closings, volumes, and their audit records);
- every case's state agrees with its events: it reached the archive, its closing reason fits its money
  and signatures, its signature chain is the complete route for the approved amount signed by distinct
  people who are neither handler nor calculator, its volume is the one current volume and its file's
  digest is the recorded one;
- every stored file belongs to a row and every row's file is there and decrypts; the audit chain
  verifies; the doctor finds nothing to clean.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stress_setup import ADMIN, AUDITOR, CLERKS, RunConfig, open_backoffice, sign_in

from backoffice.db.models import Attachment, AuditRecord
from backoffice.db.models_approval import ApprovalSignature, AuthorityMatrixVersion, Payment
from backoffice.db.models_archive import ArchiveVolume
from backoffice.db.models_intake import Calculation, Case, CaseEvent, ChecklistItem
from backoffice.domain.approval import LineOfBusiness, route
from backoffice.domain.errors import DomainError
from backoffice.domain.money import fen_to_yuan
from backoffice.services import archive, attachments, audit
from backoffice.services.authority import matrix_from_json
from backoffice.services.context import Backoffice
from backoffice.services.doctor import diagnose

# What each logged operation leaves in the audit trail (one record per success).
AUDIT_ACTIONS = {
    "register": "case.register",
    "attach": "attachment.add",
    "receive": "checklist.receive",
    "withdraw": "case.withdraw",
    "calculate": "calculation.save",
    "submit": "approval.submit",
    "pay": "payment.add",
    "mark_paid": "payment.paid",
    "close": "case.close",
    "archive": "archive.build",
}


class Findings:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def expect(self, condition: bool, problem: str) -> None:
        if not condition:
            self.problems.append(problem)

    def same(self, what: str, logged: object, stored: object) -> None:
        self.expect(
            logged == stored, f"{what}: logged {_short(logged)} but the database has {_short(stored)}"
        )


def _short(value: object) -> str:
    text = repr(sorted(value) if isinstance(value, set) else value)
    return text if len(text) < 300 else text[:300] + "…"


def _numbers(db: Session, log: list[dict[str, Any]], f: Findings) -> None:
    numbers = list(db.execute(select(Case.case_no)).scalars())
    f.same("case numbers", {e["case_no"] for e in log if e["op"] == "register"}, set(numbers))
    f.expect(len(numbers) == len(set(numbers)), "duplicate case numbers")
    prefixes = {n[:-6] for n in numbers}
    sequence = sorted(int(n[-6:]) for n in numbers)
    f.expect(len(prefixes) <= 1 and sequence == list(range(1, len(numbers) + 1)), "case numbers have gaps")
    owners: dict[str, set[int]] = defaultdict(set)
    for archive_no, case_id in db.execute(select(ArchiveVolume.archive_no, ArchiveVolume.case_id)):
        owners[archive_no].add(case_id)
    shared = sorted(no for no, ids in owners.items() if len(ids) > 1)
    f.expect(not shared, f"archive numbers given to more than one case: {shared[:5]}")
    references = list(db.execute(select(Payment.reference).where(Payment.status == "paid")).scalars())
    f.expect(len(references) == len(set(references)), "duplicate payment references")


def _lost_updates(db: Session, log: list[dict[str, Any]], f: Findings) -> None:
    ops: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in log:
        ops[entry["op"]].append(entry)
    f.same(
        "attachments",
        {e["file_id"] for e in ops["attach"]},
        set(db.execute(select(Attachment.file_id)).scalars()),
    )
    received = db.scalar(
        select(func.count()).select_from(ChecklistItem).where(ChecklistItem.received_at.is_not(None))
    )
    f.same("received documents", len(ops["receive"]), received)
    f.same("distinct receipts", len(ops["receive"]), len({e["item"] for e in ops["receive"]}))
    stored_calcs = Counter(
        db.execute(select(Case.case_no).join(Calculation, Calculation.case_id == Case.id)).scalars()
    )
    f.same("calculations per case", Counter(e["case_no"] for e in ops["calculate"]), stored_calcs)
    chains = {no: n for no, n in db.execute(select(Case.case_no, Case.approval_chain_no)) if n}
    f.same("submissions per case", dict(Counter(e["case_no"] for e in ops["submit"])), chains)
    signed = Counter(
        (no, decision)
        for no, decision in db.execute(
            select(Case.case_no, ApprovalSignature.decision).join(Case, Case.id == ApprovalSignature.case_id)
        )
    )
    f.same(
        "signatures per case and decision",
        Counter((e["case_no"], e["decision"]) for e in ops["sign"]),
        signed,
    )
    rows = db.execute(select(Payment.id, Payment.amount_fen, Payment.status, Payment.reference)).all()
    f.same(
        "payments ordered",
        {(e["payment_id"], e["amount_fen"]) for e in ops["pay"]},
        {(r[0], r[1]) for r in rows},
    )
    f.same(
        "payments confirmed",
        {(e["payment_id"], e["reference"]) for e in ops["mark_paid"]},
        {(r[0], r[3]) for r in rows if r[2] == "paid"},
    )
    for kind, op in (("closed", "close"), ("withdrawn", "withdraw")):
        events = Counter(
            db.execute(
                select(Case.case_no)
                .join(CaseEvent, CaseEvent.case_id == Case.id)
                .where(CaseEvent.kind == kind)
            ).scalars()
        )
        f.same(f"{kind} events per case", Counter(e["case_no"] for e in ops[op]), events)
    volumes = db.execute(
        select(Case.case_no, ArchiveVolume.archive_no, ArchiveVolume.version).join(
            Case, Case.id == ArchiveVolume.case_id
        )
    ).all()
    f.same(
        "volumes",
        {(e["case_no"], e["archive_no"], e["version"]) for e in ops["archive"]},
        {tuple(v) for v in volumes},
    )
    audited = Counter(db.execute(select(AuditRecord.action).where(AuditRecord.outcome == "ok")).scalars())
    for op, action in AUDIT_ACTIONS.items():
        f.same(f"audit records {action}", len(ops[op]), audited.get(action, 0))
    for decision in ("agree", "return", "deny"):
        logged = sum(1 for e in ops["sign"] if e["decision"] == decision)
        f.same(f"audit records approval.{decision}", logged, audited.get(f"approval.{decision}", 0))


def _chain(db: Session, case: Case, calc: Calculation | None, f: Findings) -> None:
    """The approved amount's complete route, signed in order by distinct eligible people."""
    rows = list(
        db.execute(
            select(ApprovalSignature)
            .where(ApprovalSignature.case_id == case.id, ApprovalSignature.chain_no == case.approval_chain_no)
            .order_by(ApprovalSignature.id)
        ).scalars()
    )
    agree = [s for s in rows if s.decision == "agree" and s.voided_at is None]
    no = case.case_no
    if calc is None or not agree:
        f.expect(False, f"{no}: approved without a calculation or a signature")
        return
    matrix = matrix_from_json(db.get(AuthorityMatrixVersion, agree[-1].matrix_version).data)  # type: ignore[union-attr]
    levels = route(fen_to_yuan(case.approved_fen or 0), LineOfBusiness(case.line), matrix)
    f.expect(
        [s.level for s in agree] == list(levels),
        f"{no}: signed levels {[s.level for s in agree]} ≠ route {levels}",
    )
    signers = [s.signer_id for s in agree]
    f.expect(len(set(signers)) == len(signers), f"{no}: one person signed twice")
    f.expect(
        case.handler_id not in signers and calc.created_by not in signers,
        f"{no}: handler or calculator signed",
    )
    f.expect(all(s.signer_level >= s.level for s in agree), f"{no}: a signer below the step's level")
    f.expect(all(s.amount_fen == case.approved_fen == calc.total_fen for s in agree), f"{no}: amounts differ")
    f.expect(all(s.calculation_id == calc.id for s in agree), f"{no}: signed another calculation")


def _case(db: Session, case: Case, data_dir: Path, f: Findings) -> None:
    no = case.case_no
    last = db.scalar(
        select(CaseEvent.to_status)
        .where(CaseEvent.case_id == case.id, CaseEvent.to_status != "")
        .order_by(CaseEvent.id.desc())
        .limit(1)
    )
    f.expect(last == case.status, f"{no}: status {case.status} but the last event says {last}")
    f.expect(case.status == "archived", f"{no}: ended the run {case.status}, not archived")
    calc = db.execute(
        select(Calculation).where(Calculation.case_id == case.id, Calculation.current.is_(True))
    ).scalar_one_or_none()
    pays = list(db.execute(select(Payment).where(Payment.case_id == case.id)).scalars())
    paid = sum(p.amount_fen for p in pays if p.status == "paid")
    ordered = sum(p.amount_fen for p in pays if p.status != "cancelled")
    f.expect(paid == case.paid_fen, f"{no}: paid_fen {case.paid_fen} ≠ paid payments {paid}")
    f.expect(
        ordered <= (case.approved_fen or 0),
        f"{no}: payments {ordered} exceed the approved {case.approved_fen}",
    )
    f.expect(all(p.status == "paid" for p in pays), f"{no}: a payment still open after closing")
    reason = case.closing_reason
    if reason == "paid":
        f.expect(0 < (case.approved_fen or 0) == case.paid_fen, f"{no}: closed as paid but not paid in full")
    elif reason == "no_payment":
        f.expect(case.approved_fen == 0, f"{no}: closed without payment but {case.approved_fen} approved")
    elif reason == "denied":
        last_sign = db.execute(
            select(ApprovalSignature)
            .where(ApprovalSignature.case_id == case.id, ApprovalSignature.chain_no == case.approval_chain_no)
            .order_by(ApprovalSignature.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        f.expect(
            last_sign is not None and last_sign.decision == "deny" and last_sign.signer_level >= 3,
            f"{no}: closed as denied without a denial at level 3 or above",
        )
        f.expect(case.approved_fen is None and not pays, f"{no}: denied but approved or paid")
    elif reason == "withdrawn":
        f.expect(case.approved_fen is None and not pays, f"{no}: withdrawn but approved or paid")
    else:
        f.expect(False, f"{no}: closing reason {reason!r}")
    if case.approved_fen is not None:
        _chain(db, case, calc, f)
    active = list(
        db.execute(
            select(ArchiveVolume).where(ArchiveVolume.case_id == case.id, ArchiveVolume.status == "active")
        ).scalars()
    )
    f.expect(len(active) == (case.status == "archived"), f"{no}: {len(active)} current volumes")
    for volume in active:
        path = data_dir / archive.ARCHIVE_DIR / volume.file_path
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"
        f.expect(
            digest == volume.volume_digest, f"{no}: volume file {volume.file_path} {digest[:12]} ≠ recorded"
        )


def _files(bo: Backoffice, db: Session, f: Findings) -> list[int]:
    """Every file in the store and the archive directory belongs to a row, and every row has its file."""
    store = bo.settings.attachments_dir
    rows = dict(db.execute(select(Attachment.file_id, Attachment.id)).all())
    found = (
        {p.relative_to(store).as_posix() for p in store.rglob("*") if p.is_file()}
        if store.is_dir()
        else set()
    )
    f.same("attachment store", {f"{fid[:2]}/{fid}.bin" for fid in rows}, found)
    volumes = bo.settings.data_dir / archive.ARCHIVE_DIR
    files = (
        {p.relative_to(volumes).as_posix() for p in volumes.rglob("*") if p.is_file()}
        if volumes.is_dir()
        else set()
    )
    f.same("archive directory", set(db.execute(select(ArchiveVolume.file_path)).scalars()), files)
    return sorted(rows.values())


def reconcile(config: RunConfig, log: list[dict[str, Any]]) -> dict[str, Any]:
    f = Findings()
    bo = open_backoffice(config)
    try:
        with bo.db.unit_of_work(write=False) as db:
            _numbers(db, log, f)
            _lost_updates(db, log, f)
            all_cases = list(db.execute(select(Case).order_by(Case.id)).scalars())
            for case in all_cases:
                _case(db, case, bo.settings.data_dir, f)
            attachment_ids = _files(bo, db, f)
            statuses = Counter(c.status for c in all_cases)
            reasons = Counter(c.closing_reason for c in all_cases)
            volumes = db.scalar(select(func.count()).select_from(ArchiveVolume))
            signatures = db.scalar(select(func.count()).select_from(ApprovalSignature))
            payment_count = db.scalar(select(func.count()).select_from(Payment))
        clerk = sign_in(bo, CLERKS[0])
        for attachment_id in attachment_ids:
            try:
                attachments.verify_attachment(clerk, attachment_id)
            except DomainError as exc:
                f.expect(False, f"attachment {attachment_id}: {exc}")
        verified = audit.verify(sign_in(bo, AUDITOR))
        f.expect(verified.ok, f"audit verify: first bad record {verified.first_bad_seq} ({verified.problem})")
        doctor = diagnose(sign_in(bo, ADMIN))
        leftovers = doctor.temp_files + doctor.orphans + doctor.pending_renames
        f.expect(
            not leftovers and not doctor.missing_files, f"doctor: {leftovers} missing {doctor.missing_files}"
        )
        f.expect(not doctor.integrity_problems, f"doctor: integrity {doctor.integrity_problems}")
    finally:
        bo.close()
    return {
        "ok": not f.problems,
        "problems": f.problems[:40],
        "cases": len(all_cases),
        "statuses": dict(statuses),
        "closing_reasons": dict(reasons),
        "volumes": volumes,
        "signatures": signatures,
        "payments": payment_count,
        "attachments": len(attachment_ids),
        "audit_records_verified": verified.checked,
        "doctor_healthy": doctor.healthy,
    }
