"""Errors a user can act on, as opposed to programming errors.

A ``DomainError`` carries a message in Chinese (the source language of the user interface) with
``{name}`` placeholders and the values to fill them. The user interface and the CLI translate the
message through Qt's translation context ``"errors"`` before formatting it, so the English
translation lives in the ``.ts`` file beside every other string. Messages never contain personal data.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Something the user can fix: the message says what is wrong and what to do."""

    def __init__(self, message: str, /, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def format(self, translated: str | None = None) -> str:
        """The message with its placeholders filled, optionally from a translated template."""
        template = translated if translated is not None else self.message
        try:
            return template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return template

    def __str__(self) -> str:
        return self.format()


class ValidationError(DomainError):
    """An input is missing or out of range; ``field`` names it."""

    def __init__(self, field: str, message: str, /, **params: Any) -> None:
        super().__init__(message, field=field, **params)
        self.field = field


class PermissionDenied(DomainError):
    """The signed-in user may not do this."""


class AuthenticationError(DomainError):
    """Wrong user name, password or recovery code, or a locked account."""


class NotFound(DomainError):
    """The object asked for does not exist."""


class ConflictError(DomainError):
    """Somebody else changed the same thing first (optimistic locking)."""


class IntegrityError(DomainError):
    """Stored data failed an integrity check (tampering or corruption)."""


class EnvironmentProblem(DomainError):
    """The database or a directory is unusable: corrupt, too new, unreachable."""
