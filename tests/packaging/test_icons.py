"""The icons the installers use are drawn from the one SVG at build time, in every format."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage, QImageReader

ROOT = Path(__file__).resolve().parent.parent.parent


def _load_icons_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "packaging_icons", ROOT / "packaging" / "icons.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


icons = _load_icons_module()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    icons.build(out)
    return out


def test_every_hicolor_size_is_a_png_of_that_size(rendered: Path) -> None:
    for size in icons.HICOLOR_SIZES:
        image = QImage(str(rendered / "hicolor" / f"{size}x{size}" / "apps" / "regroup.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        assert image.pixelColor(size // 2, size // 2).alpha() == 255
        assert image.pixelColor(0, 0).alpha() == 0


def test_the_windows_icon_holds_every_size_up_to_256(rendered: Path) -> None:
    reader = QImageReader(str(rendered / "regroup.ico"), b"ico")
    sizes = set()
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        sizes.add(image.width())
    assert sizes == set(icons.ICO_SIZES)


def test_the_macos_icon_is_an_icns_that_qt_reads_back(rendered: Path) -> None:
    data = (rendered / "regroup.icns").read_bytes()
    assert data[:4] == b"icns"
    assert int.from_bytes(data[4:8], "big") == len(data)
    kinds, offset = [], 8
    while offset < len(data):
        kinds.append(data[offset : offset + 4].decode())
        offset += int.from_bytes(data[offset + 4 : offset + 8], "big")
    assert offset == len(data)
    assert kinds == [kind.decode() for kind, _ in icons.ICNS_TYPES]
    reader = QImageReader(str(rendered / "regroup.icns"), b"icns")
    assert reader.imageCount() >= 1
    assert not reader.read().isNull()
