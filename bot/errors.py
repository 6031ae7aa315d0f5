"""Errors raised by Get Involved.

GetInvolvedError
 ├── ConfigError        a setting is missing or wrong; raised at start-up
 ├── ContentError       a file in content/ or dialogues/ is wrong; names file, entry and field
 └── StateUnavailable   shared conversation state (Redis) cannot be reached just now
"""

from __future__ import annotations


class GetInvolvedError(Exception):
    """Base class for every error this package raises on purpose."""


class ConfigError(GetInvolvedError):
    """A setting is missing or has a value we cannot use."""


class ContentError(GetInvolvedError):
    """A content or dialogue file cannot be loaded.

    The message names the file, the entry and the field, in words an editor understands.
    """

    def __init__(self, file: str, problem: str, entry: str | None = None, field: str | None = None):
        self.file = file
        self.entry = entry
        self.field = field
        self.problem = problem
        where = file
        if entry:
            where += f", entry '{entry}'"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {problem}")


class StateUnavailable(GetInvolvedError):
    """The shared lock or state cannot be reached; nothing was read or written. Try again."""
