"""The data key: the key file, wrapping, the keyring, the recovery key and unlocking."""
