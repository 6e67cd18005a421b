"""The navigation: which pages exist, who sees them, and the placeholder for pages still to come."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from backoffice.security.roles import Role

CONTEXT = "Navigation"


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # Chinese source text; shown through translate(CONTEXT, title)
    roles: frozenset[Role] | None  # None: everyone
    placeholder: str

    def visible_to(self, roles: frozenset[Role]) -> bool:
        return self.roles is None or bool(self.roles & roles)

    def translated_title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.title)

    def translated_placeholder(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.placeholder)


R = Role
PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "workbench",
        QT_TRANSLATE_NOOP("Navigation", "工作台"),
        None,
        QT_TRANSLATE_NOOP("Navigation", "您的时效预警和跟进任务：双击一行打开案件。"),
    ),
    PageSpec(
        "new_report",
        QT_TRANSLATE_NOOP("Navigation", "新报案"),
        frozenset({R.CLERK}),
        QT_TRANSLATE_NOOP("Navigation", "查保单、录入报案，登记后打印报案回执。"),
    ),
    PageSpec(
        "cases",
        QT_TRANSLATE_NOOP("Navigation", "案件"),
        frozenset({R.CLERK, R.SUPERVISOR, R.APPROVER, R.ARCHIVIST}),
        QT_TRANSLATE_NOOP("Navigation", "查找案件，打开案件收取单证、记录客户联系。"),
    ),
    PageSpec(
        "approvals",
        QT_TRANSLATE_NOOP("Navigation", "核赔"),
        frozenset({R.APPROVER}),
        QT_TRANSLATE_NOOP("Navigation", "等待您核赔签批的案件：选择案件后同意、退回或拒赔。"),
    ),
    PageSpec(
        "archive",
        QT_TRANSLATE_NOOP("Navigation", "归档"),
        frozenset({R.ARCHIVIST}),
        QT_TRANSLATE_NOOP("Navigation", "预览并封存结案案件的一案一卷归档案卷，批量归档，校验案卷文件。"),
    ),
    PageSpec(
        "reports",
        QT_TRANSLATE_NOOP("Navigation", "报表"),
        frozenset({R.SUPERVISOR, R.AUDITOR}),
        QT_TRANSLATE_NOOP("Navigation", "结案率、时效达成率等月度指标和图表，可以下钻到具体案件。"),
    ),
    PageSpec(
        "admin",
        QT_TRANSLATE_NOOP("Navigation", "系统管理"),
        frozenset({R.ADMIN}),
        QT_TRANSLATE_NOOP("Navigation", "用户、密钥和系统设置在这里管理。"),
    ),
    PageSpec(
        "audit",
        QT_TRANSLATE_NOOP("Navigation", "审计"),
        frozenset({R.AUDITOR}),
        QT_TRANSLATE_NOOP("Navigation", "审计日志的校验和查阅在这里进行。"),
    ),
)


def pages_for(roles: frozenset[Role]) -> list[PageSpec]:
    return [page for page in PAGES if page.visible_to(roles)]


def page_heading(spec: PageSpec) -> QLabel:
    title = QLabel(spec.translated_title(), objectName="page-title")
    title.setStyleSheet("font-size: 16pt; font-weight: bold;")
    return title


class PlaceholderPage(QWidget):
    """A page that is not built yet: its title and one sentence on what will come."""

    def __init__(self, spec: PageSpec, parent: QWidget | None = None, *, greeting: str = "") -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading(spec))
        if greeting:
            layout.addWidget(QLabel(greeting, objectName="greeting"))
        text = QLabel(spec.translated_placeholder(), objectName="placeholder")
        text.setWordWrap(True)
        text.setStyleSheet("color: #555;")
        layout.addWidget(text)
        layout.addStretch(1)
