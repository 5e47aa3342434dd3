"""Test support: local HTTP servers (``servers``) serving recorded fixtures."""
