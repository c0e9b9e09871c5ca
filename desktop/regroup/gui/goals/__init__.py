"""The Goals board: lanes of cards, the goal dialog and the shelf."""
