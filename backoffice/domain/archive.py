"""Archive volumes (一案一卷): archive numbers, retention periods, document order, completeness checks.

Pure functions of their inputs (DOMAIN.md §11):

- the archive number (档号) comes from a configurable pattern, by default DA/T 22-2015's
  ``全宗号-门类代码·年度-保管期限-机构代码-件号`` with a 4-digit item number,
  e.g. ``Z001-LP·2026-D10-110000-0007``;
- the retention period is Y (permanent), D30 or D10 and never shorter than 保险法 art. 87 asks: records kept
  at least 5 years after a contract of one year or less ends, at least 10 years after a longer one;
- a volume is filed under the year its case closed;
- before sealing, the four properties of DA/T 70-2018 that can be judged from the volume's manifest
  (items numbered without gaps, continuous page numbers, mandatory documents present, complete metadata,
  readable items with a digest) are checked; each problem is a :class:`DomainError` (not raised) whose
  message the user interface translates.
"""

from __future__ import annotations

import re
import string
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from backoffice.domain.errors import DomainError, ValidationError


class Retention(StrEnum):
    """保管期限 codes of DA/T 22-2015."""

    D10 = "D10"
    D30 = "D30"
    PERMANENT = "Y"


RETENTION_YEARS: Final[dict[Retention, int | None]] = {
    Retention.D10: 10,
    Retention.D30: 30,
    Retention.PERMANENT: None,
}
RETENTION_LABELS: Final[dict[Retention, str]] = {
    Retention.D10: "10年",
    Retention.D30: "30年",
    Retention.PERMANENT: "永久",
}
_RANK: Final = {Retention.D10: 0, Retention.D30: 1, Retention.PERMANENT: 2}


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def statutory_minimum(period_start: date, period_end: date, filing_year: int) -> Retention:
    """The shortest retention that satisfies 保险法 art. 87 for a volume filed in ``filing_year``.

    A retention of N years runs to the end of ``filing_year + N`` (the period counts from the year after
    filing). The records must be kept until 5 years after a contract of one year or less ends, 10 years
    after a longer one.
    """
    short = period_end <= _add_years(period_start, 1)
    keep_until = _add_years(period_end, 5 if short else 10)
    for retention in (Retention.D10, Retention.D30):
        years = RETENTION_YEARS[retention]
        assert years is not None
        if date(filing_year + years, 12, 31) >= keep_until:
            return retention
    return Retention.PERMANENT


def at_least(chosen: Retention, minimum: Retention) -> Retention:
    """``chosen``, raised to ``minimum`` when it is shorter."""
    return chosen if _RANK[chosen] >= _RANK[minimum] else minimum


def filing_year(closed_on: date) -> int:
    """A volume is filed under the year its case closed (the business date in Beijing time)."""
    return closed_on.year


DEFAULT_PATTERN: Final = "{fonds}-{category}·{year}-{retention}-{org}-{item:04d}"
_FIELDS: Final = frozenset({"fonds", "category", "year", "retention", "org", "item"})


@dataclass(frozen=True)
class ArchiveScheme:
    """How archive numbers are made; every part but the item number comes from configuration."""

    fonds_code: str  # 全宗号
    org_code: str  # 机构代码
    category_code: str = "LP"  # 门类代码: 理赔业务档案
    category_name: str = "理赔业务档案"
    pattern: str = DEFAULT_PATTERN

    def __post_init__(self) -> None:
        names = {name for _text, name, _spec, _conv in string.Formatter().parse(self.pattern) if name}
        if "item" not in names or not names <= _FIELDS:
            raise ValidationError(
                "pattern",
                "档号格式“{pattern}”无效：须包含件号 {{item}}，且只能使用 fonds、category、year、"
                "retention、org、item。",
                pattern=self.pattern,
            )
        for code in (self.fonds_code, self.org_code, self.category_code):
            if not code.strip() or any(ch.isspace() or ch in "/\\" for ch in code):
                raise ValidationError("scheme", "全宗号、机构代码和门类代码不能为空，也不能含空格或斜杠。")

    def number(self, year: int, retention: Retention, item: int) -> str:
        if item < 1:
            raise ValidationError("item", "件号从 1 开始。")
        return self.pattern.format(
            fonds=self.fonds_code,
            category=self.category_code,
            year=year,
            retention=retention.value,
            org=self.org_code,
            item=item,
        )

    def series(self, year: int, retention: Retention) -> str:
        """The series an item number counts within (everything in the number but the item)."""
        return "|".join((self.fonds_code, self.category_code, str(year), retention.value, self.org_code))

    def matches(self, archive_no: str) -> bool:
        """Whether ``archive_no`` has this scheme's shape."""
        regex = ""
        for literal, name, _spec, _conv in string.Formatter().parse(self.pattern):
            regex += re.escape(literal)
            if name == "year":
                regex += r"\d{4}"
            elif name == "item":
                regex += r"\d+"
            elif name == "retention":
                regex += "(?:" + "|".join(r.value for r in Retention) + ")"
            elif name:
                regex += re.escape(
                    {"fonds": self.fonds_code, "category": self.category_code, "org": self.org_code}[name]
                )
        return re.fullmatch(regex, archive_no) is not None


