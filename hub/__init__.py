"""orderhub core: typed records, the store, the audit log, settings and the CLI."""
