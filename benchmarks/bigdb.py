"""A realistic 1,000,000-case encrypted SQLite database, generated fast and cached between runs.

The schema comes from the app's own migrations and the first users from its own services (real key slots
and Argon2 password hashes); everything else is written in its stored format with ``executemany`` on one
connection (no per-case service path):

- persons (one per two cases): name, ID number, mobile, bank card and details AES-256-GCM encrypted per
  cell by ``services.people.person_columns``, with the blind indexes the real lookup uses;
- policies (0.6 per case) over five years of inception dates, four lines, motor plates encrypted, one or
  two coverages each;
- cases over four years (reported times rise with the id, as registration makes them), numbered like
  ``next_case_no`` (``{year}1100{line}{seq:06d}``), 50 handlers, statuses and stage times shaped so that
  old cases are closed and recent ones open with deadlines around "today" (10 Mar 2026), reporter name,
  phone, place and narrative encrypted, estimated losses log-normal, a few risk flags;
- deadlines per stage (registration, review, payment) as the SLA service stores them;
- the last year's cases with their four common checklist items, and an attachment row (encrypted file
  name; no file in the store) for each received item.

Plain copies of ID numbers and mobiles go to ``plain.sqlite3`` next to it: the baseline of the lookups.
The cache is keyed by size, seed, generator version and schema head (``app_meta`` key ``bench_cases``);
``samples.json`` lists case numbers, policy numbers, ID numbers and mobiles of random cases to look up.
"""

from __future__ import annotations

import bisect
import json
import math
import random
import secrets
import shutil
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from backoffice.db.engine import Database
from backoffice.db.migrate import head_revision, upgrade
from backoffice.db.models import AppMeta, Attachment, Person
from backoffice.db.models_intake import Case, CaseFlagRow, ChecklistItem, Coverage, Policy
from backoffice.db.models_sla import CaseDeadline
from backoffice.domain.demo_data import random_bank_card, random_person
from backoffice.domain.sla import WorkingCalendar
from backoffice.security.fields import FieldCipher
from backoffice.security.keys import Keyring
from backoffice.security.roles import Role
from backoffice.services import auth, setup, users
from backoffice.services.case_numbers import DEFAULT_BRANCH, DEFAULT_FORMAT, format_case_no
from backoffice.services.context import Backoffice, UserSession
from backoffice.services.people import PersonInput, person_columns
from backoffice.settings import Settings

GENERATOR_VERSION = 3  # bump when the generated shapes change: the database is then built anew
PASSWORD = "bench-password"
NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai: "today" of every measurement
FIRST_REPORT = datetime(2022, 1, 1, tzinfo=UTC)
FIRST_POLICY = date(2021, 1, 1)
HANDLERS = 50
BATCH = 20_000
CAL = WorkingCalendar()
LINES = ("motor",) * 14 + ("property",) * 3 + ("health_accident",) * 2 + ("liability",)
PRODUCTS = {
    "motor": (
        "机动车商业保险",
        "PDAA",
        (("vehicle_damage", "机动车损失保险"), ("motor_third_party", "机动车第三者责任保险")),
    ),
    "property": ("企业财产保险", "PQAA", (("property", "财产基本险"),)),
    "health_accident": ("个人意外伤害保险", "PEAA", (("medical", "意外医疗保险"),)),
    "liability": ("公众责任保险", "PZAA", (("public_liability", "公众责任保险"),)),
}
REVIEW_DAYS = {"simple": 3, "normal": 5, "complex": 10}
PAYMENT_DAYS = {"simple": 1, "normal": 3, "complex": 5}
FLAGS = ("early_claim", "repeat_claimant", "late_report", "near_authority_limit")
CHECKLIST = (
    ("claim_form", "索赔申请书或报案记录", True),
    ("policy", "保险单或保险单号", False),
    ("insured_id", "被保险人身份证明", False),
    ("payee_account", "领款人银行账户信息", False),
)
PLACES = (
    "北京市朝阳区建国路",
    "北京市海淀区中关村大街",
    "北京市丰台区南三环西路",
    "河北省廊坊市广阳区新华路",
)
NARRATIVES = (
    "倒车时与后方车辆发生碰撞",
    "路口左转时与直行车辆刮擦",
    "停放期间被不明车辆碰撞",
    "暴雨导致车辆涉水",
)


