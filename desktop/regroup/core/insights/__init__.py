"""Insights: what a person's own debriefs, diary, goals and check-ins say across rejections."""
