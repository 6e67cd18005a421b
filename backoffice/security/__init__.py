"""Keys and key slots, password hashing, sign-in throttling, roles and the audit chain."""
