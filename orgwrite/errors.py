"""Errors a user can cause, each carrying one Chinese line for stderr (exit 2)."""

from __future__ import annotations


class OrgwriteError(Exception):
    """A problem with the user's input or settings: reported as one line, exit 2."""

    exit_code = 2


class InputError(OrgwriteError):
    """An input file that cannot be read as a text of ours."""


class ConfigError(OrgwriteError):
    """A configuration file or option with a bad value."""
