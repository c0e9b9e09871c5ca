"""What reaches the disk is ciphertext: no header, no diary text, search included."""

from regroup.core.diary.types import EntryContent, SearchQuery
from regroup.core.profile import Profile

CANARY = "zebracanary-7f3a"


def test_the_database_and_its_wal_hold_no_plaintext(profile: Profile) -> None:
    profile.diary.add(
        EntryContent(body=f"I keep thinking about {CANARY}.", title=CANARY, tags=[CANARY])
    )
    files = [profile.paths.database, profile.paths.database.with_name("regroup.db-wal")]
    assert files[1].exists(), "the entry should still be in the WAL"
    for path in files:
        data = path.read_bytes()
        assert CANARY.encode() not in data
        assert CANARY.encode("utf-16-le") not in data
        assert not data.startswith(b"SQLite format 3")
    profile.close()
    data = profile.paths.database.read_bytes()
    assert CANARY.encode() not in data
    assert not data.startswith(b"SQLite format 3")


def test_full_text_search_works_inside_the_encrypted_file(profile: Profile) -> None:
    wanted = profile.diary.add(EntryContent(body="the interview panel asked about databases"))
    profile.diary.add(EntryContent(body="a quiet walk in the park"))
    for typed in ("interv", '"interview panel"'):
        assert [hit.summary.id for hit in profile.search.search(SearchQuery(typed))] == [wanted.id]
