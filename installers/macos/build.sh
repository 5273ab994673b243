#!/usr/bin/env bash
# Builds "Ambtenaar 2.0.app" and a DMG on macOS, runs the frozen app's selftest, and (only when
# the variables below are set) signs and notarises.
#
# Usage: installers/macos/build.sh
# Needs: Xcode command line tools (hdiutil, codesign, xcrun), Python 3.11+ with the project
#        and the build extra installed: pip install -e ".[build]" (PyInstaller, Pillow).
# Optional signing and notarisation (see installers/README.md, "macOS signing"):
#   CODESIGN_IDENTITY  "Developer ID Application: <name> (<TEAM_ID>)"; PyInstaller then signs
#                      every binary with the hardened runtime and entitlements.plist.
#   NOTARY_PROFILE     name of a notarytool keychain profile made once with
#                      xcrun notarytool store-credentials "$NOTARY_PROFILE" \
#                          --apple-id "$APPLE_ID" --team-id "$TEAM_ID"
#                      (asks for the app-specific password and keeps it in the keychain).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
if [ -z "${PYTHON:-}" ]; then
    if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' ambtenaar20/__init__.py)
WORK="$ROOT/build/macos"
APP="$WORK/dist/Ambtenaar 2.0.app"

echo "== bundle (PyInstaller) for ambtenaar20 $VERSION"
SECONDS=0
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$WORK/dist" --workpath "$WORK/work" installers/ambtenaar20.spec
echo "app: $APP  $(du -sh "$APP" | cut -f1)  built in ${SECONDS} s"

echo "== frozen selftest"
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/ambtenaar20" --lang en selftest

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    echo "== signature"
    codesign --verify --deep --strict --verbose=2 "$APP"
fi

mkdir -p dist/macos
DMG="$ROOT/dist/macos/ambtenaar20-$VERSION-macos-$(uname -m).dmg"
installers/macos/make_dmg.sh "$APP" "$DMG"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --sign "$CODESIGN_IDENTITY" --timestamp "$DMG"
fi
if [ -n "${NOTARY_PROFILE:-}" ]; then
    if [ -z "${CODESIGN_IDENTITY:-}" ]; then
        echo "notarisation needs a signed app: set CODESIGN_IDENTITY too" >&2
        exit 2
    fi
    echo "== notarisation (takes a few minutes)"
    xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
    spctl --assess --type open --context context:primary-signature --verbose=2 "$DMG"
fi
echo "dmg: $DMG ($(du -h "$DMG" | cut -f1))"
