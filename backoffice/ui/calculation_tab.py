"""The 理算 tab: a calculation of one or more lines edited with live results, saved as a new version; the
saved versions, viewed read-only or copied into the editor; the printed sheet of a version.

The editing area (``draft``, a ``LinesPanel``) holds the lines of the next version: opening a case that
has saved versions loads the current version's lines and inputs into it, otherwise it starts with one
line. Each line has its coverage, method, inputs and live result; the total is their sum. 保存理算 saves
every line as one new version (``services.calculations.calculate_case``) and keeps the earlier ones.

The version selector (``version``) switches between the editing area and any saved version, which is
shown read-only as it was calculated (``viewer``); 以此为基础新建 copies it into the editing area. The
printed sheet (赔款计算书) is that of the version on screen: the selected one, or the one the unchanged
editing area was loaded from. Service calls run on workers.

The tab lives inside a ``CaseDetailView`` (``detail_view``): it follows its ``loaded`` signal, and after a
save asks it to read the case again and tells the case list through its ``changed`` signal.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from backoffice.domain.case import CaseStatus
from backoffice.security.roles import Permission
from backoffice.services.calculations import (
    CALCULABLE,
    CalculationView,
    calculate_case,
    calculations,
    prefill,
)
from backoffice.services.cases import CaseDetail
from backoffice.services.context import UserSession
from backoffice.services.notices import calculation_sheet
from backoffice.services.policies import PolicyView, get_policy
from backoffice.ui.calculation_line import LineEditor
from backoffice.ui.calculation_lines import LinesPanel
from backoffice.ui.calculation_versions import VersionChooser, VersionsTable
from backoffice.ui.errors import message_for
from backoffice.ui.formatting import money
from backoffice.ui.paper import CALCULATION_SHEET, PaperSaver
from backoffice.ui.tasks import Tasks
from backoffice.ui.widgets import ERROR_STYLE

READ_ONLY_STYLE = "background: #fff4ce; color: #7a4f01; border: 1px solid #e0b000; padding: 3px;"
DRAFT_STYLE = "background: #e8f0fe; color: #174ea6; border: 1px solid #a8c7fa; padding: 3px;"


def ask_replace(parent: QWidget, text: str) -> bool:
    title = QCoreApplication.translate("CalculationTab", "以此为基础新建")
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class CalculationTab(QWidget):
    """``changed`` after a saved calculation (the case's status and settlement amount change).

    ``ask_replace(parent, text) -> bool`` is an attribute so that tests can answer the question.
    """

    changed = Signal()

    def __init__(
        self, us: UserSession, case_no: str, detail_view: QObject | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calculation-tab")
        self._us = us
        self.case_no = case_no
        self._detail: CaseDetail | None = None
        self._policy: PolicyView | None = None
        self.history: list[CalculationView] = []
        self.base_version: int | None = None  # the saved version the editing area was loaded from
        self.dirty = False  # the editing area was changed since it was loaded (or saved)
        self._draft_ready = False
        self._follows_current = True  # an unchanged editing area shows the current version (not a copy)
        self._handles = us.actor.role_for(Permission.HANDLE_CASES) is not None
        self._tasks = Tasks(self)  # prefill
        self._tasks.busy_changed.connect(lambda _busy: self._update_buttons())
        self._saver = Tasks(self)
        self._saver.busy_changed.connect(lambda _busy: self._update_buttons())
        self._reader = Tasks(self)  # the policy and the history
        self.paper = PaperSaver(us, self)
        self.paper.message.connect(self._paper_done)
        self.paper.busy_changed.connect(lambda _busy: self._update_buttons())
        self.ask_replace: Callable[[QWidget, str], bool] = ask_replace

        self.version = VersionChooser()
        self.version.currentIndexChanged.connect(self._version_chosen)
        self.copy_button = QPushButton(self.tr("以此为基础新建"), objectName="copy-calculation")
        self.copy_button.clicked.connect(self.copy_as_base)
        self.mode = QLabel(objectName="calculation-mode")
        self.mode.setWordWrap(True)
        self.draft = LinesPanel("calculation-draft")
        self.draft.touched.connect(self._touched)
        self.draft.changed.connect(self._update_buttons)
        self.draft.prefill_wanted.connect(self.prefill)
        self.viewer = LinesPanel("calculation-viewer", read_only=True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.draft)
        self.pages.addWidget(self.viewer)

        self.note = QLineEdit(objectName="calculation-note")
        self.note.setPlaceholderText(self.tr("本次理算的说明（可选），例如：补充维修项目"))
        self.note.setMaxLength(500)
        self.save_button = QPushButton(self.tr("保存理算"), objectName="save-calculation")
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("打印计算书…"), objectName="print-calculation")
        self.print_button.clicked.connect(self.print_sheet)
        self.message = QLabel(objectName="calculation-message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.versions_view = VersionsTable()
        self.versions = self.versions_view.rows
        self.versions_view.clicked.connect(lambda index: self.choose_version(self._version_at(index.row())))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("版本")))
        top.addWidget(self.version)
        top.addWidget(self.copy_button)
        top.addWidget(self.mode, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.save_button)
        buttons.addStretch(0)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("理算版本（新的在前；点一行查看）")))
        layout.addWidget(self.versions_view)
        self._fill_versions()

        if detail_view is not None:
            loaded = getattr(detail_view, "loaded", None)
            if isinstance(loaded, SignalInstance):
                loaded.connect(self.show_detail)
            reload = getattr(detail_view, "reload", None)
            if callable(reload):
                self.changed.connect(reload)
            view_changed = getattr(detail_view, "changed", None)
            if isinstance(view_changed, SignalInstance):
                self.changed.connect(view_changed)

    # --- the case --------------------------------------------------------------------------------
    def show_detail(self, detail: CaseDetail) -> None:
        self._detail = detail
        if self._policy is None or self._policy.policy_no != detail.policy_no:
            self._reader.run(partial(get_policy, self._us, detail.policy_no), self._show_policy, self._failed)
        self.load_history()
        self._update_buttons()

    def _show_policy(self, policy: PolicyView) -> None:
        self._policy = policy
        self.draft.set_coverages(
            [
                (
                    cover.code,
                    self.tr("{name}（保额 {amount}）").format(
                        name=cover.name, amount=money(cover.sum_insured)
                    ),
                )
                for cover in policy.coverages
            ]
        )

    def load_history(self) -> None:
        self._reader.run(partial(calculations, self._us, self.case_no), self._show_history, self._failed)

    def _show_history(self, views: list[CalculationView]) -> None:
        self.history = views
        self.versions_view.show_versions(views)
        latest = next((v for v in views if v.current), views[0] if views else None)
        if not self._draft_ready:
            self._draft_ready = True
            if latest is None:
                self.draft.add_line()
            self.dirty = False
        if (
            latest is not None
            and self._follows_current
            and not self.dirty
            and latest.version_no != self.base_version
        ):
            # Opened, or somebody saved a newer version while this one was shown unchanged.
            self.draft.load(latest.lines)
            self.base_version = latest.version_no
        self._fill_versions()

    def _failed(self, exc: Exception) -> None:
        self._say(message_for(exc) or self.tr("读取理算时程序出错，请查看日志。"), error=True)

    # --- versions --------------------------------------------------------------------------------
    def current_version(self) -> int | None:
        return next((v.version_no for v in self.history if v.current), None)

    def _version_at(self, row: int) -> int | None:
        return self.history[row].version_no if 0 <= row < len(self.history) else None

    def viewed_version(self) -> CalculationView | None:
        """The saved version on screen (read-only), or None while the editing area is shown."""
        number = self.version.chosen()
        return next((v for v in self.history if v.version_no == number), None)

    def _fill_versions(self) -> None:
        self.version.fill(self.history)
        self._version_chosen()

    def choose_version(self, version_no: int | None) -> None:
        """Show a saved version read-only (None: the editing area)."""
        self.version.choose(version_no)

    def _version_chosen(self, _index: int = 0) -> None:
        view = self.viewed_version()
        if view is None:
            self.pages.setCurrentWidget(self.draft)
            self.versions_view.clearSelection()
        else:
            self.viewer.show_version(view)
            self.pages.setCurrentWidget(self.viewer)
            self.versions_view.selectRow(self.history.index(view))
        self._update_mode()
        self._update_buttons()

    def copy_as_base(self) -> None:
        view = self.viewed_version()
        if view is None:
            return
        if self.dirty:
            question = self.tr("编辑区有未保存的修改。用 v{n} 的内容替换它们吗？").format(n=view.version_no)
            if not self.ask_replace(self, question):
                return
        self.draft.load(view.lines)
        self.base_version, self.dirty = view.version_no, False
        self._follows_current = view.current
        self.choose_version(None)
        self._say(
            self.tr("已将 v{n} 复制到编辑区：修改后点“保存理算”即保存为新版本。").format(n=view.version_no),
            error=False,
        )

    def _touched(self) -> None:
        if self._draft_ready:
            self.dirty = True
            self._update_mode()
            self._update_buttons()

    def _update_mode(self) -> None:
        view = self.viewed_version()
        if view is not None:
            state = self.tr("当前版本") if view.current else self.tr("旧版本，仅供查看")
            text = self.tr("只读：v{n}（{state}）· 合计 {total} 元").format(
                n=view.version_no, state=state, total=money(view.total)
            )
            self.mode.setStyleSheet(READ_ONLY_STYLE)
        else:
            if self.base_version is None:
                text = self.tr("编辑区：新的理算（保存后成为 v1）")
                if self.dirty and self.history:
                    text = self.tr("编辑区：有未保存的修改")
            elif self.dirty:
                text = self.tr("编辑区：基于 v{n}，有未保存的修改").format(n=self.base_version)
            else:
                text = self.tr("编辑区：与 v{n} 相同").format(n=self.base_version)
            self.mode.setStyleSheet(DRAFT_STYLE)
        self.mode.setText(text)

    # --- prefill ---------------------------------------------------------------------------------
    def prefill(self, editor: LineEditor, explicit: bool = True) -> None:
        code, method = editor.coverage_code(), editor.method_code()
        if code is None:
            return
        call = partial(prefill, self._us, self.case_no, code, method)
        self._tasks.run(call, partial(self._prefilled, editor, code, method, explicit), self._failed)

    def _prefilled(
        self, editor: LineEditor, code: str, method: str, explicit: bool, data: dict[str, Any]
    ) -> None:
        if editor not in self.draft.editors() or (editor.coverage_code(), editor.method_code()) != (
            code,
            method,
        ):
            return  # the line is gone or has changed meanwhile; its own request follows
        if explicit or editor.pristine:
            editor.set_prefilled(data)

    # --- saving and printing ---------------------------------------------------------------------
    def _status_allows(self) -> bool:
        return self._detail is not None and CaseStatus(self._detail.status) in CALCULABLE

    def print_version(self) -> int | None:
        """The version the printed sheet shows: the one on screen, if it is saved."""
        view = self.viewed_version()
        if view is not None:
            return view.version_no
        return None if self.dirty else self.base_version

    def _update_buttons(self) -> None:
        viewing = self.viewed_version() is not None
        saving = self._saver.busy
        idle = not self._tasks.busy and not saving
        self.draft.setEnabled(not saving)
        self.version.setEnabled(not saving)
        problems = self.draft.invalid_lines()
        unchanged = (
            not self.dirty and self.base_version is not None and self.base_version == self.current_version()
        )
        ready = (
            self._handles and self._status_allows() and not viewing and self.draft.valid() and not unchanged
        )
        self.save_button.setEnabled(ready and idle)
        if not self._handles:
            tip = self.tr("只有理赔内勤可以理算。")
        elif self._detail is not None and not self._status_allows():
            tip = self.tr("只有材料齐全、已理算或被退回的案件可以理算。")
        elif viewing:
            tip = self.tr("正在查看已保存的版本（只读）：点“以此为基础新建”复制到编辑区，修改后再保存。")
        elif problems:
            rows = "、".join(str(n) for n in problems)
            tip = self.tr("请先改正第 {rows} 行标出的输入。").format(rows=rows)
        elif unchanged:
            tip = self.tr("编辑区与当前版本 v{n} 相同：修改后才能保存为新版本。").format(n=self.base_version)
        else:
            tip = self.tr("把编辑区的全部行保存为新的理算版本，旧版本保留")
        self.save_button.setToolTip(tip)
        self.note.setEnabled(not viewing)
        self.copy_button.setEnabled(viewing)
        self.copy_button.setToolTip(
            self.tr("把这个版本的全部行复制到编辑区，作为新版本的基础")
            if viewing
            else self.tr("先在“版本”中选择一个已保存的版本")
        )
        number = self.print_version()
        self.print_button.setEnabled(self._detail is not None and number is not None and not self.paper.busy)
        if number is not None:
            self.print_button.setText(self.tr("打印计算书（v{n}）…").format(n=number))
            self.print_button.setToolTip(self.tr("把 v{n} 的赔款计算书保存为 PDF").format(n=number))
        else:
            self.print_button.setText(self.tr("打印计算书…"))
            self.print_button.setToolTip(
                self.tr("编辑区有未保存的修改：请先保存，或在“版本”中选择要打印的版本。")
                if self.history
                else self.tr("案件还没有保存的理算，无法打印计算书。")
            )

    def save(self) -> None:
        detail = self._detail
        if detail is None or self._tasks.busy or self._saver.busy or self.viewed_version() is not None:
            return
        self.draft.flush()
        if not self.draft.valid():
            self._update_buttons()
            return
        call = partial(
            calculate_case,
            self._us,
            self.case_no,
            self.draft.line_inputs(),
            expected_version=detail.version,
            note=self.note.text(),
        )
        self._saver.run(call, self._saved, self._save_failed)

    def _saved(self, view: CalculationView) -> None:
        self.base_version, self.dirty, self._follows_current = view.version_no, False, True
        self.note.clear()
        self._say(
            self.tr("已保存理算版本 v{version}（{count} 行），赔款合计 {amount} 元。").format(
                version=view.version_no, count=len(view.lines), amount=money(view.total)
            ),
            error=False,
        )
        self._update_mode()
        self.load_history()
        self.changed.emit()  # the view reads the case again (its status and version)

    def _save_failed(self, exc: Exception) -> None:
        self._say(message_for(exc) or self.tr("保存理算时程序出错，请查看日志。"), error=True)

    def print_sheet(self) -> None:
        number = self.print_version()
        if self._detail is None or number is None:
            return
        make = partial(calculation_sheet, version_no=number)
        self.paper.save(CALCULATION_SHEET, self._detail.id, f"{self._detail.case_no}-v{number}", make=make)

    def _paper_done(self, text: str, is_error: bool) -> None:
        self._say(text, error=is_error)

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "color: #1b5e20;")
        self.message.setText(text)
        self.message.show()
