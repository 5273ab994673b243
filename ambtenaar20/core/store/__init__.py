"""The local SQLite store: opening safely, schema migrations, backups."""
