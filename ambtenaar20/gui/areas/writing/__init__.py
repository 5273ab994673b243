"""The "Schrijven" area: drafts, the live-checked editor, findings and the checklist."""
