"""Database access: engine and session factory, ORM models."""
