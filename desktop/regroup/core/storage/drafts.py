"""Recovery drafts: what was in the editor or the form when a save failed, kept encrypted.

A draft is sealed with the profile's data key (AES-GCM), so diary and debrief text
never sits on disk in the clear. It goes into the profile folder, or into the user's
cache folder when the profile folder cannot be written (a full disk or a read-only
folder is usually why the save failed in the first place). The diary and the
debriefs each keep one draft, in files of their own (each feature's ``drafts``
module says how its content is written), so a failure in one never overwrites
the other's words.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Generic, TypeVar

from regroup.core.drafts import Draft, DraftKind
from regroup.core.errors import StorageWriteError
from regroup.core.storage.columns import from_db_time, to_db_time
from regroup.core.storage.files import atomic_write_bytes, make_private_dir

C = TypeVar("C")
log = logging.getLogger(__name__)


class DraftSlot(Generic[C]):
    """Saves, finds and discards the one recovery draft of one kind of content."""

    def __init__(self, key: bytes, folders: list[Path], kind: DraftKind[C]) -> None:
        self._key = key
        self._kind = kind
        self._paths = [folder / kind.file_name for folder in folders]

    def _encode(self, draft: Draft[C]) -> bytes:
        raw = {
            self._kind.id_key: draft.record_id,
            "saved_at": to_db_time(draft.saved_at),
            **self._kind.to_json(draft.content),
        }
        return json.dumps(raw, ensure_ascii=False).encode("utf-8", "surrogatepass")

    def _decode(self, data: bytes) -> Draft[C]:
        raw = json.loads(data.decode("utf-8", "surrogatepass"))
        content = self._kind.from_json(raw)
        return Draft(raw[self._kind.id_key], content, from_db_time(raw["saved_at"]))

    def save(self, draft: Draft[C]) -> Path:
        """Write the draft to the first folder that accepts it and return where it went."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(12)
        sealed = nonce + AESGCM(self._key).encrypt(nonce, self._encode(draft), self._kind.aad)
        problems = []
        for path in self._paths:
            try:
                make_private_dir(path.parent)
                atomic_write_bytes(path, sealed)
            except StorageWriteError as exc:
                problems.append(str(exc))
                continue
            self._remove(other for other in self._paths if other != path)
            return path
        raise StorageWriteError(" ".join(problems))

    def load(self) -> Draft[C] | None:
        """Return the newest readable draft, or None."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        found: list[Draft[C]] = []
        for path in self._paths:
            try:
                data = path.read_bytes()
                opened = AESGCM(self._key).decrypt(data[:12], data[12:], self._kind.aad)
                found.append(self._decode(opened))
            except FileNotFoundError:
                continue
            except (OSError, InvalidTag, ValueError, KeyError, TypeError) as exc:
                log.warning("ignoring unreadable recovery draft %s: %s", path, exc)
        return max(found, key=lambda d: d.saved_at) if found else None

    def discard(self) -> None:
        """Forget the draft (after it was saved or the person let it go)."""
        self._remove(self._paths)

    @staticmethod
    def _remove(paths: Iterable[Path]) -> None:
        """Delete older copies; one that cannot go is logged, as the newest one wins."""
        for path in paths:
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("could not remove recovery draft %s: %s", path, exc)
