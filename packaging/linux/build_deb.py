"""Wrap the PyInstaller bundle (build/dist/regroup) as a Debian package.

Usage, after packaging/build_bundle.py: ``python packaging/linux/build_deb.py``.
Writes build/regroup_<version>_<arch>.deb and prints its figures as JSON.

The package holds the app under /opt/regroup, a ``regroup`` command in /usr/bin, a
freedesktop .desktop file, hicolor icons, AppStream metainfo and a copyright file.
Its Depends line comes from ``dpkg-shlibdeps`` run over every ELF file in the bundle,
so it names exactly the Debian libraries the bundle links to (the bundle carries no
library Debian provides), plus the few that Qt opens with dlopen(). It has no
maintainer scripts: dpkg's own triggers refresh the icon and desktop caches, and
removing the package touches nothing in anybody's home folder.
"""

from __future__ import annotations

import datetime
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))
from build_bundle import version  # noqa: E402  (the one reader of the version)

BUILD = ROOT / "build"
BUNDLE = BUILD / "dist" / "regroup"
ICONS = BUILD / "icons"
APP_ID = "io.github.regroup.Regroup"
PACKAGE = "regroup"
# Opened with dlopen() by Qt, so no ELF file names them: QtDBus loads libdbus at run time.
DLOPEN_DEPENDS = ("libdbus-1-3",)
RECOMMENDS = ("libnotify-bin", "fonts-noto-color-emoji")
"""Emoji in entries draw as boxes without a colour emoji font; most desktops have one."""
SUGGESTS = ("gnome-keyring",)
COMPRESSION = os.environ.get("REGROUP_DEB_COMPRESSION", "xz")
DESCRIPTION = """\
private diary and debrief for the days after a job rejection
 Regroup helps you get through a job rejection and back to the search: write
 down how it feels, debrief what happened, turn the lessons into goals, and get
 a check-in a few days later to see whether you are ready to move on.
 .
 Everything stays on this computer in an encrypted (SQLCipher) database whose
 key is kept in the system keyring. Regroup never opens a network connection."""


def release_date() -> str:
    """The date of the commit being packaged (or SOURCE_DATE_EPOCH), for AppStream."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date().isoformat()
    result = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%cs"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() or datetime.date.today().isoformat()


def architecture() -> str:
    """Debian's name for this machine's architecture (amd64, arm64, ...)."""
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def is_elf(path: Path) -> bool:
    """Tell whether ``path`` is a regular ELF file (a program or a shared library)."""
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def shlib_depends(app_dir: Path, work: Path) -> list[str]:
    """The Debian packages (with minimum versions) that the bundle's ELF files link to."""
    elves = sorted(str(p) for p in app_dir.rglob("*") if is_elf(p))
    # With DEBIAN/ beside opt/, dpkg-shlibdeps can resolve the bundle's $ORIGIN run paths.
    (app_dir.parent.parent / "DEBIAN").mkdir(mode=0o755, exist_ok=True)
    lib_dirs = sorted({str(Path(p).parent) for p in elves if ".so" in Path(p).name})
    (work / "debian").mkdir(parents=True, exist_ok=True)
    (work / "debian" / "control").write_text(
        f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n", encoding="utf-8"
    )
    result = subprocess.run(
        ["dpkg-shlibdeps", "-O", "--ignore-missing-info", "--warnings=0"]
        + [f"-l{d}" for d in lib_dirs]
        + ["-e", *elves],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        errors = [ln for ln in result.stderr.splitlines() if "warning:" not in ln]
        raise SystemExit("dpkg-shlibdeps failed:\n" + "\n".join(errors))
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("shlibs:Depends=")), "")
    return [d.strip() for d in line.partition("=")[2].split(",") if d.strip()]


def with_dlopen_depends(depends: list[str]) -> list[str]:
    """Add the dlopen() libraries that dpkg-shlibdeps did not already name."""
    named = {d.split()[0] for d in depends}
    return sorted(set(depends) | {d for d in DLOPEN_DEPENDS if d not in named})


