"""The PySide6 user interface: windows, dialogs, table models and workers.

Talks to ``backoffice.services`` only (never to ``backoffice.db``); every visible string goes through
Qt translation with Chinese as the source language.
"""
