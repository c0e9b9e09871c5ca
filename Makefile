# Regroup developer commands. `make run` and `make test` set up everything they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ARGS ?=

# Debian packages: what Qt needs to show a window, and what the tests start for real
# (a session bus, gnome-keyring's Secret Service, a notification daemon, Xvfb, a tray host).
RUN_DEBS := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0 \
	libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
	libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1
TEST_DEBS := $(RUN_DEBS) xvfb xauth dbus dbus-x11 gnome-keyring dunst trayer libnotify-bin \
	poppler-utils gcc pkgconf strace \
	libdbus-1-dev libglib2.0-dev
# What `make package` needs to build and check the .deb, and `make package-test` to try it.
PACKAGE_DEBS := dpkg-dev desktop-file-utils appstream xz-utils binutils
# Fonts the screenshots need to draw emoji and Hebrew/Arabic text as a desktop would.
SCREENSHOT_DEBS := fonts-noto-color-emoji fonts-noto-core
VENV_DEB := $(shell $(PYTHON) -c "import ensurepip" 2>/dev/null || echo python3-venv)

# Installs the listed Debian packages that are missing when run as root; otherwise
# prints the exact apt-get line and stops. Does nothing where dpkg is absent.
define ensure_debs
	@command -v dpkg-query >/dev/null || exit 0; \
	missing=$$(for p in $(1); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done | xargs); \
	[ -z "$$missing" ] && exit 0; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian packages: $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
		echo "These Debian packages are missing. Install them, then run make again:"; \
		echo "  sudo apt-get install -y $$missing"; \
		exit 1; \
	fi
endef

.PHONY: run test torture bench lint format clean debs-run debs-test debs-package \
	package package-test package-bench screenshots

# Without a display (and no QT_QPA_PLATFORM chosen), regroup itself says what to do
# (`regroup init`, the commands, or xvfb-run) and exits non-zero, creating nothing.
run: debs-run $(VENV)/.run-installed
	@exec $(BIN)/regroup $(ARGS)

test: debs-test $(VENV)/.test-installed
	$(BIN)/ruff check desktop tests packaging
	$(BIN)/ruff format --check desktop tests packaging
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -m "not package"
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.torture --short
	$(MAKE) --no-print-directory package-test

# The fault suite in full (tests/torture): kill -9 during every kind of write, injected
# ENOSPC and EIO, a full and a read-only disk, concurrent writers, damaged files; a table,
# and a non-zero exit on any loss, damage, plain text or traceback. Root mounts the disks.
# ARGS="--only backup --keep" runs some trials and keeps their folder.
torture: debs-test $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.torture $(ARGS)

# The PyInstaller bundle wrapped as build/regroup_<version>_<arch>.deb (see packaging/README.md).
package: debs-package $(VENV)/.package-installed
	$(BIN)/python packaging/build_bundle.py
	$(BIN)/python packaging/linux/build_deb.py

# Builds the .deb, installs it, runs and removes it (root only; see tests/packaging).
package-test: debs-test debs-package $(VENV)/.test-installed
	$(MAKE) --no-print-directory package
	@rm -f build/package-figures.json
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -m package tests/packaging
	@cat build/package-figures.json 2>/dev/null || true

# Start-up of the installed .deb against a run from source (installs and removes it).
package-bench: debs-test debs-package $(VENV)/.test-installed
	@start=$$(date +%s); $(MAKE) --no-print-directory package; \
		echo "make package took $$(( $$(date +%s) - start )) s (budget 300 s)"
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.packaging.bench

bench: debs-test $(VENV)/.test-installed
	$(BIN)/python -m compileall -q desktop
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.run $(ARGS)

# Every page, light and dark, at 1366x850 under Xvfb with a real keyring, tray host and
# notification daemon, from a demo profile, into packaging/screenshots/.
screenshots: debs-test $(VENV)/.test-installed
	$(call ensure_debs,$(SCREENSHOT_DEBS))
	$(BIN)/python packaging/screenshots/take.py

lint: $(VENV)/.test-installed
	$(BIN)/ruff check desktop tests packaging
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

format: $(VENV)/.test-installed
	$(BIN)/ruff check --fix desktop tests packaging
	$(BIN)/ruff format desktop tests packaging

debs-run:
	$(call ensure_debs,$(RUN_DEBS) $(VENV_DEB))

debs-test:
	$(call ensure_debs,$(TEST_DEBS) $(VENV_DEB))

debs-package:
	$(call ensure_debs,$(PACKAGE_DEBS))

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Regroup needs Python 3.11 or newer; set PYTHON=python3.11 (or newer)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# PySide6 keeps its signature helpers as a zip inside libshiboken and compiles them at
# every start (about 30 ms of each window start here). PySide's own switch SBK_EMBED=0
# unpacks them beside shiboken6 once; with their bytecode they then load like any module.
# Done after every install, so an upgraded PySide6 never reads an older copy; the bundle
# (packaging/regroup.spec) carries the same files.
define unpack_shiboken_helpers
	@SBK_EMBED=1 $(BIN)/python -c "import PySide6.QtCore"
	@SBK_EMBED=0 $(BIN)/python -c "import PySide6.QtCore"
	@$(BIN)/python -m compileall -q -f --invalidation-mode unchecked-hash \
		"$$($(BIN)/python -c 'import shiboken6, pathlib; \
		print(pathlib.Path(shiboken6.__file__).parent / "files.dir")')"
endef

$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	$(unpack_shiboken_helpers)
	@touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test,package]'
	$(unpack_shiboken_helpers)
	@touch $@ $(VENV)/.run-installed $(VENV)/.package-installed

$(VENV)/.package-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[package]'
	$(unpack_shiboken_helpers)
	@touch $@ $(VENV)/.run-installed

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist desktop/*.egg-info
