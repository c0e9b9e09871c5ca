"""Reminders in the window: the tray, the notifier chain and the timer."""
