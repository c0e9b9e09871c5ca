"""One record written as upper case, in braces or as a URN is still one record."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from regroup.core.errors import ImportFileError
from regroup.core.exchange.service import export_json, import_json
from regroup.core.profile import Profile
from tests.core.conftest import Plans
from tests.core.exchange.test_plans import build_plans
from tests.core.exchange.test_waiting_rows import fill

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
FORMS: dict[str, Callable[[str], str]] = {
    "upper case": str.upper,
    "braces": lambda found: "{" + found.upper() + "}",
    "urn": lambda found: "urn:uuid:" + found,
}
TABLES = ("entry", "debrief", "goal", "checkin", "waiting")


def counts(profile: Profile) -> dict[str, int]:
    db = profile.db
    return {t: db.execute_sql(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def exported_in(form: Callable[[str], str], profile: Profile, plans: Plans, path: Path) -> Path:
    """The profile's export with every uuid, references included, written in ``form``."""
    text = json.dumps(export_json(profile.db, plans.clock), ensure_ascii=False)
    path.write_text(UUID.sub(lambda m: form(m.group()), text), encoding="utf-8")
    return path


def test_the_three_forms_of_each_uuid_import_as_one_record_of_every_kind(
    plans: Plans, profile: Profile, other: Profile, tmp_path: Path
) -> None:
    build_plans(plans, profile)
    fill(plans, profile)
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(export_json(profile.db, plans.clock)), encoding="utf-8")
    expected = counts(profile)

    for name, form in FORMS.items():
        import_json(other.db, exported_in(form, profile, plans, tmp_path / f"{name}.json"))
    import_json(other.db, plain)

    assert counts(other) == expected
    stored = other.db.execute_sql("SELECT uuid FROM entry UNION ALL SELECT uuid FROM goal")
    assert all(UUID.fullmatch(uuid) for (uuid,) in stored)
    assert export_json(other.db, plans.clock) == export_json(profile.db, plans.clock)


@pytest.mark.parametrize("form", FORMS.values(), ids=FORMS.keys())
def test_a_record_stored_before_in_another_form_is_not_added_again(
    plans: Plans, profile: Profile, other: Profile, tmp_path: Path, form: Callable[[str], str]
) -> None:
    build_plans(plans, profile)
    import_json(other.db, exported_in(form, profile, plans, tmp_path / "odd.json"))
    for table in TABLES:  # as an import before this fix stored them
        other.db.execute_sql(f"UPDATE {table} SET uuid = upper(uuid)")
    path = tmp_path / "plain.json"
    path.write_text(json.dumps(export_json(profile.db, plans.clock)), encoding="utf-8")

    result = import_json(other.db, path)

    assert (result.added, result.debriefs_added, result.goals_added) == (0, 0, 0)
    assert counts(other) == counts(profile)


def test_one_file_naming_an_entry_twice_in_two_forms_is_refused(
    plans: Plans, profile: Profile, other: Profile, tmp_path: Path
) -> None:
    build_plans(plans, profile)
    document = export_json(profile.db, plans.clock)
    twin = dict(document["entries"][0], uuid=document["entries"][0]["uuid"].upper())
    document["entries"].append(twin)
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(document), encoding="utf-8")

    with pytest.raises(ImportFileError, match="has the same uuid as entry 1"):
        import_json(other.db, path)
    assert counts(other)["entry"] == 0
