"""The "Volgen" (follow) area: topics and feeds, the item list, the reader and trends."""