class DocumentKind(StrEnum):
    """What a document in a volume is; the volume's order is configured by kind."""

    APPROVAL = "approval"  # 核赔审批记录 (the decision)
    REPORT = "report"  # 报案记录
    ACKNOWLEDGEMENT = "acknowledgement"  # 报案回执
    NOTICE = "notice"  # 一次性告知书
    CHECKLIST = "checklist"  # 单证清单及收取记录
    ATTACHMENT = "attachment"  # 单证扫描件 / 电子文件
    CALCULATION = "calculation"  # 赔款计算书
    PAYMENT = "payment"  # 赔款支付记录
    CONTACT = "contact"  # 客户联系记录
    AUDIT = "audit"  # 操作审计记录（摘录）


KIND_LABELS: Final[dict[DocumentKind, str]] = {
    DocumentKind.APPROVAL: "核赔审批记录",
    DocumentKind.REPORT: "报案记录",
    DocumentKind.ACKNOWLEDGEMENT: "报案回执",
    DocumentKind.NOTICE: "一次性告知书",
    DocumentKind.CHECKLIST: "索赔单证清单及收取记录",
    DocumentKind.ATTACHMENT: "索赔单证",
    DocumentKind.CALCULATION: "赔款计算书",
    DocumentKind.PAYMENT: "赔款支付记录",
    DocumentKind.CONTACT: "客户联系记录",
    DocumentKind.AUDIT: "操作审计记录",
}

#: Decision and approval documents first, then the documents in claims-process order (DOMAIN.md §11).
DEFAULT_ORDER: Final[tuple[DocumentKind, ...]] = (
    DocumentKind.APPROVAL,
    DocumentKind.REPORT,
    DocumentKind.ACKNOWLEDGEMENT,
    DocumentKind.NOTICE,
    DocumentKind.CHECKLIST,
    DocumentKind.ATTACHMENT,
    DocumentKind.CALCULATION,
    DocumentKind.PAYMENT,
    DocumentKind.CONTACT,
    DocumentKind.AUDIT,
)


def parse_order(names: Iterable[str]) -> tuple[DocumentKind, ...]:
    """A configured order: known kinds, each once; kinds left out follow in the default order."""
    order: list[DocumentKind] = []
    for name in names:
        try:
            kind = DocumentKind(name)
        except ValueError:
            raise ValidationError("order", "未知的案卷文件类型“{name}”。", name=name) from None
        if kind in order:
            raise ValidationError("order", "案卷文件类型“{name}”重复。", name=name)
        order.append(kind)
    return (*order, *(kind for kind in DEFAULT_ORDER if kind not in order))


def sort_key(order: Sequence[DocumentKind]) -> dict[DocumentKind, int]:
    """Position of each kind in ``order`` (for a stable sort of the documents)."""
    return {kind: position for position, kind in enumerate(order)}


@dataclass(frozen=True)
class ManifestItem:
    """One document (件) of a volume as the file list records it."""

    seq: int  # 顺序号
    kind: str
    title: str  # 题名
    responsible: str  # 责任者
    doc_no: str  # 文号
    day: date | None  # 日期
    start_page: int  # 页号 (first page, counted over the document pages only)
    pages: int
    sha256: str  # digest of the item's bytes
    readable: bool = True


