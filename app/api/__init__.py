"""HTTP: dependencies and one router per resource. No SQL here."""
