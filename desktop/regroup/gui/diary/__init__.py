"""The Diary page: the entry list, the editor, search, history and trash."""
