"""Case numbers: unique under contention, by an atomic counter row per prefix.

Default format ``{year}{branch}{line}{seq:06d}`` (year, four-digit branch code, two-digit line code,
six-digit sequence), e.g. ``2026110001000042``. The counter is bumped with one ``UPDATE … RETURNING``,
which locks the row until the registering transaction ends, so concurrent clients never share a number.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from backoffice.db.models_intake import CaseNumberCounter
from backoffice.domain.errors import ValidationError

LINE_CODES = {"motor": "01", "property": "02", "health_accident": "03", "liability": "04"}
DEFAULT_FORMAT = "{year}{branch}{line}{seq:06d}"
DEFAULT_BRANCH = "1100"


def format_case_no(fmt: str, *, year: int, branch: str, line: str, seq: int) -> str:
    try:
        return fmt.format(year=year, branch=branch, line=LINE_CODES[line], seq=seq)
    except (KeyError, IndexError, ValueError) as exc:
        raise ValidationError("case_number_format", "案件号格式“{fmt}”无效。", fmt=fmt) from exc


def next_case_no(
    db: Session, *, year: int, line: str, branch: str = DEFAULT_BRANCH, fmt: str = DEFAULT_FORMAT
) -> str:
    prefix = format_case_no(fmt, year=year, branch=branch, line=line, seq=0)
    insert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    db.execute(insert(CaseNumberCounter).values(prefix=prefix, next_value=1).on_conflict_do_nothing())
    seq = (
        db.execute(
            update(CaseNumberCounter)
            .where(CaseNumberCounter.prefix == prefix)
            .values(next_value=CaseNumberCounter.next_value + 1)
            .returning(CaseNumberCounter.next_value)
        ).scalar_one()
        - 1
    )
    return format_case_no(fmt, year=year, branch=branch, line=line, seq=seq)
