"""The tag rule in core: #words of the text are tags, whoever saves the entry."""

from __future__ import annotations

from regroup.core.diary.tags import entry_tags, field_tags, field_text_for, inline_tags
from regroup.core.diary.types import EntryContent
from regroup.core.profile import Profile

NOT_TAGS = "Issue #3, # Heading, see http://x.org/#anchor and page#part or &#39;"


def test_hash_words_are_tags_but_numbers_headings_and_anchors_are_not() -> None:
    assert inline_tags(f"Call with #acme. {NOT_TAGS} #Next-Step- #ACME") == ["acme", "Next-Step"]
    assert inline_tags(NOT_TAGS) == []


def test_typed_tags_come_first_and_repeats_go_without_regard_to_case() -> None:
    assert field_tags("#job-search, Feedback  interview,,") == [
        "job-search",
        "Feedback",
        "interview",
    ]
    assert entry_tags(["Acme", "job"], "Call with #acme about #offer") == ["Acme", "job", "offer"]
    assert field_text_for(("job", "offer"), "about #offer") == "#job"


def test_the_service_tags_an_entry_by_its_hash_words(profile: Profile) -> None:
    saved = profile.diary.add(EntryContent("Call with #acme", tags=("job",)))
    assert saved.tags == ("job", "acme")
    edited = profile.diary.update(saved.id, EntryContent("Call with #Beta, #3 went well"))
    assert edited.tags == ("Beta",)
    assert dict(profile.browse.tags()) == {"Beta": 1}
    assert profile.diary.count() == 1


def test_bulk_adds_follow_the_same_rule(profile: Profile) -> None:
    contents = [EntryContent(f"Day {n} with #acme #Day{n % 2}") for n in range(5)]
    assert profile.diary.add_many(contents, batch_size=2) == 5
    assert dict(profile.browse.tags()) == {"acme": 5, "Day0": 3, "Day1": 2}
