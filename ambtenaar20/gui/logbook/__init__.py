"""The Logboek and Rapportage areas of the window, and the quick-add dialog (Ctrl+L)."""
