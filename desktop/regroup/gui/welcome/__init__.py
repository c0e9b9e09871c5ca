"""The first-run welcome, shown inside the window for a new profile."""
