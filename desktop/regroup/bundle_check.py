"""What a frozen Regroup must carry beyond its static imports, and a self-check that loads it.

PyInstaller follows ``import`` statements. Some libraries pick their code at run time
instead: plyer imports ``plyer.platforms.<os>.notification`` by name, keyring finds
its backends through entry points, Qt loads plugins from folders. The build spec
(``packaging/regroup.spec``) bundles the modules listed here, and the package tests
run ``python -m regroup.bundle_check`` (or the installed ``regroup --bundle-check``)
to prove that the frozen app finds and picks real implementations.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import sys
from typing import Any

from regroup.cli import GROUPS
from regroup.core.keys.keystore import native_keyring_module
from regroup.gui.reminders.notifier_types import TRAY_MESSAGE_PLATFORMS

CHECK_FLAG = "--bundle-check"

# Imported by name at run time; bundled for every OS so one list serves all three builds.
DYNAMIC_IMPORTS = (
    # The command groups, which the command line imports by name when it builds its parser.
    *(f"regroup.cli.{name}" for name in GROUPS),
    # The pages, which the window imports by name when each is first shown
    # (regroup.gui.main_window.PAGES; a test keeps the two lists in step).
    "regroup.gui.diary.page",
    "regroup.gui.debriefs.page",
    "regroup.gui.goals.page",
    "regroup.gui.checkins.page",
    "regroup.gui.insights.page",
    "regroup.gui.insights.settings_section",
    "regroup.gui.settings.page",
    "plyer.platforms.linux.notification",
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.chainer",
    "keyring.backends.fail",
    "sqlcipher3",
    "sqlcipher3.dbapi2",
    "playhouse.sqlcipher_ext",
    "playhouse.sqlite_ext",
)
# Present only where they were installed; bundled when the build finds them.
OPTIONAL_IMPORTS = ("dbus", "dbus.mainloop.glib")
REQUIRED_RESOURCES = (
    "prompts.json",
    "icons/regroup.svg",
    # The look: without these the window would start unstyled (regroup.gui.kit.theme).
    "theme/palette.json",
    "theme/style.qss",
    "theme/check-dark.svg",
    "icons/tabler/LICENSE",
    "icons/tabler/notebook.svg",
)
TRAY_MESSAGE = "QSystemTrayIcon.showMessage"


def native_modules(platform: str) -> tuple[str, ...]:
    """Return what must import inside the bundle on ``platform`` (a sys.platform).

    The others need their own OS's libraries. Windows and macOS notify through Qt's
    tray (always bundled), so only their keyring backend is listed for them; Linux
    adds the notifiers that speak D-Bus.
    """
    keyring_backend = native_keyring_module(platform)
    if not platform.startswith("linux"):
        return (keyring_backend,)
    return (
        "plyer.platforms.linux.notification",
        keyring_backend,
        # The notifications that hear a click: imported at the first notice, not at start.
        "regroup.gui.reminders.dbus_notifier",
        "jeepney.io.blocking",
    )


def missing_modules() -> list[str]:
    """Return the listed modules the running Python (or bundle) cannot find."""
    missing = []
    for name in DYNAMIC_IMPORTS:
        try:
            found = importlib.util.find_spec(name) is not None
        except ImportError:
            found = False
        if not found:
            missing.append(name)
    return missing


def _name_of(obj: object) -> str:
    kind = type(obj)
    return f"{kind.__module__}.{kind.__qualname__}"


def keyring_report() -> dict[str, Any]:
    """Which keyring backend Regroup would keep its key in, as it picks it at start."""
    from importlib.metadata import entry_points

    from regroup.core.errors import KeystoreUnavailableError
    from regroup.core.keys.keystore import _pick_backend, is_trusted_backend

    registered = sorted(point.name for point in entry_points(group="keyring.backends"))
    try:
        backend = _pick_backend()
    except KeystoreUnavailableError as exc:
        return {"backend": None, "trusted": False, "error": str(exc), "entry_points": registered}
    return {
        "backend": _name_of(backend),
        "trusted": is_trusted_backend(backend),
        "entry_points": registered,
    }


def notification_report(platform: str = sys.platform) -> dict[str, Any]:
    """Which notification this OS uses: the tray's message, or plyer's (none is sent)."""
    import warnings

    if platform in TRAY_MESSAGE_PLATFORMS:
        return {"implementation": TRAY_MESSAGE, "warnings": []}

    from plyer import notification

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        object.__getattribute__(notification, "_ensure_obj")()
    implementation = object.__getattribute__(notification, "_obj")
    return {
        "implementation": _name_of(implementation),
        "warnings": [str(warning.message).splitlines()[0] for warning in caught],
    }


def sqlcipher_report() -> dict[str, Any]:
    """SQLCipher's version, from an encrypted in-memory database."""
    import sqlcipher3

    connection = sqlcipher3.connect(":memory:")
    try:
        connection.execute("PRAGMA key = 'bundle-check'")
        version = connection.execute("PRAGMA cipher_version").fetchone()
        fts5 = connection.execute("PRAGMA compile_options").fetchall()
    finally:
        connection.close()
    return {
        "cipher_version": version[0] if version else None,
        "fts5": any("FTS5" in option[0] for option in fts5),
    }


