"""The two ways a build stops, each with its exit code (build.py main)."""


class BadInput(Exception):
    """The user asked for something impossible (exit code 2)."""


class BuildError(Exception):
    """A build step failed (exit code 1)."""
