"""Long work run outside the web process (ingest, rescore, recluster), with progress."""