def _install(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def lay_out(root: Path, number: str) -> None:
    """Put every file of the package in place under ``root``."""
    shutil.copytree(BUNDLE, root / "opt" / PACKAGE, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")
    share = root / "usr" / "share"
    _install(HERE / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    metainfo = (HERE / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    metainfo = metainfo.replace("@VERSION@", number).replace("@DATE@", release_date())
    target = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    target.parent.mkdir(parents=True)
    target.write_text(metainfo, encoding="utf-8")
    hicolor = share / "icons" / "hicolor"
    svg = ROOT / "resources" / "icons" / "regroup.svg"
    _install(svg, hicolor / "scalable" / "apps" / f"{APP_ID}.svg")
    for png in sorted((ICONS / "hicolor").glob("*/apps/regroup.png")):
        size = png.parent.parent.name
        _install(png, hicolor / size / "apps" / f"{APP_ID}.png")
    doc = share / "doc" / PACKAGE
    _install(HERE / "copyright", doc / "copyright")
    changelog = (ROOT / "CHANGELOG.md").read_bytes()
    doc.joinpath("changelog.gz").write_bytes(gzip.compress(changelog, mtime=0))
    for path in root.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)


def validate(root: Path) -> None:
    """Check the .desktop and metainfo files with Debian's own validators."""
    share = root / "usr" / "share"
    desktop = share / "applications" / f"{APP_ID}.desktop"
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    checks = [
        ["desktop-file-validate", str(desktop)],
        ["appstreamcli", "validate", "--no-net", str(metainfo)],
    ]
    for command in checks:
        if shutil.which(command[0]) is None:
            raise SystemExit(f"{command[0]} is missing; run 'make package' as root to install it")
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")


def installed_size_kib(root: Path) -> int:
    """Installed-Size as dpkg counts it: KiB of files and symlinks, rounded up each."""
    total = 0
    for path in root.rglob("*"):
        if "DEBIAN" in path.relative_to(root).parts:
            continue
        if path.is_symlink() or path.is_file():
            total += (path.lstat().st_size + 1023) // 1024
    return total


def write_control(root: Path, number: str, depends: list[str]) -> None:
    """DEBIAN/control and DEBIAN/md5sums."""
    debian = root / "DEBIAN"
    debian.mkdir(mode=0o755, exist_ok=True)
    fields = {
        "Package": PACKAGE,
        "Version": number,
        "Architecture": architecture(),
        "Maintainer": "The Regroup developers <regroup@users.noreply.github.com>",
        "Installed-Size": str(installed_size_kib(root)),
        "Depends": ", ".join(with_dlopen_depends(depends)),
        "Recommends": ", ".join(RECOMMENDS),
        "Suggests": ", ".join(SUGGESTS),
        "Section": "misc",
        "Priority": "optional",
        "Description": DESCRIPTION,
    }
    control = "".join(f"{key}: {value}\n" for key, value in fields.items())
    (debian / "control").write_text(control, encoding="utf-8")
    sums = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if relative.parts[0] == "DEBIAN" or path.is_symlink() or not path.is_file():
            continue
        sums.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {relative}\n")
    (debian / "md5sums").write_text("".join(sums), encoding="utf-8")


def main() -> int:
    """Lay out, validate and build the .deb; print what it weighs."""
    if not (BUNDLE / PACKAGE).exists():
        raise SystemExit(f"{BUNDLE} is missing; run packaging/build_bundle.py first")
    os.umask(0o022)
    start = time.monotonic()
    number = version()
    work = BUILD / "deb"
    shutil.rmtree(work, ignore_errors=True)
    root = work / "root"
    lay_out(root, number)
    validate(root)
    depends = shlib_depends(root / "opt" / PACKAGE, work / "shlibdeps")
    write_control(root, number, depends)
    deb = BUILD / f"{PACKAGE}_{number}_{architecture()}.deb"
    deb.unlink(missing_ok=True)
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", f"-Z{COMPRESSION}", "--build", str(root), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    figures = {
        "deb": str(deb.relative_to(ROOT)),
        "version": number,
        "deb_mb": round(deb.stat().st_size / 1e6, 1),
        "installed_mb": round(installed_size_kib(root) * 1024 / 1e6, 1),
        "compression": COMPRESSION,
        "deb_seconds": round(time.monotonic() - start, 1),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
