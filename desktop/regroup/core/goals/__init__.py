"""The goals board: goals in lanes, kept in the order the person left them."""
