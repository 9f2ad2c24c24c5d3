#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# package-test.sh - the built Debian package, installed as a centre would
# (dpkg -i, as root): the installed /usr/bin/accueil finds its database and
# translations with no --db, the kiosk user can run it, the PIN file is
# 0640 root:accueil, the unit is installed disabled and scores 2.0 or less
# in systemd-analyze security; the PIN file /etc/accueil/pin is 0640
# root:accueil, no conffile, kept with the PIN on an upgrade to a higher
# version (the same package repacked) that asks nothing and whose
# maintainer scripts reload systemd and restart the units that ran; a PIN
# an older version left in /etc/accueil.conf moves to the PIN file; then
# dpkg --purge leaves none of its files.
# Where systemd runs as PID 1, the unit's hardening is tried on the program
# with systemd-run; elsewhere that check is reported as not run.
# Usage: package-test.sh DEB
set -u
deb=$1
# The installed program, on the database it finds itself (no --db).
bin=/usr/bin/accueil db="" dir=/nonexistent
. "$(dirname "$0")/tmux-lib.sh"
tmp=$(mktemp -d)
trap 'lib_cleanup; rm -rf "$tmp"' EXIT
unit=/lib/systemd/system/accueil-kiosk.service

# dpkg_retry ARGS: dpkg, waiting for the lock another install may hold.
dpkg_retry() {
	local i
	for i in $(seq 30); do
		dpkg "$@" 2>"$tmp/dpkg.err" && return 0
		grep -q "lock" "$tmp/dpkg.err" || break
		sleep 2
	done
	cat "$tmp/dpkg.err"
	return 1
}

if dpkg_retry -i "$deb" >"$tmp/dpkg.out"; then ok "dpkg -i $(basename "$deb")"; else fail "dpkg -i"; exit 1; fi
dpkg -L accueil | sort >"$tmp/files"

if file -L /usr/bin/accueil | grep -q "pie executable.*dynamically linked"; then
	ok "/usr/bin/accueil is a dynamically linked PIE"
else
	fail "/usr/bin/accueil: $(file -L /usr/bin/accueil)"
fi
if ldd /usr/bin/accueil | grep -q libqrencode; then ok "linked to libqrencode"; else fail "libqrencode not linked"; fi

out=$(cd / && /usr/bin/accueil --search racisme 2>"$tmp/err"); rc=$?
if [ "$rc" -eq 0 ] && grep -q "Sami Pieczynski" <<<"$out" && grep -q "081 71 35 28" <<<"$out" && [ ! -s "$tmp/err" ]; then
	ok "accueil --search racisme (no --db) shows the CAI contact"
else
	fail "--search racisme: exit $rc, $(head -3 <<<"$out") $(cat "$tmp/err")"
fi

# The kiosk user reads the database and the PIN file (through its group),
# and is not warned about the file's mode.
if id accueil >/dev/null 2>&1; then ok "the system user accueil exists"; else fail "no user accueil"; fi
mode=$(stat -c '%a %U:%G' /etc/accueil.conf 2>/dev/null)
if [ "$mode" = "640 root:accueil" ]; then ok "/etc/accueil.conf is 0640 root:accueil"; else fail "/etc/accueil.conf: '$mode'"; fi
mode=$(stat -c '%a %U:%G' /etc/accueil/pin 2>/dev/null)
if [ "$mode" = "640 root:accueil" ]; then ok "/etc/accueil/pin is 0640 root:accueil"; else fail "/etc/accueil/pin: '$mode'"; fi
if dpkg-query -W -f='${Conffiles}\n' accueil | grep -q "/etc/accueil"; then
	fail "a dpkg conffile holds the settings: $(dpkg-query -W -f='${Conffiles}' accueil)"
else
	ok "neither /etc/accueil.conf nor /etc/accueil/pin is a conffile"
fi
readme=$(ls /usr/share/doc/accueil/README.Debian* 2>/dev/null | head -1)
if [ -n "$readme" ] && zgrep -q "accueil --set-pin" "$readme" &&
   zgrep -q "apt install --reinstall accueil" "$readme"; then
	ok "README.Debian says how to set the PIN and mend the database"
else
	fail "no /usr/share/doc/accueil/README.Debian with the administrator's ways"
fi
# The maintainer scripts: systemd reloaded and the units that ran
# restarted after an upgrade; nothing enabled by installing.
post=/var/lib/dpkg/info/accueil.postinst
for u in accueil-kiosk.service accueil-keymap.service; do
	if grep -q "daemon-reload" "$post" && grep -q "_dh_action=restart" "$post" &&
	   grep -q "deb-systemd-invoke \$_dh_action.*$u" "$post"; then
		ok "the postinst reloads systemd and restarts $u after an upgrade"
	else
		fail "the postinst does not restart $u after an upgrade"
	fi
