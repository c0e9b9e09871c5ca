"""The polite feedback request a person can copy and edit, from ``resources/feedback_request.json``.

Only the template's own ``{company}`` and ``{role}`` are replaced; whatever the
person typed is inserted as it is, never read as a template itself. When the news came
as no reply at all, the message is a follow-up rather than a thank-you for a decision
that was never sent.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import regroup.resources
from regroup.core.record import record


@record
class FeedbackRequest:
    """A ready-to-send message: subject line and body."""

    subject: str
    body: str

    def as_text(self) -> str:
        """Return subject and body as one text to put on the clipboard."""
        return f"Subject: {self.subject}\n\n{self.body}"


@cache
def _template() -> dict[str, Any]:
    path = Path(regroup.resources.__file__).parent / "feedback_request.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def feedback_request(company: str, role: str, no_reply: bool = False) -> FeedbackRequest:
    """Return the request for ``company`` and ``role``, either of which may be blank.

    ``no_reply``: the company never answered, so there is no decision to thank them for.

    A missing name changes the sentence around it rather than standing in for it:
    "the {role} role" with a stand-in role read "the the role role".
    """
    template = _template()
    values = {"company": " ".join(company.split()), "role": " ".join(role.split())}
    case = (
        ("company and role" if values["role"] else "company")
        if values["company"]
        else ("role" if values["role"] else "neither")
    )
    parts = template["parts"]
    kind = "no reply" if no_reply else "news"
    filled = {
        "decision": _fill(
            parts["decision"]["with role" if values["role"] else "without role"], values
        ),
        "people": _fill(
            parts["people"]["with company" if values["company"] else "without company"], values
        ),
        "application": _fill(parts["application"][case], values),
    }
    return FeedbackRequest(
        subject=_fill(template["subject"][kind][case], values),
        body=_fill(template["body"][kind], filled),
    )


def _fill(text: object, values: dict[str, str]) -> str:
    """Replace the template's own fields; the values are inserted as they are, never parsed."""
    return str(text).format_map(values)
