"""Text analysers shared by the areas: language, sentiment and personal-data detection."""
