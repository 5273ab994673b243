"""Exports of the log for the manager and for other systems: CSV, XLSX and JSON.

One module per format; all of them take the same ``ExportDocument`` (built by ``document.py``) so
the selection, the pseudonymisation and the totals are identical whatever the format. The PDF
report needs Qt and lives in ``ambtenaar20.render``.
"""
