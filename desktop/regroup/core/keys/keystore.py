"""The data key in the OS keyring, through ``keyring``, accepting only backends that protect it.

Windows Credential Locker, the macOS Keychain, the freedesktop Secret Service and
KWallet keep secrets encrypted under the user's login. The fail, null, chainer-only
and plaintext backends (``keyrings.alt``) do not, so the app treats them as "no
keyring" and falls back to a passphrase.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from regroup.core.errors import KeystoreUnavailableError
from regroup.core.keys import secret_service

SERVICE = "Regroup"
TIMEOUT_VARIABLE = "REGROUP_KEYRING_TIMEOUT"
DEFAULT_TIMEOUT_SECONDS = 30.0
_TRUSTED_MODULES = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.Windows",
    "keyring.backends.macOS",
)
log = logging.getLogger(__name__)
T = TypeVar("T")


class KeyringTimeoutError(KeystoreUnavailableError):
    """The keyring did not answer in time: most often it is locked and its prompt unanswered."""


def keyring_timeout() -> float:
    """Seconds to wait for the keyring: REGROUP_KEYRING_TIMEOUT (for tests), else 30."""
    try:
        seconds = float(os.environ.get(TIMEOUT_VARIABLE, DEFAULT_TIMEOUT_SECONDS))
    except ValueError:
        return DEFAULT_TIMEOUT_SECONDS
    return seconds if 0 < seconds < 86_400 else DEFAULT_TIMEOUT_SECONDS


def timeout_message(seconds: float) -> str:
    """What to do when the keyring stays silent (the window and the terminal say the same)."""
    return (
        f"The system keyring did not answer within {seconds:g} seconds; it may be locked "
        "and waiting for its password. Unlock it (it often unlocks when you sign in, or "
        "from your desktop's passwords app) and start Regroup again, or open your diary "
        "now with your passphrase or recovery key."
    )


class Answer(Generic[T]):
    """A keyring call running in a daemon thread, waited for at most :func:`keyring_timeout`.

    A locked keyring can show an unlock prompt that nobody answers (no desktop, or the
    person is away): the call would then block forever. The abandoned thread is a
    daemon, so it never keeps the process from ending.
    """

    def __init__(self, func: Callable[[], T]) -> None:
        import threading

        self._outcome: list[T] = []
        self._failure: list[BaseException] = []

        def call() -> None:
            try:
                self._outcome.append(func())
            except BaseException as exc:  # handed to the waiting thread as it was
                self._failure.append(exc)

        self._worker = threading.Thread(target=call, name="regroup-keyring", daemon=True)
        self._worker.start()

    def finished(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for the call to end; tell whether it has."""
        self._worker.join(seconds)
        return not self._worker.is_alive()

    def wait(self) -> T:
        """Return what the call gave, raise what it raised, or give up after the timeout."""
        seconds = keyring_timeout()
        self._worker.join(seconds)
        if self._worker.is_alive():
            log.warning("the keyring did not answer within %g s", seconds)
            raise KeyringTimeoutError(timeout_message(seconds))
        if self._failure:
            raise self._failure[0]
        return self._outcome[0]


def _answer_in_time(func: Callable[[], T]) -> T:
    """Run a keyring call in a daemon thread and wait for it (see :class:`Answer`)."""
    return Answer(func).wait()


class KeyStore(Protocol):
    """Somewhere outside the profile folder that can hold a profile's data key."""

    def name(self) -> str:
        """Return a short human name, e.g. "Secret Service"."""
        ...

    def load(self, profile_id: str) -> bytes | None:
        """Return the stored key, None when there is none, or raise KeystoreUnavailableError."""
        ...

    def save(self, profile_id: str, key: bytes) -> None:
        """Store the key or raise KeystoreUnavailableError."""
        ...

    def delete(self, profile_id: str) -> None:
        """Forget the key; a missing item is not an error."""
        ...


def is_trusted_backend(backend: Any) -> bool:
    """Tell whether a keyring backend keeps secrets encrypted by the OS."""
    return type(backend).__module__.startswith(_TRUSTED_MODULES)


NATIVE_KEYRINGS = {"win32": "keyring.backends.Windows", "darwin": "keyring.backends.macOS"}
FREEDESKTOP_KEYRING = "keyring.backends.SecretService"


def native_keyring_module(platform: str) -> str:
    """Return the keyring backend module Regroup tries first on ``platform`` (a sys.platform)."""
    return NATIVE_KEYRINGS.get(platform, FREEDESKTOP_KEYRING)


