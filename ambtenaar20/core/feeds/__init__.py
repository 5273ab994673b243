"""Following feeds: fetching, parsing, storing, topics (saved queries) over the items."""
