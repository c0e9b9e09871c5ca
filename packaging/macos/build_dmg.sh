#!/usr/bin/env bash
# Build Regroup.app (PyInstaller BUNDLE, see packaging/regroup.spec) and wrap it in a .dmg.
# Run on macOS with the venv that has the "package" extra:  bash packaging/macos/build_dmg.sh
# Leaves build/dist/Regroup.app and build/Regroup-<version>.dmg. The app is signed
# ad hoc only (Apple Silicon refuses to run unsigned code); a Developer ID signature
# and notarization need Apple credentials, which this recipe does not handle.
# Apple Silicon (arm64) only, macOS 13 or later: see packaging/platform_settings.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-python}

"$PYTHON" packaging/build_bundle.py
version=$("$PYTHON" -c 'import sys; sys.path.insert(0, "desktop"); import regroup; print(regroup.__version__)')
app=build/dist/Regroup.app
test -x "$app/Contents/MacOS/regroup"
lipo -archs "$app/Contents/MacOS/regroup" | grep -qx arm64
/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$app/Contents/Info.plist" \
    | grep -qx "$version"
codesign --force --deep --sign - "$app"

staging=build/dmg
rm -rf "$staging" "build/Regroup-$version.dmg"
mkdir -p "$staging"
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
# hdiutil fails now and then with "Resource busy" (Spotlight or XProtect still reading
# the staged files, often on hosted runners): try again after a pause.
for attempt in 1 2 3 4 5; do
    if hdiutil create -volname "Regroup $version" -srcfolder "$staging" -fs HFS+ \
        -format UDZO -ov "build/Regroup-$version.dmg"; then
        break
    fi
    if [ "$attempt" = 5 ]; then
        echo "hdiutil create failed 5 times" >&2
        exit 1
    fi
    sleep $((attempt * 5))
done
echo "disk image: build/Regroup-$version.dmg"
