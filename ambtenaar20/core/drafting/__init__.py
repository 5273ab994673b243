"""Drafting: check a post against the organisation's guideline pack, keep drafts and their record.

The checker advises and never blocks (prior censorship of civil servants is ruled out); every
finding carries a span, a reason and, where possible, a better wording.
"""
