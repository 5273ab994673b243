"""Whole-state backup and restore: the database, settings, packs and word lists in one file."""
