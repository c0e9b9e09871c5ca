"""The Check-ins page: what is due, missed, coming and done, and the form."""
