"""Translation of user-visible text through Qt Linguist files (zh_CN is the source language).

Source strings in the code are Chinese; ``resources/translations/backoffice_en.qm`` holds English.
The GUI installs the translator into the application; the CLI uses the same translator directly.
Only QtCore is needed, so the CLI never loads a GUI library.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QTranslator

from backoffice.domain.errors import DomainError

_translator: QTranslator | None = None
_language = "zh_CN"


def translations_dir() -> str:
    return str(resources.files("backoffice") / "resources" / "translations")


def load(language: str) -> QTranslator | None:
    """Load the translator for ``language`` (None for Chinese, the source language)."""
    global _translator, _language
    _language = language
    _translator = None
    if language == "zh_CN":
        return None
    translator = QTranslator()
    if translator.load(f"backoffice_{language}", translations_dir()):
        _translator = translator
    return _translator


def install(app: QCoreApplication, language: str) -> None:
    translator = load(language)
    if translator is not None:
        app.installTranslator(translator)


def current_language() -> str:
    return _language


def tr(context: str, text: str) -> str:
    """``text`` in the current language (the source text when no translation exists)."""
    if _translator is None:
        return text
    return _translator.translate(context, text) or text


def error_text(error: DomainError) -> str:
    """A DomainError's message in the current language, placeholders filled."""
    return error.format(tr("errors", error.message))
