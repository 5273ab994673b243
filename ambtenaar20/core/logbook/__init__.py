"""The interaction log ("Logboek"): what the officer did online, kept like a record.

Import from the modules themselves (``clock``, ``model``, ``service``...): this package file
stays empty, because the database's migration sets load ``logbook.schema`` at every start and
should not pull in the models and date handling with it.
"""
