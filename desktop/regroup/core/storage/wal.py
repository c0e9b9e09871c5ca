"""Finding a damaged write-ahead log before SQLite reads it, and keeping a copy of it.

SQLite stops reading a WAL at the first frame whose checksum fails and silently
forgets every frame after it, committed or not. The checksums cover the encrypted
pages, so they can be checked here without the key; when one fails, the WAL is copied
aside first, so that nothing the person wrote is thrown away unseen.
"""

from __future__ import annotations

import os
import struct
from datetime import datetime
from pathlib import Path

_MAGIC_LITTLE = 0x377F0682
_MAGIC_BIG = 0x377F0683
_HEADER = 32
_FRAME_HEADER = 24
_MASK = 0xFFFFFFFF


def _checksum(data: bytes, big_endian: bool, s0: int = 0, s1: int = 0) -> tuple[int, int]:
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & _MASK
        s1 = (s1 + words[i + 1] + s0) & _MASK
    return s0, s1


def wal_is_damaged(wal: bytes) -> bool:
    """Tell whether a complete frame of the WAL's current generation fails its checksum.

    A frame cut short at the end (a write interrupted before its commit) is not
    damage: it was never acknowledged.
    """
    if len(wal) < _HEADER:
        return False
    magic, _version, page_size = struct.unpack(">III", wal[:12])
    if magic not in (_MAGIC_LITTLE, _MAGIC_BIG) or page_size < 512:
        return True
    big = magic == _MAGIC_BIG
    salts = wal[16:24]
    s0, s1 = _checksum(wal[:24], big)
    if (s0, s1) != struct.unpack(">II", wal[24:32]):
        return True
    offset = _HEADER
    frame_size = _FRAME_HEADER + page_size
    while offset + frame_size <= len(wal):
        frame = wal[offset : offset + frame_size]
        if frame[8:16] != salts:
            return False  # frames of an older generation, left after a reset: not read
        s0, s1 = _checksum(frame[:8], big, s0, s1)
        s0, s1 = _checksum(frame[_FRAME_HEADER:], big, s0, s1)
        if (s0, s1) != struct.unpack(">II", frame[16:24]):
            return True
        offset += frame_size
    return False


def set_damaged_wal_aside(database: Path, now: datetime) -> Path | None:
    """Copy a damaged ``-wal`` beside the database (owner-only) and return the copy's path."""
    wal_path = database.with_name(database.name + "-wal")
    try:
        wal = wal_path.read_bytes()
    except FileNotFoundError:
        return None
    if not wal_is_damaged(wal):
        return None
    aside = wal_path.with_name(f"{wal_path.name}.{now:%Y%m%d-%H%M%S}.aside")
    fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(wal)
        out.flush()
        os.fsync(out.fileno())
    return aside
