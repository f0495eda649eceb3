"""The hrplan test suite."""
