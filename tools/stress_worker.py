"""One process of the stress run: a seeded random mix of user operations over the shared cases.

Each step reads the case afresh (the harness reads the tables directly, as a screen would show them),
decides what the next user would do with it, and calls the service as that user. A ConflictError, or a
refusal after which the case turns out to have changed under us, is counted and retried with a fresh
read; any other failure is recorded as unexpected (and fails the run's reconciliation). Every success is
appended to the worker's own log, one JSON line each, which the reconciliation compares with the database.
"""

from __future__ import annotations

import io
import json
import random
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from stress_setup import (
    APPROVERS,
    ARCHIVISTS,
    CLERKS,
    PASSWORD,
    PAYER,
    POLICY_COUNT,
    SUM_INSURED,
    RunConfig,
    open_backoffice,
    policy_number,
    sign_in,
)

from backoffice.db.models import Attachment
from backoffice.db.models_approval import ApprovalSignature, Payment
from backoffice.db.models_intake import Case, ChecklistItem
from backoffice.domain.demo_data import random_bank_card
from backoffice.domain.errors import ConflictError, DomainError
from backoffice.domain.money import fen_to_yuan
from backoffice.services import approvals, archive, attachments, calculations, checklists, intake, payments
from backoffice.services.calculations import LineInput
from backoffice.services.intake import LossInput, ReportInput

MAX_ATTEMPTS = 8  # fresh reads and retries of one step on one case
REGISTER_SHARE = 0.3  # how often a worker with cases left to register registers one instead of working
HOT_SHARE = 0.4  # how often a worker picks among the three oldest open cases (where everybody contends)
# Repair costs (yuan) and weights: the routes go up to level 1, 2, 3, 4 and 5 of the default matrix.
REPAIRS = ((Decimal("3200"), 30), (Decimal("8600"), 15), (Decimal("32000"), 25), (Decimal("150000"), 18))
REPAIRS += ((Decimal("640000"), 8), (Decimal("1500000"), 4))
OPEN_PAYMENT = ("pending", "exported")


@dataclass(frozen=True)
class CaseState:
    """What the next user needs to know about a case, read in one go."""

    case_no: str
    case_id: int
    status: str
    version: int
    next_level: int | None
    approved_fen: int | None
    missing: tuple[tuple[int, int], ...]  # mandatory checklist items not received: (id, version)
    first_item: int | None
    attachments: int
    signers: frozenset[int]  # live signatures of the current chain
    payments: tuple[tuple[int, str, int, int], ...]  # (id, status, amount_fen, version)

    def fingerprint(self) -> tuple[object, ...]:
        return (self.status, self.version, self.payments)


@dataclass(frozen=True)
class Step:
    op: str
    run: Callable[[], dict[str, Any]]


def _scan(rng: random.Random, directory: Path, n: int) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("L", (310, 438), 240)
    draw = ImageDraw.Draw(image)
    for row in range(30, 410, 16):
        draw.rectangle((25, row, 25 + rng.randint(100, 260), row + 6), fill=rng.randint(40, 90))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=60)
    path = directory / f"scan-{n}.jpg"
    path.write_bytes(buffer.getvalue())
    return path


