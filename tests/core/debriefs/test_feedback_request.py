"""The feedback request reads naturally whether the company and the role are known or not."""

from __future__ import annotations

import re

import pytest

from regroup.core.debriefs.feedback_request import feedback_request

# Words a stand-in once doubled ("the the role role") or left as template syntax.
DOUBLED = re.compile(r"\b(\w+) \1\b", re.IGNORECASE)


@pytest.mark.parametrize(
    ("company", "role", "subject", "opening"),
    [
        (
            "Acme",
            "Data analyst",
            "Thank you, and a short request about the Data analyst role at Acme",
            "about your decision on the Data analyst role, and for the time you and "
            "everyone at Acme spent",
        ),
        (
            "",
            "Data analyst",
            "Thank you, and a short request about the Data analyst role",
            "about your decision on the Data analyst role, and for the time you and the team spent",
        ),
        (
            "Acme",
            "",
            "Thank you, and a short request about my application to Acme",
            "about your decision on my application, and for the time you and everyone at "
            "Acme spent",
        ),
        (
            "  ",
            "\n",
            "Thank you, and a short request about my application",
            "about your decision on my application, and for the time you and the team spent",
        ),
    ],
    ids=["company and role", "role only", "company only", "neither"],
)
def test_each_mix_of_company_and_role_reads_as_a_person_would_write_it(
    company: str, role: str, subject: str, opening: str
) -> None:
    request = feedback_request(company, role)
    assert request.subject == subject
    assert opening in " ".join(request.body.split())
    text = request.as_text()
    assert "role role" not in text and "the the" not in text
    assert not DOUBLED.search(text), DOUBLED.search(text)
    assert "{" not in text and "}" not in text


def test_typed_braces_and_spaces_are_kept_as_typed_not_read_as_a_template() -> None:
    request = feedback_request("Acme {role}", "  Data\nanalyst {company} ")
    assert request.subject == (
        "Thank you, and a short request about the Data analyst {company} role at Acme {role}"
    )
    assert "everyone at Acme {role} spent" in request.body


@pytest.mark.parametrize(
    ("company", "role", "subject", "follow_up"),
    [
        (
            "Acme",
            "Data analyst",
            "Following up on my application for the Data analyst role at Acme",
            "follow up on my application for the Data analyst role at Acme.",
        ),
        ("", "", "Following up on my application", "follow up on my application."),
    ],
    ids=["company and role", "neither"],
)
def test_with_no_reply_at_all_the_request_follows_up_instead_of_thanking_for_a_decision(
    company: str, role: str, subject: str, follow_up: str
) -> None:
    request = feedback_request(company, role, no_reply=True)
    assert request.subject == subject
    body = " ".join(request.body.split())
    assert follow_up in body
    assert "decision" not in body and "letting me know" not in body
    assert "{" not in request.as_text() and not DOUBLED.search(request.as_text())
