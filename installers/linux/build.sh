#!/usr/bin/env bash
# Builds the Linux release of Ambtenaar 2.0 from the repository:
#   1. the one-folder bundle (PyInstaller, installers/ambtenaar20.spec);
#   2. a tarball: the bundle + .desktop entry + AppStream metainfo + icons + a script that adds
#      the menu entry for the current user;
#   3. a .deb (dpkg-deb, nothing downloaded) that installs into /opt/ambtenaar20 with a
#      launcher (/usr/bin/ambtenaar20) and a menu entry for every user.
#
# Usage: installers/linux/build.sh [--bundle-only] [--no-deb]
# Environment: PYTHON   interpreter with the app's dependencies and PyInstaller
#                       (default: .venv/bin/python if present, else python3)
#              OUT_DIR  where the tarball and .deb go (default: dist/linux)
# Prints the bundle size and build time at the end; the bundle stays in build/linux/dist.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HERE="$ROOT/installers/linux"

BUNDLE_ONLY=0
WITH_DEB=1
for arg in "$@"; do
    case "$arg" in
        --bundle-only) BUNDLE_ONLY=1 ;;
        --no-deb) WITH_DEB=0 ;;
        *) echo "unknown option: $arg" >&2; exit 2 ;;
    esac
done

if [ -z "${PYTHON:-}" ]; then
    if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
OUT_DIR=${OUT_DIR:-dist/linux}
APP_ID=nl.ambtenaar20.Ambtenaar20
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' ambtenaar20/__init__.py)
MACHINE=$(uname -m)
WORK="$ROOT/build/linux"

# PyInstaller reads library dependencies with objdump and strips with strip (binutils).
for tool in objdump strip ldd; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$tool is missing: apt-get install binutils" >&2
        exit 2
    fi
done
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    echo "PyInstaller is missing for $PYTHON: pip install -e '.[build]'" >&2
    exit 2
fi

echo "== bundle (PyInstaller) for ambtenaar20 $VERSION"
SECONDS=0
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$WORK/dist" --workpath "$WORK/work" installers/ambtenaar20.spec
BUNDLE="$WORK/dist/ambtenaar20"
build_seconds=$SECONDS
size_mb=$(du -sb "$BUNDLE" | awk '{printf "%.1f", $1 / 1000000}')
echo "bundle: $BUNDLE  ${size_mb} MB unpacked  built in ${build_seconds} s"
[ "$BUNDLE_ONLY" = 1 ] && exit 0

# --- shared desktop files --------------------------------------------------------------------
render_desktop() {  # $1 = absolute path of the program
    sed "s#@EXEC@#$1#g" "$HERE/$APP_ID.desktop.in"
}
render_metainfo() {
    sed -e "s/@VERSION@/$VERSION/" -e "s/@DATE@/$(date -u +%Y-%m-%d)/" \
        "$HERE/$APP_ID.metainfo.xml.in"
}
install_share() {  # $1 = prefix/share, $2 = program path for the .desktop entry
    install -D -m 644 /dev/stdin "$1/applications/$APP_ID.desktop" < <(render_desktop "$2")
    install -D -m 644 /dev/stdin "$1/metainfo/$APP_ID.metainfo.xml" < <(render_metainfo)
    install -D -m 644 ambtenaar20/icons/ambtenaar20.svg \
        "$1/icons/hicolor/scalable/apps/$APP_ID.svg"
    install -D -m 644 installers/icons/ambtenaar20-256.png \
        "$1/icons/hicolor/256x256/apps/$APP_ID.png"
}

mkdir -p "$OUT_DIR"
render_metainfo > "$WORK/$APP_ID.metainfo.xml"
if command -v appstreamcli >/dev/null 2>&1; then
    echo "== appstreamcli validate"
    appstreamcli validate --no-net "$WORK/$APP_ID.metainfo.xml"
else
    echo "== appstreamcli not installed: metainfo not validated"
fi
if command -v desktop-file-validate >/dev/null 2>&1; then
    render_desktop /opt/ambtenaar20/ambtenaar20 > "$WORK/$APP_ID.desktop"
    desktop-file-validate "$WORK/$APP_ID.desktop"
fi

# --- tarball ---------------------------------------------------------------------------------
echo "== tarball"
NAME="ambtenaar20-$VERSION-linux-$MACHINE"
STAGE="$WORK/tar/$NAME"
rm -rf "$WORK/tar"
mkdir -p "$STAGE"
cp -a "$BUNDLE/." "$STAGE/"
# The tarball's .desktop entry runs `ambtenaar20` from the PATH; install-desktop-entry.sh
# writes the absolute path of wherever the tarball was unpacked instead.
install_share "$STAGE/share" ambtenaar20
install -m 755 "$HERE/install-desktop-entry.sh" "$STAGE/install-desktop-entry.sh"
install -m 644 "$HERE/README-tarball.txt" "$STAGE/README.txt"
tar -C "$WORK/tar" -czf "$OUT_DIR/$NAME.tar.gz" "$NAME"
echo "tarball: $OUT_DIR/$NAME.tar.gz ($(du -m "$OUT_DIR/$NAME.tar.gz" | cut -f1) MB)"

# --- .deb ------------------------------------------------------------------------------------
[ "$WITH_DEB" = 1 ] || exit 0
if ! command -v dpkg-deb >/dev/null 2>&1; then
    echo "dpkg-deb not found: no .deb built" >&2
    exit 0
fi
echo "== .deb"
ARCH=$(dpkg --print-architecture)
DEB_ROOT="$WORK/deb/root"
rm -rf "$WORK/deb"
mkdir -p "$DEB_ROOT/opt/ambtenaar20" "$DEB_ROOT/usr/bin" "$DEB_ROOT/DEBIAN"
cp -a "$BUNDLE/." "$DEB_ROOT/opt/ambtenaar20/"
ln -s /opt/ambtenaar20/ambtenaar20 "$DEB_ROOT/usr/bin/ambtenaar20"
install_share "$DEB_ROOT/usr/share" /opt/ambtenaar20/ambtenaar20
install -D -m 644 "$HERE/copyright" "$DEB_ROOT/usr/share/doc/ambtenaar20/copyright"
# The oldest C library the bundle works with: the newest glibc symbol version it uses.
GLIBC=$(find "$BUNDLE" -type f \( -name '*.so*' -o -name ambtenaar20 \) -print0 \
    | xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' \
    | sort -uV | tail -1)
INSTALLED_KB=$(du -sk "$DEB_ROOT" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@GLIBC@/$GLIBC/" \
    -e "s/@INSTALLED_KB@/$INSTALLED_KB/" "$HERE/deb-control.in" > "$DEB_ROOT/DEBIAN/control"
find "$DEB_ROOT" -type d -exec chmod 755 {} +
DEB="$OUT_DIR/ambtenaar20_${VERSION}_$ARCH.deb"
# gzip: xz would save about 15% but takes a minute longer on a 2-core machine.
dpkg-deb --root-owner-group -Zgzip --build "$DEB_ROOT" "$DEB" >/dev/null
echo "deb: $DEB ($(du -m "$DEB" | cut -f1) MB)"
