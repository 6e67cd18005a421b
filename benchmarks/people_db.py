"""A large encrypted people database, generated fast but in the app's own stored format.

Rows are built with ``services.people.person_columns`` (the same function the service uses) and inserted
in bulk; a plain table with the same ID numbers in the clear, indexed, serves as the baseline.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from sqlalchemy import insert, text

from backoffice.db.engine import Database
from backoffice.db.migrate import upgrade
from backoffice.db.models import AppMeta, Person
from backoffice.domain.demo_data import random_bank_card, random_person
from backoffice.security.roles import Role
from backoffice.services import auth, setup, users
from backoffice.services.context import Backoffice, UserSession
from backoffice.services.people import PersonInput, person_columns
from backoffice.settings import Settings

PASSWORD = "bench-password"
BATCH = 5_000


def ids_for(count: int, seed: int) -> list[str]:
    """The ID numbers the generator used (regenerated deterministically for lookups)."""
    rng = random.Random(seed)
    return [_person(rng).id_number or "" for _ in range(count)]


def _person(rng: random.Random) -> PersonInput:
    p = random_person(rng)
    bank = random_bank_card(rng)
    return PersonInput(p.name, p.id_number, p.mobile, bank, p.sex.value, p.birth_date, None)


def open_or_build(directory: Path, count: int, seed: int = 1) -> tuple[Backoffice, UserSession]:
    directory.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{directory / 'bench.sqlite3'}"
    bo = Backoffice(Settings(directory, url), Database(url))
    upgrade(bo.db)
    with bo.db.unit_of_work(write=False) as db:
        built = db.get(AppMeta, "bench_persons")
        ready = built is not None and built.value == f"{count}:{seed}"
    if not ready:
        _build(bo, count, seed)
    return bo, auth.sign_in(bo, "clerk", PASSWORD)


def _build(bo: Backoffice, count: int, seed: int) -> None:
    if not setup.is_initialised(bo):
        setup.initialise(bo, admin_username="admin", admin_display_name="admin", admin_password=PASSWORD)
        admin = auth.sign_in(bo, "admin", PASSWORD)
        users.add_user(
            admin, username="clerk", display_name="clerk", password=PASSWORD, roles=frozenset({Role.CLERK})
        )
    clerk = auth.sign_in(bo, "clerk", PASSWORD)
    rng = random.Random(seed)
    now = bo.now()
    started = time.perf_counter()
    with bo.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM persons"))
        conn.execute(text("DROP TABLE IF EXISTS bench_plain_persons"))
        conn.execute(
            text(
                "CREATE TABLE bench_plain_persons (id INTEGER PRIMARY KEY, id_number TEXT, "
                "full_name TEXT, mobile TEXT)"
            )
        )
    for start in range(0, count, BATCH):
        rows, plain = [], []
        for row_id in range(start + 1, min(start + BATCH, count) + 1):
            data = _person(rng)
            rows.append(
                {
                    "id": row_id,
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                    **person_columns(clerk.keyring, row_id, data),
                }
            )
            plain.append(
                {
                    "id": row_id,
                    "id_number": data.id_number,
                    "full_name": data.full_name,
                    "mobile": data.mobile,
                }
            )
        with bo.db.engine.begin() as conn:
            conn.execute(insert(Person), rows)
            conn.execute(
                text("INSERT INTO bench_plain_persons VALUES (:id, :id_number, :full_name, :mobile)"), plain
            )
        done = min(start + BATCH, count)
        if done % 100_000 == 0 or done == count:
            print(f"  generated {done:,} persons in {time.perf_counter() - started:.0f} s", flush=True)
    with bo.db.engine.begin() as conn:
        conn.execute(text("CREATE INDEX ix_bench_plain_id_number ON bench_plain_persons (id_number)"))
        conn.execute(text("ANALYZE"))
    with bo.db.unit_of_work() as db:
        row = db.get(AppMeta, "bench_persons")
        if row is None:
            db.add(AppMeta(key="bench_persons", value=f"{count}:{seed}"))
        else:
            row.value = f"{count}:{seed}"
