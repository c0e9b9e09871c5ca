"""The app lock's rules: the PIN's verifier, the passphrase check, the wait after wrong tries.

The lock protects the diary from someone at the screen while Regroup runs; the
profile stays open underneath (reminders need it), so it is no defence against
someone who can read the process's memory. The PIN is therefore only ever stored
as a slow scrypt verifier, so a copied profile does not hand out the PIN cheaply,
and the passphrase is checked against the key file without reopening anything.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from regroup.core.errors import KeyFileError, ValidationError, WrongKeyError
from regroup.core.keys.key_check import key_matches
from regroup.core.keys.key_file import KeyFile
from regroup.core.record import record

PIN_LENGTHS = range(4, 13)
IDLE_MINUTES = range(1, 121)
"""The idle times the lock offers, in minutes (the lock after idle is off unless chosen)."""
PIN_SCRYPT_LOG2_N = 15
PIN_SCRYPT_R = 8
PIN_SCRYPT_P = 1
_SALT_BYTES = 16
_DIGEST_BYTES = 32
_VERIFIER_KIND = "scrypt"
FREE_TRIES = 3
"""Wrong tries that cost nothing: typos happen."""
MAX_WAIT_SECONDS = 30.0


def check_pin(pin: str) -> str:
    """Return the PIN if it is 4 to 12 digits, else say kindly what a PIN is here."""
    if not (pin.isascii() and pin.isdigit() and len(pin) in PIN_LENGTHS):
        raise ValidationError(
            f"A PIN is {PIN_LENGTHS.start} to {PIN_LENGTHS.stop - 1} digits (0 to 9), nothing else."
        )
    return pin


def _derive(pin: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    n = 1 << log2_n
    return hashlib.scrypt(
        pin.encode("ascii"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=256 * n * r + (1 << 20),
        dklen=_DIGEST_BYTES,
    )


@record
class PinVerifier:
    """What is stored for a PIN: scrypt's parameters, a random salt and the digest."""

    log2_n: int
    r: int
    p: int
    salt: bytes
    digest: bytes

    @classmethod
    def for_pin(cls, pin: str, log2_n: int = PIN_SCRYPT_LOG2_N) -> PinVerifier:
        """Make the verifier of a new PIN (the PIN itself is never kept)."""
        salt = secrets.token_bytes(_SALT_BYTES)
        digest = _derive(check_pin(pin), salt, log2_n, PIN_SCRYPT_R, PIN_SCRYPT_P)
        return cls(log2_n, PIN_SCRYPT_R, PIN_SCRYPT_P, salt, digest)

    def matches(self, pin: str) -> bool:
        """Tell whether ``pin`` is the PIN (in constant time once derived)."""
        if not (pin.isascii() and pin.isdigit() and len(pin) in PIN_LENGTHS):
            return False
        candidate = _derive(pin, self.salt, self.log2_n, self.r, self.p)
        return hmac.compare_digest(candidate, self.digest)

    def to_text(self) -> str:
        """Return the verifier as one line for the settings table."""
        salt = base64.b64encode(self.salt).decode("ascii")
        digest = base64.b64encode(self.digest).decode("ascii")
        return f"{_VERIFIER_KIND}${self.log2_n}${self.r}${self.p}${salt}${digest}"

    @classmethod
    def from_text(cls, text: str) -> PinVerifier:
        """Read a stored verifier; a damaged one is a KeyFileError, never a traceback."""
        try:
            kind, log2_n, r, p, salt, digest = text.split("$")
            verifier = cls(
                int(log2_n), int(r), int(p), base64.b64decode(salt), base64.b64decode(digest)
            )
        except ValueError as exc:
            raise KeyFileError("The lock's PIN record is damaged; set the PIN again.") from exc
        if kind != _VERIFIER_KIND or not (10 <= verifier.log2_n <= 20) or verifier.r < 1:
            raise KeyFileError("The lock's PIN record is damaged; set the PIN again.")
        if not (1 <= verifier.p <= 16) or len(verifier.digest) != _DIGEST_BYTES:
            raise KeyFileError("The lock's PIN record is damaged; set the PIN again.")
        return verifier


def passphrase_opens(key_file: KeyFile, passphrase: str) -> bool:
    """Tell whether ``passphrase`` unwraps this profile's data key (nothing is reopened)."""
    from regroup.core.keys import key_wrap

    if key_file.passphrase is None or not passphrase:
        return False
    try:
        key = key_wrap.unwrap_with_passphrase(key_file.passphrase, passphrase, key_file.profile_id)
    except (WrongKeyError, ValueError, MemoryError):  # a wrong passphrase, damaged parameters
        return False
    return key_matches(key, key_file.profile_id, key_file.key_check)


def wait_after(wrong_tries: int) -> float:
    """Return the seconds to wait after ``wrong_tries`` wrong tries in a row.

    The first few are free, then the wait doubles from one second up to half a
    minute and stays there: slow enough to spoil guessing a PIN, never a lockout.
    """
    if wrong_tries < FREE_TRIES:
        return 0.0
    return min(MAX_WAIT_SECONDS, float(2 ** (wrong_tries - FREE_TRIES)))


class TryGate:
    """Counts wrong tries in a row and says how long until the next try is heard.

    Times are seconds from any steady clock (``time.monotonic``), passed in so that
    tests move them by hand.
    """

    def __init__(self) -> None:
        self.wrong_tries = 0
        self._open_at = 0.0

    def seconds_left(self, now: float) -> float:
        """Return how long the next try must wait (0 when it can be made now)."""
        return max(0.0, self._open_at - now)

    def wrong(self, now: float) -> float:
        """Note a wrong try; return the wait before the next one."""
        self.wrong_tries += 1
        wait = wait_after(self.wrong_tries)
        self._open_at = now + wait
        return wait

    def right(self) -> None:
        """The lock opened: the count starts again."""
        self.wrong_tries = 0
        self._open_at = 0.0


@record
class IdleRule:
    """Lock after ``minutes`` without input to the app; None keeps the window open."""

    minutes: int | None

    def seconds_left(self, last_input: float, now: float) -> float | None:
        """Return the seconds until the lock (0 when due), or None when idle never locks."""
        if self.minutes is None:
            return None
        return max(0.0, last_input + self.minutes * 60 - now)

    def due(self, last_input: float, now: float) -> bool:
        """Tell whether the app has been idle long enough to lock."""
        left = self.seconds_left(last_input, now)
        return left is not None and left == 0.0
