"""The desk's operations as plain functions over a Session: ingest, link, suggest, repeats, intake."""
