"""Debriefs: the look back at one application, its traps, lessons and feedback request."""
