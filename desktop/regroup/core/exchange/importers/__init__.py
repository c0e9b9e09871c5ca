"""Bringing a journal kept elsewhere into the diary: jrnl, Day One and Markdown folders.

Each reader turns a file into an :class:`~regroup.core.exchange.importers.plan.ImportPlan`
without touching the profile; ``service`` shows what it would add and writes it in one
transaction. The package is Qt-free: the window runs it off its thread and follows a
progress callback.
"""
