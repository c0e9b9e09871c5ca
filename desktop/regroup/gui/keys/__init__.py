"""Asking for keys: the passphrase, the recovery key and the dialogs that show them."""
