"""The follow-up duties of warnings (seed 003 §四(二)), tracked as tasks.

Yellow: the handler reports progress to the department head within 1 working day. Red: the department
head (a supervisor) hands management a written rectification within 2 working days. ``sla_warnings``
creates the tasks; here they are listed and done (the note is encrypted: it may name people).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, Select, or_, select
from sqlalchemy.orm import aliased

from backoffice.db.models import User
from backoffice.db.models_intake import Case
from backoffice.db.models_sla import CaseDeadline, SlaTask
from backoffice.domain.errors import DomainError, NotFound, PermissionDenied, ValidationError
from backoffice.security.fields import FieldCipher
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.case_events import add_event
from backoffice.services.context import UserSession
from backoffice.services.deadlines import STAGE_LABELS
from backoffice.services.guard import require
from backoffice.services.sla_config import business_day

TASK_KINDS = {"progress_report": "黄色预警进展汇报", "rectification": "红色预警书面整改报告"}
MAX_NOTE = 2000


@dataclass(frozen=True)
class TaskView:
    id: int
    kind: str
    kind_label: str
    case_no: str
    stage_label: str
    assignee: str  # empty: any supervisor
    created_at: datetime
    due_day: date
    status: str
    overdue: bool
    done_at: datetime | None
    note: str | None  # only for tasks that are done, to users who may see them


def _query() -> Select[Any]:
    assignee = aliased(User)
    return (
        select(SlaTask, Case.case_no, CaseDeadline.stage, assignee.display_name)
        .join(Case, Case.id == SlaTask.case_id)
        .join(CaseDeadline, CaseDeadline.id == SlaTask.deadline_id)
        .outerjoin(assignee, assignee.id == SlaTask.assignee_id)
    )


def _views(us: UserSession, rows: Sequence[Row[Any]]) -> list[TaskView]:
    today = business_day(us.bo.now())
    cipher = FieldCipher(us.keyring)
    return [
        TaskView(
            task.id,
            task.kind,
            TASK_KINDS.get(task.kind, task.kind),
            case_no,
            STAGE_LABELS.get(stage, stage),
            assignee or "",
            task.created_at,
            task.due_day,
            task.status,
            task.status == "open" and task.due_day < today,
            task.done_at,
            cipher.decrypt_optional(task.note_enc, table="sla_tasks", column="note_enc", row_id=task.id),
        )
        for task, case_no, stage, assignee in rows
    ]


def my_tasks(us: UserSession) -> list[TaskView]:
    """Open tasks for the user: their own progress reports; for supervisors also every rectification."""
    supervisor = us.actor.role_for(Permission.APPROVE_EXTENSIONS) is not None
    with us.bo.db.unit_of_work(write=False) as db:
        mine = SlaTask.assignee_id == us.actor.user_id
        who = or_(mine, SlaTask.kind == "rectification") if supervisor else mine
        query = _query().where(SlaTask.status == "open", who)
        rows = db.execute(query.order_by(SlaTask.due_day, SlaTask.id)).all()
        return _views(us, rows)


def open_tasks(us: UserSession) -> list[TaskView]:
    require(us, Permission.VIEW_KPIS, "sla.tasks", "只有主管和审计员可以查看全部预警任务。", "task")
    with us.bo.db.unit_of_work(write=False) as db:
        query = _query().where(SlaTask.status == "open")
        return _views(us, db.execute(query.order_by(SlaTask.due_day, SlaTask.id)).all())


def complete_task(us: UserSession, task_id: int, *, note: str) -> TaskView:
    """Record the progress report or the rectification; it goes into the case timeline."""
    if not note.strip():
        raise ValidationError("note", "请填写汇报或整改内容。")
    if len(note) > MAX_NOTE:
        raise ValidationError("note", "内容过长（最多 {n} 个字符）。", n=MAX_NOTE)
    with us.bo.db.unit_of_work(write=False) as db:
        found = db.get(SlaTask, task_id)
        if found is None:
            raise NotFound("没有这个预警任务。")
        kind, assignee = found.kind, found.assignee_id
    if kind == "rectification":
        role = require(
            us, Permission.APPROVE_EXTENSIONS, "sla.task.done", "书面整改报告由主管提交。", "task", task_id
        )
    elif assignee == us.actor.user_id:
        role = require(
            us, Permission.HANDLE_CASES, "sla.task.done", "只有经办人可以汇报进展。", "task", task_id
        )
    else:
        audit.record_denied(us, "sla.task.done", "task", str(task_id))
        raise PermissionDenied("进展汇报由案件经办人提交。")
    with us.bo.db.unit_of_work() as db:
        task = db.get(SlaTask, task_id)
        assert task is not None
        if task.status != "open":
            raise DomainError("这个预警任务已经处理过。")
        task.status, task.done_at, task.done_by = "done", us.bo.now(), us.actor.user_id
        task.note_enc = FieldCipher(us.keyring).encrypt(
            note.strip(), table="sla_tasks", column="note_enc", row_id=task.id
        )
        case = db.get(Case, task.case_id)
        assert case is not None
        add_event(db, us, case, f"sla.{task.kind}", None, None, TASK_KINDS.get(task.kind, task.kind))
        audit.record(
            db, us, "sla.task.done", role=role, object_type="case", object_id=case.id, reason=task.kind
        )
        db.flush()
        rows = db.execute(_query().where(SlaTask.id == task.id)).all()
        return _views(us, rows)[0]
