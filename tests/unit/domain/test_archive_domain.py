"""Archive numbers, retention (保险法 art. 87), document order and the DA/T 70 completeness checks."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backoffice.domain.archive import (
    DEFAULT_ORDER,
    RETENTION_YEARS,
    ArchiveScheme,
    DocumentKind,
    ManifestItem,
    Retention,
    VolumeManifest,
    at_least,
    completeness_problems,
    filing_year,
    parse_order,
    statutory_minimum,
)
from backoffice.domain.errors import ValidationError

SCHEME = ArchiveScheme(fonds_code="Z001", org_code="110000")
DIGEST = "ab" * 32


def test_default_archive_number_follows_da_t_22() -> None:
    assert SCHEME.number(2026, Retention.D10, 7) == "Z001-LP·2026-D10-110000-0007"
    assert SCHEME.number(2027, Retention.PERMANENT, 12345) == "Z001-LP·2027-Y-110000-12345"
    assert SCHEME.matches("Z001-LP·2026-D30-110000-0001")
    assert not SCHEME.matches("Z002-LP·2026-D30-110000-0001")
    assert not SCHEME.matches("Z001-LP·2026-D20-110000-0001")
    assert SCHEME.series(2026, Retention.D10) != SCHEME.series(2026, Retention.D30)


def test_configurable_pattern_and_bad_patterns() -> None:
    scheme = ArchiveScheme("F9", "320100", category_code="KJ", pattern="{fonds}/{year}/{category}-{item:05d}")
    assert scheme.number(2026, Retention.D30, 3) == "F9/2026/KJ-00003"
    assert scheme.matches("F9/2026/KJ-00003")
    with pytest.raises(ValidationError, match="件号"):
        ArchiveScheme("Z001", "110000", pattern="{fonds}-{year}")
    with pytest.raises(ValidationError):
        ArchiveScheme("Z001", "110000", pattern="{fonds}-{item:04d}-{secret}")
    with pytest.raises(ValidationError):
        ArchiveScheme("", "110000")
    with pytest.raises(ValidationError):
        SCHEME.number(2026, Retention.D10, 0)


@pytest.mark.parametrize(
    ("start", "end", "year", "expected"),
    [
        (date(2026, 1, 1), date(2026, 12, 31), 2026, Retention.D10),  # one year: 5 years after → D10
        (date(2026, 3, 2), date(2027, 3, 1), 2026, Retention.D10),
        (date(2026, 3, 2), date(2027, 3, 2), 2026, Retention.D10),  # exactly one year still counts as short
        (date(2026, 1, 1), date(2028, 12, 31), 2026, Retention.D30),  # longer: 10 years after 2028 > 2036
        (date(2020, 1, 1), date(2022, 12, 31), 2026, Retention.D10),  # ended long before filing
        (date(2026, 1, 1), date(2056, 12, 31), 2026, Retention.PERMANENT),  # 30-year contract
    ],
)
def test_statutory_minimum(start: date, end: date, year: int, expected: Retention) -> None:
    assert statutory_minimum(start, end, year) is expected


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@given(
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
    days=st.integers(min_value=1, max_value=40 * 366),
    delay=st.integers(min_value=0, max_value=5),
)
def test_retention_is_the_shortest_that_covers_article_87(start: date, days: int, delay: int) -> None:
    end = start + timedelta(days=days)
    year = start.year + delay
    keep_until = add_years(end, 5 if end <= add_years(start, 1) else 10)
    retention = statutory_minimum(start, end, year)
    years = RETENTION_YEARS[retention]
    if years is not None:  # long enough …
        assert date(year + years, 12, 31) >= keep_until
    shorter = {Retention.D30: 10, Retention.PERMANENT: 30}.get(retention)
    if shorter is not None:  # … and no shorter period would do
        assert date(year + shorter, 12, 31) < keep_until


def test_at_least_and_filing_year() -> None:
    assert at_least(Retention.D10, Retention.D30) is Retention.D30
    assert at_least(Retention.PERMANENT, Retention.D10) is Retention.PERMANENT
    assert at_least(Retention.D30, Retention.D30) is Retention.D30
    assert filing_year(date(2026, 12, 31)) == 2026


def test_order_is_configurable() -> None:
    assert DEFAULT_ORDER[0] is DocumentKind.APPROVAL
    order = parse_order(["report", "attachment"])
    assert order[:2] == (DocumentKind.REPORT, DocumentKind.ATTACHMENT)
    assert set(order) == set(DocumentKind) and len(order) == len(DocumentKind)
    with pytest.raises(ValidationError):
        parse_order(["report", "report"])
    with pytest.raises(ValidationError):
        parse_order(["memo"])


def item(seq: int, start: int, pages: int = 2, kind: str = "report", **changes: object) -> ManifestItem:
    data = ManifestItem(
        seq, kind, f"文件{seq}", "理赔服务中心", f"N-{seq}", date(2026, 3, 2), start, pages, DIGEST
    )
    return dataclasses.replace(data, **changes)


def manifest(*items: ManifestItem, **changes: object) -> VolumeManifest:
    data = VolumeManifest(
        archive_no="Z001-LP·2026-D10-110000-0001",
        title="2026BJ01MO000001 号赔案",
        fonds_name="示范财产保险股份有限公司北京分公司",
        year=2026,
        retention="D10",
        start_date=date(2026, 3, 1),
        end_date=date(2026, 4, 1),
        builder="档案员",
        items=items,
        total_pages=sum(i.pages for i in items),
    )
    return dataclasses.replace(data, **changes)


def texts(problems: list) -> list[str]:
    return [p.format() for p in problems]


def test_a_complete_volume_has_no_problems() -> None:
    good = manifest(item(1, 1, kind="approval"), item(2, 3), item(3, 5, 1, kind="audit"))
    assert completeness_problems(good, required_kinds=("approval", "report", "audit"), scheme=SCHEME) == []


def test_gaps_in_item_and_page_numbers() -> None:
    problems = texts(completeness_problems(manifest(item(1, 1), item(3, 3), item(4, 6))))
    assert any("顺序号不连续" in p and "第 2 件" in p for p in problems)
    assert any("页号不连续" in p and "应从第 5 页" in p for p in problems)
    assert any("总页数" in p for p in completeness_problems_with_total())


def completeness_problems_with_total() -> list[str]:
    return texts(completeness_problems(manifest(item(1, 1), total_pages=5)))


def test_mandatory_documents_and_metadata() -> None:
    problems = texts(
        completeness_problems(
            manifest(item(1, 1, title=" ", day=None), archive_no="X-1", builder="", year=2025),
            required_kinds=("approval", "payment"),
            scheme=SCHEME,
        )
    )
    assert "案卷缺少必备文件：核赔审批记录。" in problems
    assert "案卷缺少必备文件：赔款支付记录。" in problems
    assert "案卷著录项“立卷人”为空。" in problems
    assert any("不符合档号编制规则" in p for p in problems)
    assert any("第 1 件缺少著录项：题名、日期" in p for p in problems)
    assert any("年度 2025" in p for p in problems)


def test_unreadable_items_digests_and_empty_volumes() -> None:
    problems = texts(completeness_problems(manifest(item(1, 1, readable=False), item(2, 3, sha256="x"))))
    assert any("无法读取" in p for p in problems)
    assert any("没有摘要值" in p for p in problems)
    assert "案卷没有任何文件。" in texts(completeness_problems(manifest()))
    assert texts(completeness_problems(manifest(item(1, 1), start_date=None)))[-1] == "案卷缺少起止日期。"
