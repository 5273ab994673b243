"""A draft marked as published lands in the interaction log, through the real services."""

from ambtenaar20.core.app_context import create_app_context


def test_published_draft_creates_one_linked_log_entry(data_dir):
    context = create_app_context(data_dir, "nl")
    try:
        drafting = context.drafting
        draft = drafting.drafts.create("Vanaf maandag halen we het afval op dinsdag op.",
                                       topic="Afval", platforms=["mastodon"])
        drafting.drafts.mark_published(draft.id, "https://social.example/@gemeente/1",
                                       "Mastodon", [], drafting.recorder)
        entries = context.logbook.list()
        assert len(entries) == 1
        entry = entries[0]
        assert (entry.draft_id, entry.kind, entry.direction, entry.topic, entry.url) == (
            draft.id, "bericht", "out", "Afval", "https://social.example/@gemeente/1")
        assert drafting.drafts.get(draft.id).status == "published"
    finally:
        context.close()


def test_checking_text_does_not_create_a_database(data_dir):
    context = create_app_context(data_dir, "nl")
    try:
        service = context.drafting
        assert service.recorder is not None
        assert not context.paths.database.exists()
    finally:
        context.close()
