"""The Insights page: what the person's own records say, in calm charts and kind words."""
