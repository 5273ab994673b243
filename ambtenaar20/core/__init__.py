"""Pure-Python heart of Ambtenaar 2.0: store, settings, services. Never imports Qt."""