def _platform_backend(platform: str | None = None) -> Any:
    """Return this OS's native backend without keyring's slow plugin discovery, or None."""
    import importlib

    native = importlib.import_module(native_keyring_module(platform or sys.platform))
    backend_class = getattr(native, "WinVaultKeyring", None) or native.Keyring
    try:
        viable = backend_class.priority > 0
    except Exception as exc:  # each backend signals "not here" with its own error
        log.info("native keyring not usable: %r", exc)
        return None
    return backend_class() if viable else None


def _pick_backend() -> Any:
    """Use the native backend; fall back to keyring's discovery (KWallet, user config)."""
    import keyring
    from keyring.backends import chainer

    if not os.environ.get("PYTHON_KEYRING_BACKEND"):
        native = _platform_backend()
        if native is not None:
            return native
    backend = keyring.get_keyring()
    candidates = backend.backends if isinstance(backend, chainer.ChainerBackend) else [backend]
    for candidate in candidates:
        if is_trusted_backend(candidate):
            return candidate
    names = ", ".join(type(c).__module__ for c in candidates) or "none"
    raise KeystoreUnavailableError(f"No secure system keyring is available (found: {names}).")


class SystemKeyStore:
    """The OS keyring, one item per profile under the service name "Regroup"."""

    def __init__(self) -> None:
        self._backend: Any = None
        self._read_quickly = False
        self._early: tuple[str, Answer[str | None]] | None = None

    def read_early(self, profile_id: str) -> None:
        """Start the quick read of ``profile_id``'s key now, for :meth:`load` to pick up.

        A command starts it before importing what it needs: the Secret Service's
        answers then arrive while this process is busy anyway.
        """
        if self._backend is None and secret_service.quick_read_possible():
            read = Answer(lambda: secret_service.read_secret(SERVICE, profile_id))
            self._early = (profile_id, read)

    def settle(self, seconds: float) -> bool:
        """Let a read started early and never asked for end; tell whether it did in time.

        Python must not end while that thread is still loading or reading: it can
        crash the process on its way out. A command that fails before it needs the
        key (an empty entry) ends here.
        """
        return self._early is None or self._early[1].finished(seconds)

    def _get_backend(self) -> Any:
        if self._backend is None:
            self._backend = _pick_backend()
        return self._backend

    def name(self) -> str:
        """Return the backend's own name, e.g. "SecretService Keyring"."""
        if self._read_quickly and self._backend is None:
            return secret_service.NAME
        try:
            return str(getattr(_answer_in_time(self._get_backend), "name", "system keyring"))
        except KeystoreUnavailableError:
            return "no secure keyring"

    def _call(self, action: str, method: str, *args: str) -> Any:
        """Call the backend's ``method`` in time; finding the backend (D-Bus) counts too."""
        from keyring.errors import KeyringError

        try:
            return _answer_in_time(lambda: getattr(self._get_backend(), method)(SERVICE, *args))
        except KeystoreUnavailableError:
            raise
        except (KeyringError, OSError, RuntimeError, ValueError) as exc:
            log.warning("keyring %s failed: %s", action, exc)
            raise KeystoreUnavailableError(
                f"The system keyring could not {action} the key ({exc or type(exc).__name__})."
            ) from exc
        except Exception as exc:  # D-Bus and OS bindings raise their own types
            log.warning("keyring %s failed: %r", action, exc)
            raise KeystoreUnavailableError(
                f"The system keyring could not {action} the key ({type(exc).__name__})."
            ) from exc

    def _quick_read(self, profile_id: str) -> str | None:
        """Read the Secret Service without loading keyring; None when keyring must answer."""
        early = self._early
        if early is not None and early[0] == profile_id:
            self._early = None  # taken; another profile's read stays for settle()
            value = early[1].wait()
        elif self._backend is not None or not secret_service.quick_read_possible():
            return None
        else:
            value = _answer_in_time(lambda: secret_service.read_secret(SERVICE, profile_id))
        self._read_quickly = value is not None
        return value

    def load(self, profile_id: str) -> bytes | None:
        """Return the profile's key from the keyring, or None when it holds none."""
        value = self._quick_read(profile_id)
        if value is None:
            value = self._call("read", "get_password", profile_id)
        if value is None:
            return None
        try:
            return bytes.fromhex(value)
        except ValueError:
            log.warning("keyring item for %s is not a Regroup key", profile_id)
            return None

    def save(self, profile_id: str, key: bytes) -> None:
        """Store the key as hex text, the only form every backend accepts."""
        self._call("store", "set_password", profile_id, key.hex())

    def delete(self, profile_id: str) -> None:
        """Remove the item; absent items are fine."""
        from keyring.errors import PasswordDeleteError

        try:
            self._call("delete", "delete_password", profile_id)
        except KeystoreUnavailableError as exc:
            if not isinstance(exc.__cause__, PasswordDeleteError):
                raise