done
# debhelper's own "enable" lines only enable again a unit the
# administrator had enabled (was-enabled), never a new one.
if awk '/was-enabled/ { guard = NR } /deb-systemd-helper enable/ && NR - guard > 2 { bad = 1 }
        END { exit !bad }' "$post"; then
	fail "the postinst enables a unit"
else
	ok "the postinst enables no unit but those the administrator had enabled"
fi
# The settings are in place before the units restart.
if [ "$(grep -n 'accueil/pin.new /etc/accueil/pin' "$post" | cut -d: -f1)" -lt "$(grep -n '_dh_action=restart' "$post" | cut -d: -f1)" ]; then
	ok "the postinst moves the PIN before it restarts the units"
else
	fail "the postinst restarts the units before the PIN is in place"
fi
# --set-pin as root keeps the file's mode and group; the kiosk user reads it.
if printf '424242\n424242\n' | accueil --set-pin >/dev/null &&
   [ "$(stat -c '%a %U:%G' /etc/accueil/pin)" = "640 root:accueil" ] &&
   runuser -u accueil -- /usr/bin/accueil --check-config | grep -q "PIN whose hash is in /etc/accueil/pin"; then
	ok "accueil --set-pin writes /etc/accueil/pin 0640 root:accueil, which the kiosk user reads"
else
	fail "--set-pin: $(stat -c '%a %U:%G' /etc/accueil/pin)"
fi
# A PIN file the kiosk user cannot read: kiosk mode refuses to start.
chmod 0600 /etc/accueil/pin
out=$(cd / && runuser -u accueil -- /usr/bin/accueil --kiosk </dev/null 2>"$tmp/err"); rc=$?
chmod 0640 /etc/accueil/pin
if [ "$rc" -eq 2 ] && grep -q "kiosk mode refused: /etc/accueil/pin cannot be read (Permission denied)" "$tmp/err" &&
   [ "$(wc -l <"$tmp/err")" -eq 1 ]; then
	ok "an unreadable PIN file refuses kiosk mode, one sentence"
else
	fail "unreadable PIN file: exit $rc, $(cat "$tmp/err")"
fi
out=$(cd / && runuser -u accueil -- /usr/bin/accueil --search racisme 2>"$tmp/err"); rc=$?
if [ "$rc" -eq 0 ] && grep -q "081 71 35 28" <<<"$out" && [ ! -s "$tmp/err" ]; then
	ok "the user accueil runs it, with its configuration, no warning"
else
	fail "as accueil: exit $rc, $(cat "$tmp/err")"
fi
out=$(cd / && runuser -u nobody -- /usr/bin/accueil --search racisme 2>"$tmp/err"); rc=$?
if [ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ]; then
	ok "another user runs it without the PIN file it may not read"
else
	fail "as nobody: exit $rc, $(cat "$tmp/err")"
fi

# A frame in Arabic: the installed translations and the shaping.
APP_CWD=/ start 80 24 --lang ar
settle >"$tmp/ar.txt"
tmx kill-server
if "$PYTHON" - "$tmp/ar.txt" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
arabic = sum(1 for c in text if 0x600 <= ord(c) <= 0x6ff or 0xfb50 <= ord(c) <= 0xfdff
             or 0xfe70 <= ord(c) <= 0xfeff)
sys.exit(0 if arabic >= 20 else 1)
PY
then ok "accueil --lang ar draws Arabic"; else fail "no Arabic on the frame:"; head -12 "$tmp/ar.txt"; fi

