"""Fact tracker for pledges and production capacities: ingest -> extract -> normalise -> validate -> store -> report."""