@dataclass(frozen=True)
class BigDb:
    bo: Backoffice
    directory: Path
    cases: int
    samples: dict[str, list[str]]
    build_seconds: float | None  # None: reused from the cache

    @property
    def path(self) -> Path:
        return self.directory / "bench.sqlite3"

    @property
    def plain_path(self) -> Path:
        return self.directory / "plain.sqlite3"

    def sign_in(self, username: str) -> UserSession:
        return auth.sign_in(self.bo, username, PASSWORD)


def cache_dir(root: Path, count: int) -> Path:
    return root / f"cases-{count}-schema{head_revision()}-g{GENERATOR_VERSION}"


def open_bo(path: Path, clock: Any = lambda: NOW) -> Backoffice:
    url = f"sqlite:///{path}"
    return Backoffice(Settings(path.parent, url), Database(url), clock=clock)


def open_or_build(root: Path, count: int, seed: int = 1) -> BigDb:
    """The cached database for ``count`` cases, built first if missing or made by another version."""
    directory = cache_dir(root, count)
    marker = f"{count}:{seed}:g{GENERATOR_VERSION}:{head_revision()}"
    samples_file = directory / "samples.json"
    path = directory / "bench.sqlite3"
    if path.exists() and samples_file.exists():
        bo = open_bo(path)
        with bo.db.unit_of_work(write=False) as db:
            built = db.get(AppMeta, "bench_cases")
        if built is not None and built.value == marker:
            return BigDb(bo, directory, count, json.loads(samples_file.read_text()), None)
        bo.close()
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    print(f"  building {count:,} cases in {directory} (cached for later runs)", flush=True)
    started = time.perf_counter()
    bo = open_bo(path)
    upgrade(bo.db)
    samples = _build(bo, path, count, seed)
    with bo.db.unit_of_work() as db:
        db.add(AppMeta(key="bench_cases", value=marker))
    samples_file.write_text(json.dumps(samples, ensure_ascii=False, indent=1))
    seconds = time.perf_counter() - started
    print(f"  built in {seconds:.0f} s, {path.stat().st_size / 1e9:.2f} GB", flush=True)
    return BigDb(bo, directory, count, samples, seconds)


# --- helpers ---------------------------------------------------------------------------------------


def _ts(moment: datetime) -> str:
    """A timestamp as SQLAlchemy stores it on SQLite (naive UTC text)."""
    return moment.replace(tzinfo=None).isoformat(" ", "microseconds")  # every moment here is UTC


def _day(moment: datetime) -> date:
    return (moment + timedelta(hours=8)).date()


@cache
def _add(start: date, n: int) -> date:
    return CAL.add_working_days(start, n)


@cache
def _between(a: date, b: date) -> int:
    return CAL.working_days_between(a, b)


@cache
def _end_of(day: date) -> str:
    return _ts(datetime.combine(day + timedelta(days=1), datetime.min.time(), UTC) - timedelta(hours=8))


def _insert_sql(table: Any) -> tuple[list[str], str]:
    columns = [c.name for c in table.__table__.columns]
    sql = f"INSERT INTO {table.__tablename__} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    return columns, sql


