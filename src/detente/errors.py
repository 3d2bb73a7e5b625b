"""Errors a user can act on. The CLI prints each as one line and exits with code 2."""


class DetenteError(Exception):
    """Base class: the message names the problem and where it is."""


class InputError(DetenteError):
    """Bad input: a missing, unreadable, malformed or out-of-range file or value."""


class StoreError(DetenteError):
    """The DuckDB store cannot be opened or written."""