# The unit: installed, not enabled, hardened.
if [ -f "$unit" ]; then ok "the unit is in $unit"; else fail "no $unit"; fi
if grep -q "^ExecStart=/usr/bin/accueil --kiosk" "$unit"; then ok "the unit runs /usr/bin/accueil"; else fail "ExecStart: $(grep ExecStart "$unit")"; fi
if ls /etc/systemd/system/*.wants/accueil-kiosk.service >/dev/null 2>&1; then
	fail "the unit was enabled"
else
	ok "the unit is not enabled"
fi
# The graphical session: installed, not enabled, its launcher and foot.ini.
sunit=$(dirname "$unit")/accueil-kiosk-session.service
if [ -f "$sunit" ] && [ -x /usr/libexec/accueil-kiosk-session ] &&
   [ -f /usr/share/accueil/session/foot.ini ]; then
	ok "the graphical session is installed ($sunit)"
else
	fail "the graphical session is not installed"
fi
if ls /etc/systemd/system/*.wants/accueil-kiosk-session.service \
	>/dev/null 2>&1; then
	fail "the session unit was enabled"
else
	ok "the session unit is not enabled"
fi
if systemd-analyze verify --man=no "$sunit" >"$tmp/verify" 2>&1; then
	ok "the session unit passes systemd-analyze verify"
else
	fail "systemd-analyze verify:"; cat "$tmp/verify"
fi
score=$(systemd-analyze security --offline=yes "$sunit" 2>/dev/null |
	awk '/Overall exposure level/ { print $(NF - 2) }')
if awk -v s="$score" 'BEGIN { exit !(s != "" && s <= 2.0) }'; then
	ok "the session unit scores $score (at most 2.0)"
else
	fail "the session unit scores ${score:-nothing} in systemd-analyze security"
fi
# The console lock: installed, every piece off until the centre enables it.
lockunit=$(dirname "$unit")/accueil-keymap.service
if [ -f "$lockunit" ] && [ -x /usr/sbin/accueil-lockdown ]; then
	ok "the console lock is installed ($lockunit, /usr/sbin/accueil-lockdown)"
else
	fail "the console lock is not installed"
fi
if /usr/sbin/accueil-lockdown status | grep -q "^on "; then
	fail "a piece of the console lock is on after installing:"
	/usr/sbin/accueil-lockdown status
else
	ok "every piece of the console lock is off after installing"
fi
if systemd-analyze verify "$lockunit" >"$tmp/verify-lock" 2>&1 &&
   ! grep -v "Failed to connect\|not booted\|Falling back" "$tmp/verify-lock" | grep -qi "accueil"; then
	ok "systemd-analyze verify: the console lock's unit is clean"
else
	fail "systemd-analyze verify $lockunit:"; cat "$tmp/verify-lock"
fi
score=$(systemd-analyze security --offline=yes "$unit" 2>/dev/null |
	sed -n 's/.*Overall exposure level for .*: \([0-9.]*\).*/\1/p')
echo "     systemd-analyze security --offline=yes: ${score:-none}"
if [ -n "$score" ] && awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }'; then
	ok "systemd-analyze security scores $score (at most 2.0)"
else
	fail "systemd-analyze security: '${score:-no score}'"
fi
if systemd-analyze verify "$unit" >"$tmp/verify" 2>&1 &&
   ! grep -v "Failed to connect\|not booted\|Falling back" "$tmp/verify" | grep -qi "accueil"; then
	ok "systemd-analyze verify: no complaint about the unit"
else
	fail "systemd-analyze verify:"; cat "$tmp/verify"
fi
if [ "$(cat /proc/1/comm)" = systemd ]; then
	# The unit's service settings, one -p each (values may hold spaces).
	props=()
	while IFS= read -r line; do
		props+=(-p "$line")
	done < <(sed -n '/^\[Service\]/,/^\[/p' "$unit" | grep -E '^[A-Z][A-Za-z]*=' |
		grep -vE '^(Type|ExecStart|Standard|TTY|Restart|StartLimit)')
	if systemd-run --quiet --wait --pipe "${props[@]}" /usr/bin/accueil --search racisme |
	   grep -q "081 71 35 28"; then
		ok "the program runs under the unit's hardening (systemd-run)"
	else
		fail "the program does not run under the unit's hardening"
	fi
else
	echo "not run: systemd is not PID 1 here, so the hardened unit cannot be tried (README: Hardening, the manual check)"
fi

# An upgrade to a higher version: the same package repacked as
# VERSION+1, installed with no terminal to answer a question. A PIN that
# 0.1.0 kept in /etc/accueil.conf (as three lines: the last one counted)
# moves to the PIN file; the settings stay the administrator's.
newdeb="$tmp/accueil-upgrade.deb"
ver=$(dpkg-deb -f "$deb" Version)
dpkg-deb -R "$deb" "$tmp/repack"
sed -i "s/^Version: .*/Version: $ver+1/" "$tmp/repack/DEBIAN/control"
dpkg-deb -b "$tmp/repack" "$newdeb" >/dev/null
lastpin=$(grep '^pin' /etc/accueil/pin)
rm /etc/accueil/pin
{ echo "idle = 300"; echo "pin = \$y\$j9T\$old\$x"; echo "languages = ar fr"; echo "  $lastpin"; } >>/etc/accueil.conf
if DEBIAN_FRONTEND=noninteractive dpkg_retry -i "$newdeb" </dev/null >"$tmp/upgrade.out" 2>&1 &&
   ! grep -qi "configuration file\|conffile" "$tmp/upgrade.out"; then
	ok "the upgrade to $ver+1 asks nothing"
