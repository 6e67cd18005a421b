"""backoffice: the claims office's desktop back office."""

__version__ = "0.1.0"
