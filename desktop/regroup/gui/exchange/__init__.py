"""File › Export…: the export dialog and the PDF painting it shares with the command line."""
