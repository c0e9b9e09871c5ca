"""Backups and restore in the window: File menu actions, the Settings section, the dialog."""
