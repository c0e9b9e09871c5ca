"""The polite feedback request a person can copy and edit, from ``resources/feedback_request.json``.

Only the template's own ``{company}`` and ``{role}`` are replaced; whatever the
person typed is inserted as it is, never read as a template itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import regroup.resources


@dataclass(frozen=True)
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


def feedback_request(company: str, role: str) -> FeedbackRequest:
    """Return the request filled with ``company`` and ``role`` (or gentle stand-ins)."""
    template = _template()
    values = {
        "company": " ".join(company.split()) or template["placeholders"]["company"],
        "role": " ".join(role.split()) or template["placeholders"]["role"],
    }
    return FeedbackRequest(
        subject=str(template["subject"]).format_map(values),
        body=str(template["body"]).format_map(values),
    )
