"""Pure domain: no Qt, no SQLAlchemy, no files, no clock."""
