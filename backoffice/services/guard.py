"""Permission checks shared by the services: refuse, audit the refusal, say why."""

from __future__ import annotations

from backoffice.domain.errors import PermissionDenied
from backoffice.security.roles import Permission
from backoffice.services import audit
from backoffice.services.context import UserSession


def require(
    us: UserSession,
    permission: Permission,
    action: str,
    message: str,
    object_type: str = "",
    object_id: object = "",
) -> str:
    """The role through which ``us`` may do ``action``; otherwise audit the refusal and raise."""
    role = us.actor.role_for(permission)
    if role is None:
        audit.record_denied(us, action, object_type, str(object_id))
        raise PermissionDenied(message)
    return role.value
