#!/bin/sh
# `cmake --install` into a scratch prefix puts the binary, the example config, the
# README and the systemd unit where the README says; the installed binary runs.
# Usage: install_test.sh BUILD_DIR
set -eu
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/modbot share/doc/modbot/config.toml.example share/doc/modbot/README.md \
         lib/systemd/system/modbot.service; do
  [ -f "$prefix/$f" ] || { echo "missing after install: $f" >&2; exit 1; }
done
[ -x "$prefix/bin/modbot" ] || { echo "bin/modbot is not executable" >&2; exit 1; }
"$prefix/bin/modbot" --help | grep -q "modbot review" || { echo "installed modbot does not run" >&2; exit 1; }
unit=$prefix/lib/systemd/system/modbot.service
for line in 'ExecReload=/bin/kill -HUP $MAINPID' 'StateDirectory=modbot' 'ConfigurationDirectory=modbot' \
            'NoNewPrivileges=yes' 'ProtectSystem=strict' 'ProtectHome=yes' 'PrivateTmp=yes' \
            'ExecStart=/usr/bin/modbot run --config /etc/modbot/config.toml' \
            'Type=exec' 'User=modbot' 'UMask=0007' 'StateDirectoryMode=2770' 'PrivateUsers=yes'; do
  grep -qxF "$line" "$unit" || { echo "modbot.service lacks: $line" >&2; exit 1; }
done
grep -q '^LoadCredential=forum.key:' "$unit" || { echo "modbot.service lacks LoadCredential" >&2; exit 1; }
# The unit's syntax, where systemd is there to check it (not in every container);
# packaging/check-under-systemd runs it under a real systemd.
if command -v systemd-analyze >/dev/null 2>&1; then
  out=$(systemd-analyze verify "$unit" 2>&1 || true)
  if echo "$out" | grep -Ei 'unknown (key|section)|invalid|failed to parse' >/dev/null; then
    echo "$out" >&2
    exit 1
  fi
fi
echo "install ok: $prefix"
