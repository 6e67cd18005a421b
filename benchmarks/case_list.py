"""Lookups and the case list among 1,000,000 cases, through the service functions the GUI calls.

- lookups: the case list's search box (``list_cases`` with ``CaseFilter(search=…)``, sorted as the GUI
  sorts) by case number, policy number, ID number and mobile; ``find_people`` (the people lookup, with
  its audit record) by ID number and mobile. Baselines: the same key looked up in a plain indexed column.
- the case list: the first page (200 rows, the GUI's page) in every sortable order, a deep page, the
  total the GUI shows, and the first page under each filter of the filter bar.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from sqlalchemy import text

from backoffice.services.cases import SORTS, CaseFilter, count_cases, list_cases
from backoffice.services.people import find_people
from benchmarks.bigdb import BigDb
from benchmarks.common import Report, Result, measure

PAGE = 200  # ui.case_model.PAGE_SIZE
GUI_SORT = "reported_at"  # ui.case_model.CaseListModel.DEFAULT_SORT, descending


def bench_lookup(report: Report, big: BigDb, samples: int) -> None:
    group = "lookups (≤ 20 ms)"
    print(f"== lookups among {big.cases:,} cases, {big.cases // 2:,} encrypted persons (SQLite)", flush=True)
    clerk = big.sign_in("h01")
    values = {key: found[:samples] for key, found in big.samples.items()}
    plain = sqlite3.connect(big.plain_path)

    def plain_case(value: str) -> Callable[[], None]:
        def call() -> None:
            with big.bo.db.unit_of_work(write=False) as db:
                found = db.execute(text("SELECT id FROM cases WHERE case_no = :v"), {"v": value}).all()
                assert len(found) == 1

        return call

    def plain_person(column: str, value: str) -> Callable[[], None]:
        def call() -> None:
            assert plain.execute(f"SELECT id FROM persons_plain WHERE {column} = ?", (value,)).fetchall()

        return call

    def search(value: str) -> Callable[[], None]:
        def call() -> None:
            assert list_cases(clerk, CaseFilter(search=value), sort=GUI_SORT, limit=PAGE)

        return call

    def search_count(value: str) -> Callable[[], None]:
        def call() -> None:
            assert count_cases(clerk, CaseFilter(search=value)) >= 1

        return call

    def people(field: str, value: str) -> Callable[[], None]:
        def call() -> None:
            assert find_people(clerk, field, value)

        return call

    base = report.timing(
        group,
        measure("plain SQL: cases.case_no = ? (baseline)", [plain_case(v) for v in values["case_no"]]),
    )
    labels = {
        "case_no": "case number",
        "policy_no": "policy number",
        "id_number": "ID number",
        "mobile": "mobile",
    }
    for key, label in labels.items():
        report.timing(
            group,
            measure(f"case list search by {label}: first page", [search(v) for v in values[key]]),
            baseline=base,
            limit=20,
        )
    for key, label in labels.items():
        report.timing(
            group,
            measure(f"case list search by {label}: the total", [search_count(v) for v in values[key]]),
            baseline=base,
        )
    partial = [v[:12] for v in values["case_no"][:20]]  # typing: a prefix shared by up to 1,000 cases
    report.timing(
        group, measure("  search by the first 12 digits of a case number", [search(v) for v in partial])
    )
    years = ["2025", "2024", "2023", "2022"] * 2  # a year: 250,000 cases each
    report.timing(
        group,
        measure("  search by a year's prefix ('2025'): first page", [search(v) for v in years], warmup=1),
        note="more than SEARCH_BY_IDS matches: collected through the indexes, then sorted",
    )
    report.timing(
        group,
        measure(
            "  search by a year's prefix ('2025'): the total", [search_count(v) for v in years], warmup=1
        ),
    )
    for key, label in (("id_number", "ID number"), ("mobile", "mobile")):
        plain_base = report.timing(
            group,
            measure(
                f"plain SQL: persons.{key} = ? in the clear (baseline)",
                [plain_person(key, v) for v in values[key]],
            ),
        )
        report.timing(
            group,
            measure(
                f"find_people by {label} (blind index, decrypt, audit record)",
                [people(key, v) for v in values[key]],
            ),
            baseline=plain_base,
            limit=20,
            note="includes a durable audit write (synchronous=FULL)",
        )
    plain.close()


def bench_list(report: Report, big: BigDb, samples: int, deep: int) -> None:
    group = "case list (first page ≤ 100 ms)"
    deep = min(deep, big.cases // 2)  # a small database still has a deep page
    print(f"== the case list among {big.cases:,} cases: pages of {PAGE}, deep page at {deep:,}", flush=True)
    clerk = big.sign_in("h01")

    def page(
        sort: str, descending: bool, offset: int = 0, flt: CaseFilter | None = None
    ) -> Callable[[], None]:
        def call() -> None:
            rows = list_cases(
                clerk, flt or CaseFilter(), sort=sort, descending=descending, offset=offset, limit=PAGE
            )
            assert rows

        return call

    def plain_page() -> None:
        with big.bo.db.unit_of_work(write=False) as db:
            assert db.execute(text("SELECT id, case_no FROM cases ORDER BY id DESC LIMIT 200")).all()

    base = report.timing(
        group, measure("plain SQL: 200 ids and numbers by id (baseline)", [plain_page] * samples)
    )
    ordered = [GUI_SORT, *(s for s in SORTS if s != GUI_SORT)]
    for sort in ordered:
        for descending in (True, False):
            way = "desc" if descending else "asc"
            default = " (the GUI's default)" if sort == GUI_SORT and descending else ""
            report.timing(
                group,
                measure(f"first page by {sort} {way}{default}", [page(sort, descending)] * samples),
                baseline=base,
                limit=100,
            )
    for sort in ordered:
        report.timing(
            group,
            measure(
                f"deep page (offset {deep:,}) by {sort} desc", [page(sort, True, deep)] * samples, warmup=2
            ),
            baseline=base,
        )
    report.timing(
        group,
        measure("count_cases: the total under the list (no filter)", [lambda: count_cases(clerk)] * samples),
        baseline=base,
        note="runs on its own worker; the first page does not wait for it",
    )
    filters = {
        "status closed (95 %)": CaseFilter(statuses=("closed",)),
        "status registered": CaseFilter(statuses=("registered",)),
        "status denied (none)": CaseFilter(statuses=("denied",)),
        "complexity simple (50 %)": CaseFilter(complexity="simple"),
        "line liability (5 %)": CaseFilter(line="liability"),
        "only mine (handler h01)": CaseFilter(handler="h01"),
        "risk flag late_report": CaseFilter(flag="late_report"),
        "open registered motor cases of h01": CaseFilter(
            statuses=("registered",), handler="h01", line="motor"
        ),
    }
    for label, flt in filters.items():
        allow_empty = "none" in label

        def filtered(flt: CaseFilter = flt, allow_empty: bool = allow_empty) -> None:
            rows = list_cases(clerk, flt, sort=GUI_SORT, limit=PAGE)
            assert rows or allow_empty

        report.timing(
            group,
            measure(f"first page filtered: {label}", [filtered] * samples),
            baseline=base,
            limit=100,
        )
        report.timing(
            group,
            measure(f"  its total: {label}", [lambda flt=flt: count_cases(clerk, flt)] * samples),
            baseline=base,
        )


def first_page_default(report: Report) -> Result | None:
    for r in report.results:
        if "the GUI's default" in r.name:
            return r
    return None
