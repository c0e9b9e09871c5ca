"""The quick read of a key from the freedesktop Secret Service, without loading ``keyring``.

Every command and every start reads the data key. Through ``keyring`` that read
first imports its backend module, whose helpers bring in urllib, http.client and
ssl: some 80 ms, and more again when the process ends. The item ``keyring``'s
SecretService backend stored is found here with ``secretstorage`` alone, the
library that backend itself uses, and by the same attributes.

Only the happy path is served: an unlocked default collection holding the item.
Whenever this read cannot answer (no D-Bus, a locked collection, no item, an
error), the caller asks ``keyring`` as before, so unlocking prompts, every error
and its words stay as they were.
"""

from __future__ import annotations

import logging
import os
import sys
from contextlib import closing

NAME = "SecretService Keyring"
"""The name ``keyring`` gives its SecretService backend, shown in Settings and ``regroup info``."""
log = logging.getLogger(__name__)


def quick_read_possible() -> bool:
    """Tell whether ``keyring`` would use the Secret Service here, so a quick read may stand in.

    Windows and macOS have their own keyrings; a backend named in
    PYTHON_KEYRING_BACKEND is the person's choice and is always asked, and so is
    keyring when a KEYRING_PROPERTY_* variable changes where it keeps items (another
    collection, KeePassXC's attribute names).
    """
    if sys.platform in ("win32", "darwin") or os.environ.get("PYTHON_KEYRING_BACKEND"):
        return False
    if any(name.startswith("KEYRING_PROPERTY_") for name in os.environ):
        return False
    return bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS") or os.environ.get("XDG_RUNTIME_DIR"))


def read_secret(service: str, username: str) -> str | None:
    """Return the secret stored for ``service`` and ``username``, or None when unsure.

    None means "ask keyring": nothing was found, or finding it needs more than a
    read (an unlock prompt, a collection to create).
    """
    try:
        import secretstorage

        with closing(secretstorage.dbus_init()) as connection:
            collection = secretstorage.Collection(connection)  # the "default" alias
            if collection.is_locked():
                return None
            for item in collection.search_items({"username": username, "service": service}):
                if item.is_locked():
                    return None
                return item.get_secret().decode("utf-8")
    except Exception as exc:  # D-Bus, jeepney and the daemon raise their own types
        # Only the type: a decoding error's repr would hold the secret's bytes.
        log.info("the quick keyring read gave way to keyring (%s)", type(exc).__name__)
    return None
