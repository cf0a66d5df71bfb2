#!/usr/bin/env bash
# Per-user installation of the Linux bundle (no root needed):
#   bundle        -> ~/.local/lib/ipdesk/            command: ~/.local/bin/ipdesk
#   menu entry    -> ~/.local/share/applications/cn.gov.ipdesk.desktop
#   icons         -> ~/.local/share/icons/hicolor/<N>x<N>/apps/cn.gov.ipdesk.png (+ scalable SVG)
#   .ipx type     -> ~/.local/share/mime/packages/cn.gov.ipdesk.xml
#   AppStream     -> ~/.local/share/metainfo/cn.gov.ipdesk.metainfo.xml
# Usage:
#   packaging/linux/install.sh [BUNDLE_DIR]     default: dist/ipdesk of this checkout, or the
#                                               bundle this script was shipped in (ipdesk/linux/)
#   packaging/linux/install.sh --uninstall      removes all of the above (never the database)
# PREFIX=/some/dir installs there instead of ~/.local.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
APP_ID=cn.gov.ipdesk
LIB="$PREFIX/lib/ipdesk"
SHARE="$PREFIX/share"
SIZES=(16 24 32 48 64 128 256 512)

refresh() {  # update the desktop's caches when the tools exist (they are optional)
  if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$SHARE/mime" >/dev/null 2>&1 || true; fi
  if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$SHARE/applications" 2>/dev/null || true; fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -f -t "$SHARE/icons/hicolor" 2>/dev/null || true; fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$LIB"
  rm -f "$PREFIX/bin/ipdesk" "$SHARE/applications/$APP_ID.desktop" "$SHARE/mime/packages/$APP_ID.xml" \
        "$SHARE/metainfo/$APP_ID.metainfo.xml" "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
  for n in "${SIZES[@]}"; do
    rm -f "$SHARE/icons/hicolor/${n}x${n}/apps/$APP_ID.png" "$SHARE/icons/hicolor/${n}x${n}/mimetypes/application-x-ipdesk-package.png"
  done
  refresh
  echo "已卸载知识产权保险试点工作台（数据库和备份保留在用户数据目录中）。"
  exit 0
fi

if [ $# -ge 1 ]; then
  BUNDLE=$1
elif [ -x "$HERE/../../dist/ipdesk/ipdesk" ]; then
  BUNDLE="$HERE/../../dist/ipdesk"
elif [ -x "$HERE/../ipdesk" ]; then
  BUNDLE="$HERE/.."
else
  echo "找不到打包产物（dist/ipdesk）。请先运行 make package，或指定目录：$0 BUNDLE_DIR" >&2
  exit 2
fi
BUNDLE=$(cd "$BUNDLE" && pwd)
[ -x "$BUNDLE/ipdesk" ] || { echo "不是 ipdesk 打包目录：$BUNDLE" >&2; exit 2; }
ICONS="$BUNDLE/_internal/resources/icons"
[ -d "$ICONS" ] || ICONS="$HERE/../../resources/icons"

echo "安装到 $PREFIX …"
mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$SHARE/applications" "$SHARE/mime/packages" "$SHARE/metainfo"
staging="$LIB.new.$$"
rm -rf "$staging"
cp -a "$BUNDLE" "$staging"
rm -rf "$LIB"
mv "$staging" "$LIB"
ln -sfn "$LIB/ipdesk" "$PREFIX/bin/ipdesk"

# The menu entry runs the bundle by absolute path: ~/.local/bin is not on every session's PATH.
sed -e "s|^Exec=ipdesk |Exec=$LIB/ipdesk |" -e "s|^TryExec=ipdesk$|TryExec=$LIB/ipdesk|" \
  "$HERE/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
chmod 644 "$SHARE/applications/$APP_ID.desktop"
install -m 644 "$HERE/ipdesk-mime.xml" "$SHARE/mime/packages/$APP_ID.xml"
install -m 644 "$HERE/$APP_ID.metainfo.xml" "$SHARE/metainfo/$APP_ID.metainfo.xml"

for n in "${SIZES[@]}"; do
  src="$ICONS/ipdesk-$n.png"
  [ -f "$src" ] || continue
  install -D -m 644 "$src" "$SHARE/icons/hicolor/${n}x${n}/apps/$APP_ID.png"
  install -D -m 644 "$src" "$SHARE/icons/hicolor/${n}x${n}/mimetypes/application-x-ipdesk-package.png"
done
install -D -m 644 "$ICONS/ipdesk.svg" "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"

refresh
echo "完成。可在应用菜单“办公”中找到“知识产权保险试点工作台”，或在终端运行：$PREFIX/bin/ipdesk"
case ":$PATH:" in *":$PREFIX/bin:"*) ;; *) echo "提示：$PREFIX/bin 不在 PATH 中，终端里请使用完整路径。" ;; esac
