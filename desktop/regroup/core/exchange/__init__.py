"""Export and import: JSON to move or restore a profile, Markdown to read it."""
