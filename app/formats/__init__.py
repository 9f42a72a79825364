"""Representations of the API's JSON: CSV, NDJSON and JSON-LD, chosen by `Accept` or `?format=`."""
