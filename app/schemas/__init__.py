"""Pydantic models of the API's responses, one module per resource."""
