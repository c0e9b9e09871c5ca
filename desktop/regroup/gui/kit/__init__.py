"""Widgets and helpers every page shares: the Page contract, autosave, rows, toasts."""
