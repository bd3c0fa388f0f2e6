"""Rules every layer uses: records, errors, configuration, validation, roles, the rating scale."""
