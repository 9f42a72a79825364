"""All SQL of the read API: filters, pagination, batched loading of related rows."""
