"""Render Regroup's SVG icon into the PNG sizes, .ico and .icns that installers need.

Run with the build venv's Python: ``python packaging/icons.py OUT_DIR``. Qt's own SVG
renderer draws the PNGs offscreen, so the build needs no extra tool; the .ico and
.icns containers are simple enough to write here, which keeps the Windows and macOS
icons reproducible (and testable) on any machine.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "regroup.svg"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS chunk types that hold PNG data, by pixel size (the @2x types reuse larger PNGs).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_pngs(svg: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """Draw the SVG at each size with Qt (offscreen) and return the PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    pngs = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        pngs[size] = bytes(data.data())
    del app
    return pngs


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico whose images are PNGs (read by Windows Vista and later, and by Inno Setup)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An Apple .icns made of PNG chunks, as ``iconutil`` writes it."""
    chunks = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES
        if size in pngs
    )
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def build(out: Path, svg: Path = SVG) -> None:
    """Write hicolor/<N>x<N>/apps/regroup.png, regroup.ico and regroup.icns into ``out``."""
    needed = set(HICOLOR_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = render_pngs(svg, tuple(sorted(needed)))
    for size in HICOLOR_SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        (target / "regroup.png").write_bytes(pngs[size])
    (out / "regroup.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (out / "regroup.icns").write_bytes(icns_bytes(pngs))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: icons.py OUT_DIR")
    build(Path(sys.argv[1]))
