#!/bin/sh
# Adds Ambtenaar 2.0 from this unpacked folder to the current user's application menu and puts
# `ambtenaar20` in ~/.local/bin. No administrator rights needed.
#   ./install-desktop-entry.sh            install (again, after moving this folder)
#   ./install-desktop-entry.sh --remove   remove the menu entry and the command (your data in
#                                         ~/.local/share/ambtenaar20 is kept)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
APP_ID=nl.ambtenaar20.Ambtenaar20
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
BIN=$HOME/.local/bin

if [ "${1:-}" = "--remove" ]; then
    rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml" \
        "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg" \
        "$DATA/icons/hicolor/256x256/apps/$APP_ID.png"
    [ -L "$BIN/ambtenaar20" ] && rm -f "$BIN/ambtenaar20"
    echo "Removed. Your data in $DATA/ambtenaar20 was kept."
    exit 0
fi

mkdir -p "$DATA/applications" "$DATA/metainfo" "$DATA/icons/hicolor/scalable/apps" \
    "$DATA/icons/hicolor/256x256/apps" "$BIN"
sed "s#^Exec=.*#Exec=\"$HERE/ambtenaar20\" gui#; s#^TryExec=.*#TryExec=$HERE/ambtenaar20#" \
    "$HERE/share/applications/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$DATA/metainfo/"
cp "$HERE/share/icons/hicolor/scalable/apps/$APP_ID.svg" "$DATA/icons/hicolor/scalable/apps/"
cp "$HERE/share/icons/hicolor/256x256/apps/$APP_ID.png" "$DATA/icons/hicolor/256x256/apps/"
ln -sf "$HERE/ambtenaar20" "$BIN/ambtenaar20"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$DATA/applications" || true
echo "Ambtenaar 2.0 is in your application menu; 'ambtenaar20' is in $BIN."
