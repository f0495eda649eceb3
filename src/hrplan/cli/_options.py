"""Parsing command-line values: ``-O key=value`` options and dates."""

from __future__ import annotations

import argparse
from datetime import date

from hrplan.limits import MAX_DAYS

__all__ = ["days_count", "iso_date", "key_value"]


def iso_date(text: str) -> date:
    """An argparse type for ``YYYY-MM-DD`` dates."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in YYYY-MM-DD form") from None


def key_value(text: str) -> tuple[str, str]:
    """An argparse type for ``-O key=value``; the value stays a string for the plugin."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"option {text!r} is not KEY=VALUE")
    return key.strip().replace("-", "_"), value


def days_count(text: str) -> int:
    """An argparse type for a number of days, 0 or more."""
    if not text.strip().isdecimal() or len(text.strip()) > len(str(MAX_DAYS)) or int(text) > MAX_DAYS:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a number of days (0 to {MAX_DAYS})")
    return int(text)
