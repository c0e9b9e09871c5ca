"""The diary: entries, tags, revisions, lists and full-text search."""
