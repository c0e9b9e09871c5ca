"""The Settings page, built from the sections the pages give it."""
