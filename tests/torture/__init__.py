"""The fault suite (`make torture`; `python -m tests.torture --short` in `make test`).

It hurts real Regroup processes the way a computer can: kill -9 in the middle of a
write, a disk that fills or fails, a disk remounted read-only, two writers at once, and
damaged files. After each trial it opens the profile, runs `PRAGMA integrity_check`,
checks that every write that was acknowledged (the command returned 0, or the autosaver
said "Saved") is still there, and looks for plain text on disk. One module per kind of
fault; `runner` runs them and `table` prints what they found.
"""
