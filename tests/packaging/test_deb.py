"""The .deb from ``make package``, installed with apt on this machine, run, and removed again.

These tests change the machine (they install and purge the package), so they run only
as root and only with ``-m package`` (``make package-test``, which ``make test`` runs).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from regroup import __version__
from tests.packaging import deb
from tests.support.session_bus import SessionBus

pytestmark = [pytest.mark.package, pytest.mark.integration]
APP_ID = "io.github.regroup.Regroup"

XVFB_SESSION = r"""
set -eu
data_dir=$1 report=$2
printf regroup-test | gnome-keyring-daemon --foreground --unlock --components=secrets \
    >/dev/null 2>&1 &
keyring=$!
dunst >/dev/null 2>&1 &
dunst=$!
trayer --edge top --SetDockType true --expand false >/dev/null 2>&1 &
trayer=$!
trap 'kill $keyring $dunst $trayer 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
        | grep -q 'boolean true' && break
    sleep 0.1
done
sleep 1
/usr/bin/regroup --data-dir "$data_dir" init </dev/null >/dev/null
REGROUP_EXIT_WHEN_READY=1 /usr/bin/regroup --data-dir "$data_dir" </dev/null
/usr/bin/regroup --bundle-check </dev/null >"$report"
"""


@pytest.fixture(scope="module")
def deb_file() -> Path:
    """The .deb built by ``make package`` for this version."""
    if os.geteuid() != 0:
        pytest.skip("installing a .deb needs root")
    missing = deb.have_tools("dpkg-deb", "apt-get", "xvfb-run", "dbus-run-session", "dunst")
    if missing:
        pytest.fail(f"missing {', '.join(missing)}; run 'make package-test' as root")
    path = deb.deb_path()
    if not path.exists():
        pytest.fail(f"{path} is missing: run 'make package' first (make package-test does)")
    return path


@pytest.fixture(scope="module")
def installed(deb_file: Path) -> Iterator[Path]:
    """The package installed with apt; purged again when the module's tests are done."""
    deb.purge()
    deb.install(deb_file)
    try:
        yield deb.INSTALLED_COMMAND
    finally:
        deb.purge()


@pytest.fixture
def app_env(session_bus: SessionBus) -> dict[str, str]:
    """The test's environment: temp HOME, the private bus and its unlocked keyring, offscreen."""
    return {**os.environ, **session_bus.env, "QT_QPA_PLATFORM": "offscreen"}


def test_the_deb_stays_within_its_size_budgets(deb_file: Path) -> None:
    info = subprocess.run(
        ["dpkg-deb", "--field", str(deb_file), "Version", "Installed-Size"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fields = dict(line.split(": ", 1) for line in info.splitlines())
    deb_mb = deb_file.stat().st_size / 1e6
    installed_mb = int(fields["Installed-Size"]) * 1024 / 1e6
    deb.record({"deb_mb": round(deb_mb, 1), "installed_mb": round(installed_mb, 1)})
    assert fields["Version"] == __version__
    assert deb_mb <= deb.MAX_DEB_MB
    assert installed_mb <= deb.MAX_INSTALLED_MB


def test_the_deb_declares_the_libraries_qt_needs_to_show_a_window(deb_file: Path) -> None:
    depends = subprocess.run(
        ["dpkg-deb", "--field", str(deb_file), "Depends"], capture_output=True, text=True
    ).stdout
    names = {item.split()[0] for item in depends.replace("\n", " ").split(",") if item.strip()}
    wanted = {
        "libxcb-cursor0",
        "libxcb-icccm4",
        "libxcb-keysyms1",
        "libxkbcommon-x11-0",
        "libfontconfig1",
        "libdbus-1-3",
        "libegl1",
    }
    assert wanted <= names
    assert not any(name.startswith(("libgtk", "python3")) for name in names)


def test_desktop_and_metainfo_files_pass_the_debian_validators(
    deb_file: Path, tmp_path: Path
) -> None:
    subprocess.run(["dpkg-deb", "-x", str(deb_file), str(tmp_path)], check=True)
    desktop = tmp_path / "usr/share/applications" / f"{APP_ID}.desktop"
    metainfo = tmp_path / "usr/share/metainfo" / f"{APP_ID}.metainfo.xml"
    subprocess.run(["desktop-file-validate", str(desktop)], check=True)
    subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)], check=True)
    assert f'<release version="{__version__}"' in metainfo.read_text()
    assert (tmp_path / "usr/share/icons/hicolor/scalable/apps" / f"{APP_ID}.svg").exists()
    for size in (16, 32, 48, 64, 128, 256):
        png = tmp_path / f"usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "GPL-3+" in (tmp_path / "usr/share/doc/regroup/copyright").read_text()


