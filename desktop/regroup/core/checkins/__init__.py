"""Move-on check-ins and the reminder arithmetic that brings them."""
