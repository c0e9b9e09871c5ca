"""Recovery drafts: the diary's and the debriefs' each come back as written, and stay sealed."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import replace
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from regroup.core.debriefs.drafts import DEBRIEF_DRAFT_NAME
from regroup.core.debriefs.types import DebriefContent
from regroup.core.diary.drafts import DRAFT_NAME
from regroup.core.diary.types import EntryContent
from regroup.core.drafts import Draft
from regroup.core.profile import Drafts
from tests.core.debriefs.test_service import FULL

KEY = bytes(range(32))
WHEN = dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.UTC)
FULL_DEBRIEF = replace(FULL, notes="לא נורא 🌱 \x00 end")


def _store(tmp_path: Path) -> Drafts:
    return Drafts(KEY, [tmp_path / "profile", tmp_path / "fallback"])


def test_a_debrief_draft_comes_back_whole_and_sealed(tmp_path: Path) -> None:
    drafts = _store(tmp_path)
    draft = Draft(4, FULL_DEBRIEF, WHEN)
    where = drafts.debriefs.save(draft)
    assert where == tmp_path / "profile" / DEBRIEF_DRAFT_NAME
    assert drafts.debriefs.load() == draft
    assert b"Acme" not in where.read_bytes() and b"Backend" not in where.read_bytes()
    drafts.debriefs.discard()
    assert drafts.debriefs.load() is None


def test_the_diary_and_the_debriefs_keep_a_draft_each(tmp_path: Path) -> None:
    drafts = _store(tmp_path)
    entry = Draft(None, EntryContent("diary words"), WHEN)
    debrief = Draft(None, DebriefContent(company="Juno"), WHEN + dt.timedelta(minutes=1))
    drafts.entries.save(entry)
    drafts.debriefs.save(debrief)
    assert drafts.entries.load() == entry
    assert drafts.debriefs.load() == debrief
    drafts.entries.discard()
    assert drafts.entries.load() is None
    assert drafts.debriefs.load() == debrief


def test_a_draft_file_cannot_pass_for_the_other_kind(tmp_path: Path) -> None:
    drafts = _store(tmp_path)
    where = drafts.entries.save(Draft(None, EntryContent("diary words"), WHEN))
    (tmp_path / "profile" / DEBRIEF_DRAFT_NAME).write_bytes(where.read_bytes())
    assert drafts.debriefs.load() is None


def test_a_diary_draft_written_by_an_earlier_regroup_is_still_read(tmp_path: Path) -> None:
    raw = {
        "entry_id": 12,
        "saved_at": "2026-03-14 09:30:00.000000",
        "title": "t",
        "body": "older words",
        "mood": 2,
        "tags": ["work"],
        "entry_date": "2026-03-13",
    }
    nonce = os.urandom(12)
    sealed = AESGCM(KEY).encrypt(nonce, json.dumps(raw).encode(), b"regroup/recovery-draft/v1")
    (tmp_path / "profile").mkdir()
    (tmp_path / "profile" / DRAFT_NAME).write_bytes(nonce + sealed)
    draft = _store(tmp_path).entries.load()
    content = EntryContent(
        "older words", title="t", mood=2, tags=("work",), entry_date=dt.date(2026, 3, 13)
    )
    assert draft == Draft(12, content, WHEN)


def test_a_debrief_draft_missing_newer_fields_fills_them_empty(tmp_path: Path) -> None:
    drafts = _store(tmp_path)
    where = drafts.debriefs.save(Draft(None, DebriefContent(company="Juno"), WHEN))
    raw = {"debrief_id": None, "saved_at": "2026-03-14 09:30:00.000000", "company": "Juno"}
    nonce = os.urandom(12)
    aad = b"regroup/recovery-draft/debrief/v1"
    where.write_bytes(nonce + AESGCM(KEY).encrypt(nonce, json.dumps(raw).encode(), aad))
    assert drafts.debriefs.load() == Draft(None, DebriefContent(company="Juno"), WHEN)


def test_an_unreadable_draft_is_ignored(tmp_path: Path) -> None:
    drafts = _store(tmp_path)
    where = drafts.debriefs.save(Draft(None, FULL_DEBRIEF, WHEN))
    where.write_bytes(b"\0" * 40)
    assert drafts.debriefs.load() is None
