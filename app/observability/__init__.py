"""What the server tells its operators: request ids, logs, metrics, readiness."""
