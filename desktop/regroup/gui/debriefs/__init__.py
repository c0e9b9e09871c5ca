"""The Debriefs page: the list, the guided form, linked entries and trash."""
