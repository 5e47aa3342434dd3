"""Helpers shared by the tests: local HTTP servers (``servers``), import probes (``probes``)."""
