#!/usr/bin/env bash
# Screenshot of the frozen app's window under Xvfb (the real xcb platform, not offscreen), to
# look at after a build: installers/linux/screenshot.sh [OUT.png]  (default:
# docs/screenshots/frozen-linux.png). Needs xvfb and imagemagick; run build.sh first.
set -euo pipefail
cd "$(dirname "$0")/../.."
APP="$(pwd)/build/linux/dist/ambtenaar20/ambtenaar20"
OUT=$(realpath -m "${1:-docs/screenshots/frozen-linux.png}")
[ -x "$APP" ] || { echo "no bundle: run installers/linux/build.sh --bundle-only" >&2; exit 2; }
HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
# A fresh HOME: the window shows its first-start state, never the builder's own data.
env -i PATH=/usr/bin:/bin HOME="$HOME_DIR" LANG=C.UTF-8 \
    xvfb-run -a -s "-screen 0 1280x800x24" sh -c \
    '"$0" gui & app=$!; sleep 5; import -window root "$1"; kill $app; wait $app 2>/dev/null || true' \
    "$APP" "$OUT"
echo "screenshot: $OUT"
