"""What changes a dataset on disk: init, import, new-period (under a lock, all or
nothing), and synthetic demo data."""