else
	fail "the upgrade:"; cat "$tmp/upgrade.out" "$tmp/dpkg.err"
fi
if [ "$(dpkg-query -W -f='${Version} ${Status}' accueil)" = "$ver+1 install ok installed" ]; then
	ok "accueil $ver+1 is installed and configured"
else
	fail "after the upgrade: $(dpkg-query -W -f='${Version} ${Status}' accueil)"
fi
if grep -qxF "$lastpin" /etc/accueil/pin && [ "$(stat -c '%a %U:%G' /etc/accueil/pin)" = "640 root:accueil" ] &&
   ! grep -q '^[[:space:]]*pin' /etc/accueil.conf && grep -q "^idle = 300" /etc/accueil.conf &&
   grep -q "^languages = ar fr" /etc/accueil.conf; then
	ok "the upgrade moved the PIN to /etc/accueil/pin (0640 root:accueil) and kept the settings"
else
	fail "after the upgrade: pin file $(cat /etc/accueil/pin), conf $(grep -v '^#' /etc/accueil.conf)"
fi
if runuser -u accueil -- /usr/bin/accueil --check-config >"$tmp/check" 2>&1; then
	ok "the upgraded settings pass --check-config"
else
	fail "--check-config after the upgrade:"; cat "$tmp/check"
fi
# Upgraded again: the PIN file is kept as it is, and so are the desk's own
# facts (a test phone, on this machine only: the purge below removes it).
mkdir -p /var/lib/accueil
printf 'card bureau-accueil\n  phone 2026-12-01 081 00 00 01\n' >"$tmp/desk.txt"
accueil --config /dev/null --desk /var/lib/accueil/desk.db \
	--desk-import "$tmp/desk.txt" >/dev/null 2>&1
sum=$(md5sum </etc/accueil/pin)
sed -i "s/^Version: .*/Version: $ver+2/" "$tmp/repack/DEBIAN/control"
dpkg-deb -b "$tmp/repack" "$newdeb" >/dev/null
if DEBIAN_FRONTEND=noninteractive dpkg_retry -i "$newdeb" </dev/null >"$tmp/upgrade.out" 2>&1 &&
   [ "$(md5sum </etc/accueil/pin)" = "$sum" ] && [ "$(stat -c '%a %U:%G' /etc/accueil/pin)" = "640 root:accueil" ]; then
	ok "a second upgrade keeps /etc/accueil/pin as it was"
else
	fail "the second upgrade changed /etc/accueil/pin: $(cat /etc/accueil/pin)"
fi
if accueil --config /dev/null --desk /var/lib/accueil/desk.db --desk-export - 2>&1 |
   grep -q "081 00 00 01"; then
	ok "an upgrade keeps the desk's own facts (/var/lib/accueil/desk.db)"
else
	fail "the desk's facts after the upgrade: $(accueil --config /dev/null --desk /var/lib/accueil/desk.db --desk-export - 2>&1 | head -3)"
fi
if [ "$(cat /proc/1/comm)" = systemd ]; then
	systemctl start accueil-kiosk.service
	sed -i "s/^Version: .*/Version: $ver+3/" "$tmp/repack/DEBIAN/control"
	dpkg-deb -b "$tmp/repack" "$newdeb" >/dev/null
	dpkg_retry -i "$newdeb" </dev/null >"$tmp/upgrade.out" 2>&1
	if systemctl is-active --quiet accueil-kiosk.service; then
		ok "the kiosk's unit is active again after the upgrade"
	else
		fail "the kiosk's unit is not active after the upgrade"
	fi
	systemctl stop accueil-kiosk.service
else
	echo "not run: systemd is not PID 1 here, so the unit cannot be started and upgraded (the postinst's restart is checked above)"
fi

# Purge: nothing of the package is left.
if dpkg_retry --purge accueil >"$tmp/dpkg.out"; then ok "dpkg --purge accueil"; else fail "dpkg --purge"; fi
left=""
while read -r f; do
	[ "$f" = "/." ] && continue
	if [ -e "$f" ] && ! [ -d "$f" ]; then left="$left $f"; fi
done <"$tmp/files"
for d in /usr/share/accueil /usr/share/doc/accueil /etc/accueil.conf /etc/accueil \
         /var/lib/accueil; do
	[ -e "$d" ] && left="$left $d"
done
if dpkg-statoverride --list /etc/accueil.conf >/dev/null 2>&1; then left="$left (statoverride)"; fi
if [ -z "$left" ]; then ok "the purge leaves no file of the package"; else fail "left after purge:$left"; fi

summary
