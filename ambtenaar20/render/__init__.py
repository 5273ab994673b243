"""Producing documents that need Qt's painting (the PDF report) — without any widget.

Only ``QtGui``/``QtCore`` are used here, so the PDF renders without the GUI event loop and with the
``offscreen`` platform on a machine without a display. ``exports`` is the one place that picks the
writer for a format, used by the CLI and the Rapportage area alike; it imports Qt only for PDF.
"""
