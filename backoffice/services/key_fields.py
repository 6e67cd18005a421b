"""Key rotation for the encrypted columns outside persons and attachments (cases, loss items, payments, …).

Every ``*_enc`` LargeBinary column holds field ciphertexts whose header names their key version
(security.fields). ``reencrypt_fields`` rewrites, table by table in batches (one transaction each), every
value still under an older version; a value a user changed in the meantime is left alone (the update is
a compare-and-set on the old ciphertext), since it was written under the current version anyway.
``versions_in_use`` lists every key version any encrypted value still needs, so that a version is never
retired while something is readable only with it. Persons (with their blind indexes) and attachments
(with their files) are rotated by services.keys itself.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Column, LargeBinary, Table, and_, func, select, update
from sqlalchemy.orm import Session

from backoffice.db import models, models_approval, models_archive, models_intake, models_sla
from backoffice.db.base import Base
from backoffice.domain.errors import ConflictError
from backoffice.security.fields import FieldCipher, key_version_of
from backoffice.services.context import UserSession

ROTATED_ELSEWHERE = ("persons", "attachments")
_MODELS = (models, models_approval, models_archive, models_intake, models_sla)  # every table registered


def encrypted_columns(*, everywhere: bool = False) -> list[tuple[Table, tuple[Column[bytes], ...]]]:
    """Tables and their ``*_enc`` columns (without persons and attachments unless ``everywhere``). Each
    such table has an integer ``id``: the cell binding of its values (a new one without fails loudly)."""
    found = []
    for table in Base.metadata.sorted_tables:
        if table.name in ROTATED_ELSEWHERE and not everywhere:
            continue
        columns = tuple(
            c for c in table.columns if c.name.endswith("_enc") and isinstance(c.type, LargeBinary)
        )
        if columns:
            found.append((table, columns))
    return found


def _version(blob: bytes | None) -> int | None:
    if not blob:
        return None  # no value (or the empty placeholder of a row being written)
    try:
        return key_version_of(bytes(blob))
    except ValueError:
        return -1  # malformed: reencrypt names the cell with a FieldIntegrityError


def _rewrite(
    db: Session,
    cipher: FieldCipher,
    current: int,
    table: Table,
    columns: tuple[Column[bytes], ...],
    row_id: int,
) -> bool:
    """Re-encrypt one row's old values; if a user changes the row meanwhile, read it again and retry."""
    for _attempt in range(5):
        values = db.execute(select(*columns).where(table.c.id == row_id)).one()._mapping
        old = [c for c in columns if _version(values[c]) not in (None, current)]
        if not old:
            return False
        changes: dict[str, object] = {
            c.name: cipher.reencrypt(bytes(values[c]), table=table.name, column=c.name, row_id=row_id)
            for c in old
        }
        if "key_version" in table.c:
            changes["key_version"] = current
        unchanged = and_(*(c == values[c] for c in old))
        if db.execute(update(table).where(table.c.id == row_id, unchanged).values(**changes)).rowcount:
            return True
    raise ConflictError(
        "记录 {table} #{id} 在密钥轮换期间被反复修改：请稍后再次运行密钥轮换。", table=table.name, id=row_id
    )


def reencrypt_fields(
    us: UserSession, *, batch: int = 500, progress: Callable[[str, int, int], None] | None = None
) -> int:
    """Re-encrypt every value under an older key version; returns the number of rows rewritten."""
    cipher, current = FieldCipher(us.keyring), us.keyring.current_version
    tables = encrypted_columns()
    rewritten = 0
    for number, (table, columns) in enumerate(tables, start=1):
        last_id = 0
        while True:
            with us.bo.db.unit_of_work() as db:
                rows = db.execute(
                    select(table.c.id, *columns).where(table.c.id > last_id).order_by(table.c.id).limit(batch)
                ).all()
                for row in rows:
                    if any(_version(row._mapping[c]) not in (None, current) for c in columns):
                        rewritten += _rewrite(db, cipher, current, table, columns, row.id)
            if rows:
                last_id = rows[-1].id
            if len(rows) < batch:
                break
        if progress:
            progress("fields", number, len(tables))
    return rewritten


def versions_in_use(db: Session) -> set[int]:
    """Every key version some encrypted value (in any table, persons and attachments included) needs."""
    used: set[int] = set()
    for _table, columns in encrypted_columns(everywhere=True):
        for column in columns:
            headers = db.execute(select(func.substr(column, 1, 6)).where(column.is_not(None)).distinct())
            for (header,) in headers:
                if header and len(header) == 6:
                    used.add(int.from_bytes(bytes(header)[2:6], "big"))
    return used
