"""Applications waiting to hear back, and the offer to close them once they go quiet."""