class Worker:
    def __init__(self, config: RunConfig, worker: int, scans: Path) -> None:
        self.config, self.worker = config, worker
        self.rng = random.Random(config.seed * 1000 + worker)
        self.bo = open_backoffice(config)
        self.clerk = sign_in(self.bo, CLERKS[worker % len(CLERKS)])
        self.payer = sign_in(self.bo, PAYER)
        # Like an office, only a few of the workers archive (each volume build takes a while).
        self.archives = worker < len(ARCHIVISTS)
        self.archivist = sign_in(self.bo, ARCHIVISTS[worker % len(ARCHIVISTS)])
        self.approvers = {name: sign_in(self.bo, name) for pair in APPROVERS.values() for name in pair}
        self.ids = {name: us.actor.user_id for name, us in self.approvers.items()}
        self.scans = [_scan(self.rng, scans, n) for n in range(3)]
        self.log = config.log_path(worker).open("a", encoding="utf-8")
        self.done: Counter[str] = Counter()
        self.conflicts: Counter[str] = Counter()
        self.stale: Counter[str] = Counter()
        self.unexpected: list[dict[str, str]] = []
        self.seconds: Counter[str] = Counter()  # wall time inside the services, per step
        self.given_up: set[str] = set()
        self.references = 0

    # ---- reading ------------------------------------------------------------------------------------

    def open_cases(self) -> list[str]:
        """Cases this worker can take a step on: not archived (nor closed, unless it is an archivist)."""
        done = ("archived",) if self.archives else ("archived", "closed")
        with self.bo.db.unit_of_work(write=False) as db:
            numbers = db.execute(select(Case.case_no).where(Case.status.not_in(done)).order_by(Case.id))
            return [n for n in numbers.scalars() if n not in self.given_up]

    def read(self, case_no: str) -> CaseState:
        with self.bo.db.unit_of_work(write=False) as db:
            case = db.execute(select(Case).where(Case.case_no == case_no)).scalar_one()
            items = db.execute(
                select(
                    ChecklistItem.id,
                    ChecklistItem.version,
                    ChecklistItem.mandatory,
                    ChecklistItem.received_at,
                )
                .where(ChecklistItem.case_id == case.id)
                .order_by(ChecklistItem.position)
            ).all()
            mandatory = [i for i in items if i.mandatory]
            scans = db.scalar(
                select(func.count())
                .select_from(Attachment)
                .where(
                    Attachment.owner_type == "checklist_item", Attachment.owner_id.in_([i.id for i in items])
                )
            )
            signers = db.execute(
                select(ApprovalSignature.signer_id).where(
                    ApprovalSignature.case_id == case.id,
                    ApprovalSignature.chain_no == case.approval_chain_no,
                    ApprovalSignature.voided_at.is_(None),
                )
            ).scalars()
            paid = db.execute(
                select(Payment.id, Payment.status, Payment.amount_fen, Payment.version)
                .where(Payment.case_id == case.id)
                .order_by(Payment.id)
            ).all()
            return CaseState(
                case.case_no,
                case.id,
                case.status,
                case.version,
                case.approval_next_level,
                case.approved_fen,
                tuple((i.id, i.version) for i in mandatory if i.received_at is None),
                mandatory[0].id if mandatory else None,
                scans or 0,
                frozenset(signers),
                tuple((p.id, p.status, p.amount_fen, p.version) for p in paid),
            )

    # ---- deciding -----------------------------------------------------------------------------------

    def plan(self, s: CaseState) -> Step | None:
        rng, status = self.rng, s.status
        if status == "registered":
            if s.attachments == 0 and s.first_item is not None and rng.random() < 0.5:
                return Step("attach", lambda: self.attach(s))
            if rng.random() < 0.015:
                return Step("withdraw", lambda: self.withdraw(s))
            if s.missing:
                item = rng.choice(s.missing)
                return Step("receive", lambda: self.receive(s, item))
            return None
        if status in ("materials_complete", "returned") or (status == "calculated" and rng.random() < 0.1):
            return Step("calculate", lambda: self.calculate(s))
        if status == "calculated":
            return Step("submit", lambda: self.submit(s))
        if status == "pending_approval":
            return self.plan_signature(s)
        if status in ("approved", "paid"):
            return self.plan_payment(s)
        if status in ("denied", "withdrawn"):
            return Step("close", lambda: self.close(s, status))
        if status == "closed" and self.archives:
            return Step("archive", lambda: self.build(s))
        return None

    def plan_signature(self, s: CaseState) -> Step | None:
        level = s.next_level or 1
        free = [name for name in APPROVERS[level] if self.ids[name] not in s.signers]
        if not free:
            return None
        name = self.rng.choice(free)
        roll = self.rng.random()
        decision = "deny" if level >= 3 and roll < 0.12 else "return" if roll > 0.94 else "agree"
        return Step("sign", lambda: self.sign(s, name, decision))

    def plan_payment(self, s: CaseState) -> Step | None:
        approved = s.approved_fen or 0
        if s.status == "approved" and approved == 0:
            return Step("close", lambda: self.close(s, "no_payment"))
        pending = [p for p in s.payments if p[1] in OPEN_PAYMENT]
        remaining = approved - sum(p[2] for p in s.payments if p[1] != "cancelled")
        if remaining > 0 and (not pending or self.rng.random() < 0.5):
            amount = remaining if remaining < 200 or self.rng.random() < 0.6 else remaining // 2
            return Step("pay", lambda: self.pay(s, amount))
        if pending:
            payment = self.rng.choice(pending)
            return Step("mark_paid", lambda: self.mark_paid(payment))
        if s.status == "paid":
            return Step("close", lambda: self.close(s, "paid"))
        return None

    # ---- acting (each returns what its log line records besides op and case) ------------------------

    def register(self) -> dict[str, Any]:
        now = self.bo.now()
        loss = Decimal(self.rng.randint(1000_00, 9000_00)) / 100
        data = ReportInput(
            policy_no=policy_number(self.rng.randint(1, POLICY_COUNT)),
            channel=self.rng.choice(("hotline", "web", "agent", "walk_in")),
            reporter_name="张伟",
            reporter_relation="self",
            reporter_phone="13812345678",
            reported_at=now - timedelta(minutes=1),
            incident_at=now - timedelta(hours=self.rng.randint(2, 40)),
            incident_place="北京市朝阳区建国路",
            cause="collision",
            estimated_loss=loss,
            narrative="追尾前车，前保险杠受损",
            losses=(LossInput("property", "前保险杠", 1, loss),),
            overrides={"duplicate": "压力测试：同一保单同日另一起事故"},
        )
        result = intake.register_report(self.clerk, data)
        return {"case_no": result.case_no}

    def attach(self, s: CaseState) -> dict[str, Any]:
        assert s.first_item is not None
        info = attachments.add_attachment(
            self.clerk,
            self.rng.choice(self.scans),
            file_name="单证扫描件.jpg",
            owner_type="checklist_item",
            owner_id=s.first_item,
        )
        return {"file_id": info.file_id}

    def receive(self, s: CaseState, item: tuple[int, int]) -> dict[str, Any]:
        receipt = checklists.Receipt(self.bo.now() - timedelta(seconds=1), True, 1, "客户本人")
        checklists.receive_item(self.clerk, s.case_id, item[0], receipt, expected_version=item[1])
        return {"item": item[0]}

    def withdraw(self, s: CaseState) -> dict[str, Any]:
        payments.withdraw_case(
            self.clerk, s.case_no, confirmation="客户来电确认撤案", expected_version=s.version
        )
        return {}

    def calculate(self, s: CaseState) -> dict[str, Any]:
        repair = self.rng.choices([r for r, _ in REPAIRS], [w for _, w in REPAIRS])[0]
        inputs = {
            "method": "motor_damage",
            "clause": "2020",
            "sum_insured": f"{SUM_INSURED:.2f}",
            "new_vehicle_price": f"{SUM_INSURED:.2f}",
            "repair_cost": f"{repair:.2f}",
            "salvage": "0",
            "liability_ratio": "1",
        }
        view = calculations.calculate_case(
            self.clerk, s.case_no, [LineInput("vehicle_damage", inputs)], expected_version=s.version
        )
        return {"version_no": view.version_no}

    def submit(self, s: CaseState) -> dict[str, Any]:
        levels = approvals.submit(self.clerk, s.case_no, expected_version=s.version)
        return {"top_level": levels[-1]}

    def sign(self, s: CaseState, name: str, decision: str) -> dict[str, Any]:
        extra = {}
        if decision == "return":
            extra = {"reason_code": "documents_missing"}
        elif decision == "deny":
            extra = {"reason_code": "exclusion", "clause": "条款第二十四条", "facts": "事故属于责任免除情形"}
        status = approvals.sign(
            self.approvers[name], s.case_no, decision, password=PASSWORD, expected_version=s.version, **extra
        )
        return {"decision": decision, "level": s.next_level, "signer": name, "status": status}

    def pay(self, s: CaseState, amount_fen: int) -> dict[str, Any]:
        view = payments.add_payment(
            self.payer,
            s.case_no,
            amount=fen_to_yuan(amount_fen),
            bank_account=random_bank_card(self.rng),
            bank_name="工商银行",
        )
        return {"payment_id": view.id, "amount_fen": amount_fen}

    def mark_paid(self, payment: tuple[int, str, int, int]) -> dict[str, Any]:
        self.references += 1
        reference = f"STRESS-{self.config.seed}-{self.worker}-{self.references}"
        payments.mark_paid(
            self.payer,
            payment[0],
            paid_on=self.bo.now().date(),
            reference=reference,
            expected_version=payment[3],
        )
        return {"payment_id": payment[0], "reference": reference, "amount_fen": payment[2]}

    def close(self, s: CaseState, reason: str) -> dict[str, Any]:
        payments.close_case(self.payer, s.case_no, reason=reason, expected_version=s.version)
        return {"reason": reason}

    def build(self, s: CaseState) -> dict[str, Any]:
        info = archive.build_volume(self.archivist, s.case_no)
        return {"archive_no": info.archive_no, "version": info.version, "sha256": info.sha256}

    # ---- running ------------------------------------------------------------------------------------

    def record(self, op: str, case_no: str, extra: dict[str, Any]) -> None:
        self.done[op] += 1
        line = {"worker": self.worker, "op": op, "case_no": case_no, **extra}
        self.log.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.log.flush()

    def failed(self, op: str, case_no: str, exc: BaseException) -> None:
        self.unexpected.append(
            {"op": op, "case_no": case_no, "error": type(exc).__name__, "detail": str(exc)[:300]}
        )
        self.given_up.add(case_no)

    def work_on(self, case_no: str) -> None:
        """One step on one case, retried with a fresh read after a conflict."""
        for _attempt in range(MAX_ATTEMPTS):
            state = self.read(case_no)
            step = self.plan(state)
            if step is None:
                return
            began = time.perf_counter()
            try:
                extra = step.run()
            except ConflictError:
                self.conflicts[step.op] += 1
                continue
            except DomainError as exc:
                if self.read(case_no).fingerprint() != state.fingerprint():
                    self.stale[step.op] += 1  # refused because somebody else moved the case on first
                    continue
                self.failed(step.op, case_no, exc)
                return
            except Exception as exc:
                self.failed(step.op, case_no, exc)
                return
            finally:
                self.seconds[step.op] += time.perf_counter() - began
            self.record(step.op, case_no, extra)
            return

    def run(self) -> None:
        quota, registered = self.config.quota(self.worker), 0
        while time.time() < self.config.deadline:
            open_cases = self.open_cases()
            if registered < quota and (not open_cases or self.rng.random() < REGISTER_SHARE):
                registered += 1
                began = time.perf_counter()
                try:
                    extra = self.register()
                except Exception as exc:
                    self.failed("register", "-", exc)
                    continue
                finally:
                    self.seconds["register"] += time.perf_counter() - began
                self.record("register", extra.pop("case_no"), extra)
                continue
            if not open_cases:
                return
            hot = open_cases[:3] if self.rng.random() < HOT_SHARE else open_cases
            self.work_on(self.rng.choice(hot))
        self.unexpected.append({"op": "-", "case_no": "-", "error": "Timeout", "detail": "deadline passed"})

    def close_all(self) -> None:
        summary = {
            "worker": self.worker,
            "summary": {
                "done": dict(self.done),
                "conflicts": dict(self.conflicts),
                "stale": dict(self.stale),
                "unexpected": self.unexpected,
                "seconds": {op: round(s, 2) for op, s in self.seconds.items()},
            },
        }
        self.log.write(json.dumps(summary, ensure_ascii=False) + "\n")
        self.log.close()
        self.bo.close()


def run_worker(config: RunConfig, worker: int) -> None:
    """The target of each spawned process."""
    with tempfile.TemporaryDirectory(prefix="backoffice-stress-") as scans:
        state = Worker(config, worker, Path(scans))
        try:
            state.run()
        finally:
            state.close_all()
