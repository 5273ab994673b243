"""The ``ambtenaar20`` command: the CLI over the core services, and the way into the GUI."""
