"""Services: the only door to the data for the GUI and the CLI.

They take and return plain data, check permissions, write the audit trail and own the transaction.
"""
