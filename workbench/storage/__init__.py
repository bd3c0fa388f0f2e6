"""Storage: schema, engines, migrations and the repository functions pages call."""
