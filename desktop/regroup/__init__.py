"""Regroup: a private place to recover from a job rejection and plan the next step."""

__version__ = "0.1.0"
APP_NAME = "Regroup"
