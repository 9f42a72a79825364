"""Summit KB: a source-attributed knowledge API about the August 2025 Anchorage summit."""