def test_every_library_the_installed_app_loads_comes_with_it_or_with_its_depends(
    installed: Path, deb_file: Path
) -> None:
    depends = subprocess.run(
        ["dpkg-deb", "--field", str(deb_file), "Depends"], capture_output=True, text=True
    ).stdout
    names = [item.split()[0] for item in depends.replace("\n", " ").split(",") if item.strip()]
    closure = deb.depends_closure(names)
    linked = deb.linked_system_libraries(Path("/opt/regroup"))
    assert "not found" not in linked, linked.get("not found")
    unowned = {
        library: sorted(users)
        for library, users in linked.items()
        if deb.owning_package(library) not in closure
    }
    assert unowned == {}
    assert len(linked) > 20


def test_installed_regroup_prints_the_package_version(installed: Path) -> None:
    result = subprocess.run([str(installed), "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.strip() == f"Regroup {__version__}"
    assert installed.resolve() == Path("/opt/regroup/regroup")


def test_installed_app_opens_a_profile_and_quits_cleanly_offscreen(
    installed: Path, app_env: dict[str, str], tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    deb.create_profile([str(installed)], profile, app_env)
    start_ms = deb.start_to_ready_ms([str(installed)], profile, app_env)
    listing = subprocess.run(
        [str(installed), "--data-dir", str(profile), "list"],
        capture_output=True,
        text=True,
        env=app_env,
        check=True,
    )
    assert "A first line from the package test." in listing.stdout
    assert start_ms < 30_000


def test_installed_app_finds_a_real_keyring_and_notifier_under_x11(
    installed: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    runtime = home / "run"
    runtime.mkdir(parents=True, mode=0o700)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DBUS_", "QT_QPA", "XDG_", "DISPLAY"))
    }
    env.update(HOME=str(home), XDG_RUNTIME_DIR=str(runtime))
    report = tmp_path / "report.json"
    session = ["bash", "-c", XVFB_SESSION, "xvfb-session", str(tmp_path / "profile"), str(report)]
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "dbus-run-session", "--", *session],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "regroup-ready" in result.stdout
    check = json.loads(report.read_text())
    assert check["frozen"] is True
    assert check["version"] == __version__
    assert check["problems"] == []
    assert check["missing_modules"] == []
    assert check["qt"]["platform"] == "xcb"
    assert check["qt"]["tray_available"] is True
    assert check["keyring"]["backend"] == "keyring.backends.SecretService.Keyring"
    assert check["keyring"]["trusted"] is True
    assert "SecretService" in check["keyring"]["entry_points"]
    assert check["notification"]["implementation"].startswith(
        "plyer.platforms.linux.notification.Notify"
    )
    assert check["sqlcipher"]["fts5"] is True


def test_start_up_of_the_installed_app_is_close_to_a_run_from_source(
    installed: Path, app_env: dict[str, str], tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    deb.create_profile(deb.source_command(), profile, app_env)
    source_ms, installed_ms = deb.median_starts_ms(
        [deb.source_command(), [str(installed)]], profile, app_env, runs=7
    )
    deb.record(
        {
            "start_from_source_ms": source_ms,
            "start_installed_ms": installed_ms,
            "start_ratio": round(installed_ms / source_ms, 2),
        }
    )
    assert installed_ms <= deb.MAX_START_RATIO * source_ms


def test_removing_the_package_leaves_none_of_its_files_and_the_profile_untouched(
    installed: Path, app_env: dict[str, str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        profile = Path(folder) / "profile"
        deb.create_profile([str(installed)], profile, app_env)
        before = deb.tree_digest(profile)
        paths = deb.package_paths()
        deb.apt("remove", deb.PACKAGE)
        subprocess.run(["dpkg", "--purge", deb.PACKAGE], capture_output=True, check=True)
        left = [p for p in paths if deb.left_behind(p)]
        assert not deb.is_installed()
        assert left == []
        assert not Path("/opt/regroup").exists()
        assert not installed.exists()
        assert deb.tree_digest(profile) == before
