"""Everything that needs Qt: the window, its areas, dialogs and background workers."""
