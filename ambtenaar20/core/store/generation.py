"""This version's schema generation: how many migrations its sets hold, all areas together.

Written to the database's ``user_version`` after it has been migrated; a file that already
carries this number needs no migration, so a normal start does not load the migration sets
(and sqlite-utils with them). Raise it by one for every migration added;
``tests/core/test_store.py`` fails when it does not match the migration sets.
"""

SCHEMA_GENERATION = 9
