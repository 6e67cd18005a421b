"""The authority matrix in the database: versioned, admin-editable, audited."""

from __future__ import annotations

import json
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.db.models_approval import AuthorityMatrixVersion
from backoffice.domain.approval import DEFAULT_MATRIX, AuthorityLevel, AuthorityMatrix, LineOfBusiness
from backoffice.domain.errors import ConflictError, ValidationError
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.context import UserSession
from backoffice.services.guard import require


def matrix_to_json(matrix: AuthorityMatrix) -> str:
    return json.dumps(
        [
            {
                "level": lv.level,
                "title": lv.title,
                "can_deny": lv.can_deny,
                "can_ex_gratia": lv.can_ex_gratia,
                "limits": {
                    line.value: None if limit is None else str(limit) for line, limit in lv.limits.items()
                },
            }
            for lv in matrix.levels
        ],
        ensure_ascii=False,
        sort_keys=True,
    )


def matrix_from_json(text: str) -> AuthorityMatrix:
    try:
        raw = json.loads(text)
        levels = tuple(
            AuthorityLevel(
                level=int(item["level"]),
                limits={
                    LineOfBusiness(k): None if v is None else Decimal(str(v))
                    for k, v in item["limits"].items()
                },
                can_deny=bool(item.get("can_deny")),
                can_ex_gratia=bool(item.get("can_ex_gratia")),
                title=str(item.get("title", "")),
            )
            for item in raw
        )
    except (ValueError, KeyError, TypeError, ArithmeticError) as exc:
        raise ValidationError("authority_matrix", "权限表格式无效。") from exc
    return AuthorityMatrix(levels)


def current_matrix(db: Session) -> tuple[int, AuthorityMatrix]:
    """(version, matrix): the newest version; the default of DOMAIN.md §8 is stored as version 1."""
    row = db.execute(
        select(AuthorityMatrixVersion).order_by(AuthorityMatrixVersion.id.desc()).limit(1)
    ).scalar()
    if row is None:
        from backoffice.services.context import utc_now

        row = AuthorityMatrixVersion(
            data=matrix_to_json(DEFAULT_MATRIX), created_at=utc_now(), note="默认权限表"
        )
        db.add(row)
        db.flush()
    return row.id, matrix_from_json(row.data)


def get_matrix(us: UserSession) -> tuple[int, AuthorityMatrix]:
    require(us, Permission.VIEW_CASES, "authority.view", "您没有查看权限表的权限。", "authority")
    with us.bo.db.unit_of_work() as db:
        return current_matrix(db)


def _check_version(db: Session, expected: int) -> None:
    """Refuse when the newest version is not ``expected``; the row lock serialises two editors on PostgreSQL
    (SQLite's write transactions already are), and the second read sees a version committed meanwhile."""
    lock = select(AuthorityMatrixVersion.id).where(AuthorityMatrixVersion.id == expected)
    db.execute(lock.with_for_update())
    newest = db.scalar(select(func.max(AuthorityMatrixVersion.id))) or current_matrix(db)[0]
    if newest != expected:
        raise ConflictError(
            "权限表刚被其他管理员修改过（现为第 {version} 版）：请刷新后重新修改。", version=newest
        )


def set_matrix(
    us: UserSession, matrix: AuthorityMatrix, *, note: str, expected_version: int | None = None
) -> int:
    """A new version of the matrix (validated by AuthorityMatrix itself); returns its version.

    With ``expected_version`` (the version the editor started from), a matrix saved meanwhile by another
    admin is a conflict instead of being silently replaced.
    """
    role = require(
        us, Permission.MANAGE_SETTINGS, "authority.edit", "只有系统管理员可以修改权限表。", "authority"
    )
    if not note.strip():
        raise ValidationError("note", "请说明修改权限表的原因。")
    with us.bo.db.unit_of_work() as db:
        if expected_version is not None:
            _check_version(db, expected_version)
        row = AuthorityMatrixVersion(
            data=matrix_to_json(matrix),
            created_at=us.bo.now(),
            created_by=us.actor.user_id,
            note=note.strip()[:500],
        )
        db.add(row)
        db.flush()
        audit.record(
            db,
            us,
            "authority.edit",
            role=role,
            object_type="authority",
            object_id=row.id,
            reason=note.strip()[:200],
        )
        return row.id
