"""Helpers shared by the tests: local HTTP servers, import probes, golden files."""