def qt_report() -> dict[str, Any]:
    """The Qt platform in use, the image formats, the tray and the charts, as the app sees them."""
    from PySide6.QtCharts import QBarSet, QChart
    from PySide6.QtGui import QGuiApplication, QImageReader
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon

    from regroup.gui.kit import icons, theme
    from regroup.gui.kit.resources import app_icon

    app = QApplication.instance() or QApplication([sys.argv[0]])
    formats = sorted(bytes(name.data()).decode() for name in QImageReader.supportedImageFormats())
    icon = app_icon()
    report = {
        "platform": QGuiApplication.platformName(),
        "image_formats": formats,
        "icon_renders": not icon.pixmap(64, 64).isNull(),
        # The look: the style sheet fills from the palette, and a tinted icon draws.
        "theme_loads": "$" not in theme.style_sheet(theme.schemes()[theme.DARK]),
        "tinted_icon_renders": not icons.icon("notebook").pixmap(20, 20).isNull(),
        "tray_available": QSystemTrayIcon.isSystemTrayAvailable(),
        "tray_messages": QSystemTrayIcon.supportsMessages(),
        # Qt Charts draws the Insights page (PySide6-Addons; its libraries are bundled).
        "charts_load": QChart() is not None and QBarSet("check").count() == 0,
    }
    del app
    return report


def resources_report() -> list[str]:
    """The data files shipped in ``regroup.resources``, as the running app finds them."""
    from pathlib import Path

    import regroup.resources

    folder = Path(regroup.resources.__file__).parent
    return sorted(
        str(path.relative_to(folder)).replace("\\", "/")
        for path in folder.rglob("*")
        if path.is_file()
        and (path.suffix in {".json", ".md", ".svg", ".png", ".qss"} or path.name == "LICENSE")
    )


def report() -> dict[str, Any]:
    """Everything the self-check looks at, as plain data."""
    from regroup import __version__

    return {
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "missing_modules": missing_modules(),
        "resources": resources_report(),
        "keyring": keyring_report(),
        "notification": notification_report(),
        "sqlcipher": sqlcipher_report(),
        "qt": qt_report(),
    }


def problems(result: dict[str, Any]) -> list[str]:
    """Return what is wrong with the bundle itself (a missing keyring is the machine's business)."""
    found = [f"missing module {name}" for name in result["missing_modules"]]
    for name in native_modules(sys.platform):
        try:
            importlib.import_module(name)
        except Exception as exc:  # a broken bundle fails in many ways
            found.append(f"cannot import {name}: {exc!r}")
    for name in REQUIRED_RESOURCES:
        if name not in result["resources"]:
            found.append(f"missing resource {name}")
    if not result["sqlcipher"]["cipher_version"]:
        found.append("sqlcipher3 is not SQLCipher")
    if not result["sqlcipher"]["fts5"]:
        found.append("SQLCipher has no FTS5")
    if "svg" not in result["qt"]["image_formats"]:
        found.append("Qt has no SVG image plugin")
    if not result["qt"]["icon_renders"]:
        found.append("the app icon does not render")
    if not (result["qt"]["theme_loads"] and result["qt"]["tinted_icon_renders"]):
        found.append("the theme or its icons do not load")
    return found


def main(argv: list[str] | None = None) -> int:
    """Print the report as JSON; exit 1 when the bundle lacks something it needs."""
    result = report()
    result["problems"] = problems(result)
    print(json.dumps(result, indent=2))
    return 1 if result["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
