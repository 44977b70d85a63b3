"""The dyad exception tree.

    DyadError
    ├── InputError            an article or file cannot be read (recorded as a Failure)
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── DecodeError
    │   ├── TooLarge
    │   └── MalformedRecord   a bad JSONL/CSV row
    ├── DataError             shipped language or knowledge-base data is invalid
    ├── StoreError            the SQLite store cannot be opened or migrated
    └── UsageError            the command line or configuration is wrong

Every message says what went wrong, for which file, and what to do.
Third-party exceptions are wrapped into one of these, never leaked raw.
"""

from __future__ import annotations


class DyadError(Exception):
    """Base of every error dyad raises on purpose."""


class InputError(DyadError):
    """An input could not be turned into a document."""

    reason = "unreadable"

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class EmptyInput(InputError):
    """The input holds no text."""

    reason = "empty"


class BinaryInput(InputError):
    """The input is not text."""

    reason = "binary"


class DecodeError(InputError):
    """The input's bytes could not be decoded in any plausible encoding."""

    reason = "undecodable"


class TooLarge(InputError):
    """The input exceeds the size limit."""

    reason = "too-large"


class MalformedRecord(InputError):
    """A row of a JSONL or CSV file is malformed."""

    reason = "malformed"


class DataError(DyadError):
    """A shipped data file (lexicon, knowledge base) is invalid."""


class StoreError(DyadError):
    """The store cannot be opened or migrated."""


class UsageError(DyadError):
    """The command line or configuration is wrong."""
