#!/usr/bin/env bash
# Packs an .app into a compressed, read-only DMG with a shortcut to /Applications, so the
# officer installs by dragging the app onto it (no administrator needed for ~/Applications).
#
# Usage: installers/macos/make_dmg.sh "path/Ambtenaar 2.0.app" path/ambtenaar20-x.y.z.dmg
set -euo pipefail
APP=${1:?usage: make_dmg.sh APP DMG}
DMG=${2:?usage: make_dmg.sh APP DMG}
VOLUME="Ambtenaar 2.0"

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
# ditto keeps the signatures, extended attributes and symlinks inside the bundle intact.
ditto "$APP" "$STAGE/$(basename "$APP")"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "$VOLUME" -srcfolder "$STAGE" -fs HFS+ -format UDZO \
    -imagekey zlib-level=9 -ov "$DMG"
hdiutil verify "$DMG"
