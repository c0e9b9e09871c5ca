"""What differs per operating system: start at login."""
