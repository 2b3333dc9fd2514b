"""Review: people accept, edit or reject machine codes; every change is audited; two people can
code the same items and the agreement between them is reported.

Independent of the web layer: the CLI and the web explorer call the same functions.
"""

from steppewatch.review.actions import (
    QueueItem,
    accept_event,
    accept_suggestion,
    edit_event,
    reject_event,
    reject_suggestion,
    review_queue,
)
from steppewatch.review.audit import AuditEntry, list_audit
from steppewatch.review.users import add_user, list_users, verify_user

__all__ = [
    "AuditEntry",
    "QueueItem",
    "accept_event",
    "accept_suggestion",
    "add_user",
    "edit_event",
    "list_audit",
    "list_users",
    "reject_event",
    "reject_suggestion",
    "review_queue",
    "verify_user",
]