@dataclass(frozen=True)
class VolumeManifest:
    """What the completeness checks look at: the volume's metadata and its documents."""

    archive_no: str
    title: str  # 案卷题名
    fonds_name: str  # 全宗名称
    year: int  # 年度 (the closing year)
    retention: str
    start_date: date | None
    end_date: date | None  # the closing date
    builder: str  # 立卷人
    items: tuple[ManifestItem, ...]
    total_pages: int  # numbered document pages


_HEX64: Final = re.compile(r"[0-9a-f]{64}")
_KINDS: Final = frozenset(kind.value for kind in DocumentKind)


def _numbering_problems(items: Sequence[ManifestItem], total_pages: int) -> list[DomainError]:
    problems: list[DomainError] = []
    expected_page = 1
    for position, item in enumerate(items, start=1):
        if item.seq != position:
            problems.append(
                DomainError(
                    "顺序号不连续：第 {position} 件的顺序号为 {seq}。", position=position, seq=item.seq
                )
            )
        if item.pages < 1:
            problems.append(DomainError("第 {seq} 件没有页面。", seq=item.seq))
        if item.start_page != expected_page:
            problems.append(
                DomainError(
                    "页号不连续：第 {seq} 件应从第 {expected} 页开始，登记为第 {actual} 页。",
                    seq=item.seq,
                    expected=expected_page,
                    actual=item.start_page,
                )
            )
        expected_page = item.start_page + max(item.pages, 0)
    if items and total_pages != expected_page - 1:
        problems.append(
            DomainError(
                "案卷总页数 {total} 与各件页数之和 {sum} 不符。", total=total_pages, sum=expected_page - 1
            )
        )
    return problems


def _metadata_problems(manifest: VolumeManifest, scheme: ArchiveScheme | None) -> list[DomainError]:
    problems: list[DomainError] = []
    required = {
        "档号": manifest.archive_no,
        "案卷题名": manifest.title,
        "全宗名称": manifest.fonds_name,
        "立卷人": manifest.builder,
        "保管期限": manifest.retention,
    }
    for label, value in required.items():
        if not value.strip():
            problems.append(DomainError("案卷著录项“{field}”为空。", field=label))
    if manifest.retention.strip() and manifest.retention not in {r.value for r in Retention}:
        problems.append(DomainError("保管期限代码“{code}”无效。", code=manifest.retention))
    if scheme is not None and manifest.archive_no.strip() and not scheme.matches(manifest.archive_no):
        problems.append(DomainError("档号“{no}”不符合档号编制规则。", no=manifest.archive_no))
    if manifest.start_date is None or manifest.end_date is None:
        problems.append(DomainError("案卷缺少起止日期。"))
    elif manifest.start_date > manifest.end_date:
        problems.append(DomainError("案卷起始日期晚于终止日期。"))
    elif manifest.year != manifest.end_date.year:
        problems.append(
            DomainError(
                "案卷年度 {year} 与结案年度 {closed} 不符。",
                year=manifest.year,
                closed=manifest.end_date.year,
            )
        )
    for item in manifest.items:
        missing = [
            label
            for label, value in (("题名", item.title), ("责任者", item.responsible))
            if not value.strip()
        ]
        if item.day is None:
            missing.append("日期")
        if missing:
            problems.append(
                DomainError("第 {seq} 件缺少著录项：{fields}。", seq=item.seq, fields="、".join(missing))
            )
        if not item.readable:
            problems.append(DomainError("第 {seq} 件（{title}）无法读取。", seq=item.seq, title=item.title))
        elif not _HEX64.fullmatch(item.sha256):
            problems.append(DomainError("第 {seq} 件（{title}）没有摘要值。", seq=item.seq, title=item.title))
    return problems


def completeness_problems(
    manifest: VolumeManifest,
    *,
    required_kinds: Collection[str] = (),
    scheme: ArchiveScheme | None = None,
) -> list[DomainError]:
    """Every reason the volume may not be sealed (empty when it may): DA/T 70 checks on the manifest."""
    problems: list[DomainError] = []
    if not manifest.items:
        problems.append(DomainError("案卷没有任何文件。"))
    problems += _numbering_problems(manifest.items, manifest.total_pages)
    present = {item.kind for item in manifest.items}
    for kind in required_kinds:
        if kind not in present:
            label = KIND_LABELS.get(DocumentKind(kind), kind) if kind in _KINDS else kind
            problems.append(DomainError("案卷缺少必备文件：{kind}。", kind=label))
    problems += _metadata_problems(manifest, scheme)
    return problems