class _Writer:
    """Bulk inserts on one connection of its own, with a large cache and no fsync while loading."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA synchronous = OFF")
        self.conn.execute("PRAGMA cache_size = -400000")  # 400 MB
        self.conn.execute("PRAGMA foreign_keys = OFF")
        self.sql: dict[Any, tuple[list[str], str]] = {}

    def write(self, batches: dict[Any, list[dict[str, Any]]]) -> None:
        self.conn.execute("BEGIN")
        for model, rows in batches.items():
            if rows:
                columns, sql = self.sql.setdefault(model, _insert_sql(model))
                self.conn.executemany(sql, [tuple(row.get(c) for c in columns) for row in rows])
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


# --- building --------------------------------------------------------------------------------------


def _staff(bo: Backoffice) -> tuple[list[int], Keyring]:
    setup.initialise(bo, admin_username="admin", admin_display_name="admin", admin_password=PASSWORD)
    admin = auth.sign_in(bo, "admin", PASSWORD)
    users.add_user(
        admin, username="sup", display_name="主管", password=PASSWORD, roles=frozenset({Role.SUPERVISOR})
    )
    handlers = []
    for n in range(1, HANDLERS + 1):
        handlers.append(
            users.add_user(
                admin,
                username=f"h{n:02d}",
                display_name=f"内勤{n:02d}",
                password=PASSWORD,
                roles=frozenset({Role.CLERK}),
            ).id
        )
    with bo.db.engine.begin() as conn:  # five teams by line assignment
        conn.exec_driver_sql(
            "UPDATE users SET lines = 'motor' WHERE username <= 'h30' AND username LIKE 'h%'"
        )
    return handlers, admin.keyring


def _build(bo: Backoffice, path: Path, count: int, seed: int) -> dict[str, list[str]]:
    handlers, keyring = _staff(bo)
    rng = random.Random(seed)
    writer = _Writer(path)
    try:
        people = _persons(writer, keyring, rng, max(1, count // 2), path.with_name("plain.sqlite3"))
        policies = _policies(writer, keyring, rng, max(1, count * 6 // 10), len(people[0]))
        samples = _cases(writer, keyring, rng, count, handlers, people, policies)
    finally:
        writer.close()
    return samples


def _progress(what: str, done: int, total: int, started: float) -> None:
    if done % 100_000 == 0 or done == total:
        print(f"  {what}: {done:,} of {total:,} in {time.perf_counter() - started:.0f} s", flush=True)


def _chunks(total: int) -> Iterator[range]:
    for first in range(1, total + 1, BATCH):
        yield range(first, min(first + BATCH, total + 1))


def _persons(
    writer: _Writer, keyring: Keyring, rng: random.Random, total: int, plain_path: Path
) -> tuple[list[str], list[str], list[str]]:
    """(names, ID numbers, mobiles) by person id - 1; the plain baseline table written alongside."""
    names: list[str] = []
    ids: list[str] = []
    mobiles: list[str] = []
    plain = sqlite3.connect(plain_path, isolation_level=None)
    plain.execute("CREATE TABLE persons_plain (id INTEGER PRIMARY KEY, id_number TEXT, mobile TEXT)")
    now = _ts(NOW)
    started = time.perf_counter()
    for chunk in _chunks(total):
        rows = []
        for person_id in chunk:
            p = random_person(rng)
            bank = random_bank_card(rng) if rng.random() < 0.6 else None
            data = PersonInput(p.name, p.id_number, p.mobile, bank, p.sex.value, p.birth_date, None)
            names.append(p.name)
            ids.append(p.id_number or "")
            mobiles.append(p.mobile or "")
            rows.append(
                {
                    "id": person_id,
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                    **person_columns(keyring, person_id, data),
                }
            )
        writer.write({Person: rows})
        plain.execute("BEGIN")
        plain.executemany(
            "INSERT INTO persons_plain VALUES (?, ?, ?)",
            [(i, ids[i - 1], mobiles[i - 1]) for i in chunk],
        )
        plain.execute("COMMIT")
        _progress("persons", chunk[-1], total, started)
    plain.execute("CREATE INDEX ix_plain_id_number ON persons_plain (id_number)")
    plain.execute("CREATE INDEX ix_plain_mobile ON persons_plain (mobile)")
    plain.close()
    return names, ids, mobiles


@dataclass(frozen=True)
class _Policies:
    numbers: list[str]  # by policy id - 1
    insured: list[int]
    by_line: dict[str, tuple[list[int], list[int]]]  # line → (start ordinals ascending, policy ids)


def _policies(writer: _Writer, keyring: Keyring, rng: random.Random, total: int, persons: int) -> _Policies:
    """Inception dates rising with the id over five years; one-year periods."""
    cipher = FieldCipher(keyring)
    span = (NOW.date() - FIRST_POLICY).days
    numbers: list[str] = []
    insured: list[int] = []
    by_line: dict[str, tuple[list[int], list[int]]] = {line: ([], []) for line in PRODUCTS}
    seq: dict[tuple[str, int], int] = {}
    now = _ts(NOW)
    started = time.perf_counter()
    for chunk in _chunks(total):
        rows, coverages = [], []
        for policy_id in chunk:
            line = rng.choice(LINES)
            product, prefix, covers = PRODUCTS[line]
            start = FIRST_POLICY + timedelta(days=(policy_id - 1) * span // total)
            key = (prefix, start.year)
            seq[key] = seq.get(key, 0) + 1
            number = f"{prefix}{start.year}{DEFAULT_BRANCH}{seq[key]:08d}"
            person = rng.randint(1, persons)
            numbers.append(number)
            insured.append(person)
            by_line[line][0].append(start.toordinal())
            by_line[line][1].append(policy_id)
            value = rng.choice((50_000, 100_000, 200_000, 300_000, 500_000, 1_000_000)) * 100
            plate = (
                f"京{rng.choice('ABCEFGHJKLMNPQ')}{rng.randint(10000, 99999)}" if line == "motor" else None
            )
            rows.append(
                {
                    "id": policy_id,
                    "policy_no": number,
                    "product": product,
                    "line": line,
                    "insured_id": person,
                    "period_start": start.isoformat(),
                    "period_end": (start + timedelta(days=364)).isoformat(),
                    "insured_value_fen": value if line == "property" else None,
                    "new_vehicle_price_fen": value * 12 // 10 if line == "motor" else None,
                    "vehicle_plate_enc": cipher.encrypt_optional(
                        plate, table="policies", column="vehicle_plate_enc", row_id=policy_id
                    ),
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                }
            )
            for code, name in covers:
                coverages.append(
                    {
                        "policy_id": policy_id,
                        "code": code,
                        "name": name,
                        "sum_insured_fen": value,
                        "deductible_fen": rng.choice((0, 0, 50_000, 100_000)),
                        "deductible_rate": "0",
                        "per_person_limit_fen": None,
                    }
                )
        writer.write({Policy: rows, Coverage: coverages})
        _progress("policies", chunk[-1], total, started)
    return _Policies(numbers, insured, by_line)


def _pick_policy(rng: random.Random, policies: _Policies, line: str, incident: date) -> int:
    """A policy of the line in force on the incident day (inception within the year before)."""
    starts, ids = policies.by_line[line]
    hi = bisect.bisect_right(starts, incident.toordinal())
    lo = bisect.bisect_left(starts, incident.toordinal() - 364)
    if hi <= lo:
        return ids[max(0, min(hi, len(ids)) - 1)]
    return ids[rng.randrange(lo, hi)]


def _cases(
    writer: _Writer,
    keyring: Keyring,
    rng: random.Random,
    total: int,
    handlers: list[int],
    people: tuple[list[str], list[str], list[str]],
    policies: _Policies,
) -> dict[str, list[str]]:
    names, id_numbers, mobiles = people
    cipher = FieldCipher(keyring)
    span = (NOW - FIRST_REPORT).total_seconds()
    # Registration order: reported times rise with the id (sorted uniform draws, four years).
    moments = sorted(rng.random() for _ in range(total))
    counters: dict[str, int] = {}
    recent = NOW - timedelta(days=365)
    deadline_id = item_id = attachment_id = 0
    chosen = set(rng.sample(range(1, total + 1), min(total, 300)))
    samples: dict[str, list[str]] = {"case_no": [], "policy_no": [], "id_number": [], "mobile": []}
    started = time.perf_counter()
    for chunk in _chunks(total):
        batch: dict[Any, list[dict[str, Any]]] = {
            Case: [],
            CaseDeadline: [],
            CaseFlagRow: [],
            ChecklistItem: [],
            Attachment: [],
        }
        for case_id in chunk:
            reported = FIRST_REPORT + timedelta(seconds=moments[case_id - 1] * span)
            line = rng.choice(LINES)
            incident = reported - timedelta(hours=rng.randint(1, 60))
            policy_id = _pick_policy(rng, policies, line, _day(incident))
            customer = policies.insured[policy_id - 1]
            prefix = format_case_no(
                DEFAULT_FORMAT, year=_day(reported).year, branch=DEFAULT_BRANCH, line=line, seq=0
            )
            counters[prefix] = counters.get(prefix, 0) + 1
            case_no = format_case_no(
                DEFAULT_FORMAT,
                year=_day(reported).year,
                branch=DEFAULT_BRANCH,
                line=line,
                seq=counters[prefix],
            )
            row, deadlines = _case(rng, case_id, reported, handlers)
            reporter_self = rng.random() < 0.85
            reporter = names[customer - 1] if reporter_self else random_person(rng).name
            phone = mobiles[customer - 1] if reporter_self else f"13{rng.randint(0, 999999999):09d}"
            flags = [rng.choice(FLAGS)] if rng.random() < 0.05 else []

            def enc(column: str, value: str | None, case_id: int = case_id) -> bytes | None:
                return cipher.encrypt_optional(value, table="cases", column=column, row_id=case_id)

            row |= {
                "case_no": case_no,
                "policy_id": policy_id,
                "customer_id": customer,
                "line": line,
                "incident_at": _ts(incident),
                "reporter_name_enc": enc("reporter_name_enc", reporter),
                "reporter_phone_enc": enc("reporter_phone_enc", phone),
                "reporter_relation": "self" if reporter_self else rng.choice(("family", "driver", "agent")),
                "incident_place_enc": enc(
                    "incident_place_enc", f"{rng.choice(PLACES)}{rng.randint(1, 300)}号"
                ),
                "narrative_enc": enc("narrative_enc", rng.choice(NARRATIVES)),
                "flags": ",".join(flags),
            }
            batch[Case].append(row)
            batch[CaseFlagRow].extend({"case_id": case_id, "code": f} for f in flags)
            for deadline in deadlines:
                deadline_id += 1
                batch[CaseDeadline].append(deadline | {"id": deadline_id, "line": line})
            if reported >= recent:
                for position, (code, title, original) in enumerate(CHECKLIST, 1):
                    item_id += 1
                    received = row["status"] != "registered" or rng.random() < 0.5
                    at = reported + timedelta(hours=rng.randint(1, 72))
                    batch[ChecklistItem].append(
                        {
                            "id": item_id,
                            "case_id": case_id,
                            "position": position,
                            "code": code,
                            "title": title,
                            "mandatory": 1,
                            "original_required": int(original),
                            "received_at": _ts(min(at, NOW)) if received else None,
                            "is_original": int(original) if received else None,
                            "pages": 1 if received else None,
                            "received_from": "客户" if received else "",
                            "received_by": row["handler_id"] if received else None,
                            "version": 1,
                        }
                    )
                    if received:
                        attachment_id += 1
                        name = f"{title}-{case_no}.jpg"
                        batch[Attachment].append(
                            {
                                "id": attachment_id,
                                "file_id": secrets.token_hex(16),
                                "owner_type": "checklist_item",
                                "owner_id": item_id,
                                "filename_enc": cipher.encrypt(
                                    name, table="attachments", column="filename_enc", row_id=attachment_id
                                ),
                                "media_type": "image/jpeg",
                                "size": rng.randint(150_000, 600_000),
                                "pages": 1,
                                "digest": secrets.token_hex(32),
                                "key_version": keyring.current_version,
                                "created_at": _ts(min(at, NOW)),
                                "created_by": row["handler_id"],
                            }
                        )
            if case_id in chosen:
                samples["case_no"].append(case_no)
                samples["policy_no"].append(policies.numbers[policy_id - 1])
                samples["id_number"].append(id_numbers[customer - 1])
                samples["mobile"].append(mobiles[customer - 1])
        writer.write(batch)
        _progress(
            f"cases ({deadline_id:,} deadlines, {attachment_id:,} attachments)", chunk[-1], total, started
        )
    writer.conn.execute("BEGIN")
    writer.conn.executemany(
        "INSERT INTO case_number_counters (prefix, next_value) VALUES (?, ?)",
        [(prefix, last + 1) for prefix, last in counters.items()],
    )
    writer.conn.execute("COMMIT")
    for values in samples.values():
        rng.shuffle(values)
    return samples


def _case(
    rng: random.Random, case_id: int, reported: datetime, handlers: list[int]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One case's status, stage times and deadlines (old cases closed, recent ones open)."""
    age = (NOW - reported).days
    complexity = rng.choices(("simple", "normal", "complex"), (5, 4, 1))[0]
    injury = rng.random() < 0.1
    complete = reported + timedelta(days=rng.choice((0, 1, 2, 3, 5, 8)), hours=rng.randint(1, 6))
    approved = complete + timedelta(days=rng.randint(1, 15), hours=1)
    paid = approved + timedelta(days=rng.choice((0, 1, 1, 2, 4)), hours=2)
    closed = paid + timedelta(days=rng.randint(1, 20))
    is_open = closed > NOW or (age < 120 and rng.random() < 0.3) or rng.random() < 0.01
    stage = "closed"
    if is_open:
        stage = rng.choice(("collecting", "review", "payment")) if complete < NOW else "collecting"
        if stage == "payment" and approved > NOW:
            stage = "review"
    status = {"closed": "closed", "collecting": "registered", "review": "calculated", "payment": "approved"}[
        stage
    ]
    handler = rng.choice(handlers)
    loss = min(50_000_000, max(20_000, int(math.exp(rng.gauss(math.log(800_000), 1.0)))))
    row: dict[str, Any] = {
        "id": case_id,
        "status": status,
        "complexity": complexity,
        "complexity_auto": complexity,
        "complexity_reason": "",
        "handler_id": handler,
        "channel": rng.choice(("hotline", "hotline", "hotline", "app", "agent", "counter")),
        "received_by": handler,
        "reported_at": _ts(reported),
        "cause": rng.choice(("collision", "collision", "collision", "theft", "natural_disaster", "glass")),
        "estimated_loss_fen": loss,
        "settlement_fen": None,
        "has_injury": int(injury),
        "death_or_disability": 0,
        "litigation": 0,
        "disputed_liability": 0,
        "conditions": "injury" if injury else "",
        "materials_complete_at": _ts(complete) if stage != "collecting" else None,
        "approval_chain_no": 0,
        "approval_next_level": None,
        "approval_top_level": None,
        "approval_assignee_id": None,
        "approved_fen": loss * 9 // 10 if stage in ("payment", "closed") else None,
        "approved_at": _ts(approved) if stage in ("payment", "closed") else None,
        "paid_fen": loss * 9 // 10 if stage == "closed" else 0,
        "closed_at": _ts(closed) if stage == "closed" else None,
        "closing_reason": "paid" if stage == "closed" else "",
        "injury_settlement": ("mediation" if rng.random() < 0.9 else "judgment")
        if injury and stage == "closed"
        else "",
        "last_activity_at": _ts(min(NOW, complete if stage != "closed" else closed)),
        "key_version": 1,
        "created_at": _ts(reported),
        "version": 1,
    }
    deadlines = []
    if stage != "collecting":
        deadlines.append(
            _deadline(case_id, "registration", "registration", complete, 1, complete + timedelta(hours=3))
        )
        review_end = approved if stage in ("payment", "closed") else None
        review = f"review.{complexity}"
        deadlines.append(_deadline(case_id, "review", review, complete, REVIEW_DAYS[complexity], review_end))
    if stage in ("payment", "closed"):
        payment_end = paid if stage == "closed" else None
        key = f"payment.{complexity}"
        deadlines.append(_deadline(case_id, "payment", key, approved, PAYMENT_DAYS[complexity], payment_end))
    return row, [deadline | {"handler_id": handler} for deadline in deadlines]


def _deadline(
    case_id: int, stage: str, key: str, start: datetime, days: int, end: datetime | None
) -> dict[str, Any]:
    start_day = _day(start)
    due = _add(start_day, days)
    row: dict[str, Any] = {
        "case_id": case_id,
        "stage": stage,
        "rule_key": key,
        "ref_id": None,
        "started_at": _ts(start),
        "start_day": start_day.isoformat(),
        "due_day": due.isoformat(),
        "due_at": _end_of(due),
        "effective_due": due.isoformat(),
        "uncovered_years": "",
        "paused_days": 0,
        "status": "open",
        "warning_level": "none",
        "extension_reason": "",
    }
    if end is not None and end <= NOW:
        end_day = _day(end)
        row |= {
            "status": "met" if end_day <= due else "missed",
            "finished_at": _ts(end),
            "elapsed_days": max(0, _between(start_day, end_day)),
        }
    elif due < _day(NOW):
        row |= {"warning_level": "red", "red_at": _ts(NOW)}
    return row
