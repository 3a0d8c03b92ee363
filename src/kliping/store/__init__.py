"""The searchable SQLite store: :class:`kliping.store.sqlite.Store` and its writer adapter."""
