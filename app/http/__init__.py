"""HTTP concerns that wrap every response: limits, security headers, formats."""
