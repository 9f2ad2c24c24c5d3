#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# lockdown-test.sh - the console lock of the kiosk (data/lockdown/): the
# keymap parses and takes away console switching, Ctrl-Alt-Del and Scroll
# Lock; the unit passes systemd-analyze verify; accueil-lockdown enables
# every piece in a system image and disable leaves nothing behind.
# Usage: lockdown-test.sh SRCDIR/data/lockdown BUILT-SCRIPT BUILT-UNIT
set -u
src=$1 script=$2 unit=$3
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() {       # check NAME COMMAND...: one test line
	name=$1; shift
	if "$@" >"$tmp/out" 2>&1; then
		pass=$((pass + 1)); echo "ok   $name"
	else
		fail=$((fail + 1)); echo "FAIL $name"; sed 's/^/     /' "$tmp/out"
	fi
}

void_for() {    # void_for MODIFIERS KEYCODE: the keymap makes it VoidSymbol
	grep -qx "$1 keycode $2 = VoidSymbol" "$src/accueil-kiosk.keymap"
}

check "keymap parses (loadkeys -p)" loadkeys -p "$src/accueil-kiosk.keymap"
for k in 59 60 61 62 63 64 65 66 67 68 87 88; do
	for m in alt "control alt" altgr; do
		check "keymap: $m F-key $k switches no console" void_for "$m" "$k"
	done
done
check "keymap: Alt-Left" void_for alt 105
check "keymap: Alt-Right" void_for alt 106
check "keymap: Ctrl-Alt-Del" void_for "control alt" 111
check "keymap: Ctrl-Alt-KP-Del" void_for "control alt" 83
check "keymap: Scroll Lock" grep -qx "keycode 70 = VoidSymbol" "$src/accueil-kiosk.keymap"

sysrq=$(sed -n 's/^kernel\.sysrq *= *//p' "$src/sysctl.conf")
sysrq_safe() {  # SAK/unraw (4), process dumps (8), signals (64) are off
	[ -n "$sysrq" ] && [ $((sysrq & 4)) -eq 0 ] && [ $((sysrq & 8)) -eq 0 ] &&
		[ $((sysrq & 64)) -eq 0 ] && [ $((sysrq & 1)) -eq 0 ]
}
check "sysctl: SysRq $sysrq allows no SAK, unraw, dumps or kill" sysrq_safe
check "logind: NAutoVTs=0" grep -qx "NAutoVTs=0" "$src/logind.conf"
check "logind: ReserveVT=0" grep -qx "ReserveVT=0" "$src/logind.conf"
check "system.conf: CtrlAltDelBurstAction=none" \
	grep -qx "CtrlAltDelBurstAction=none" "$src/system.conf"
check "unit passes systemd-analyze verify" \
	systemd-analyze verify --man=no "$unit"

# A system image: the files where the package puts them.
root=$tmp/root
share=$(sed -n 's/^share=\${ACCUEIL_ROOT:-}\(.*\)$/\1/p' "$script")
mkdir -p "$root$share" "$root/lib/systemd/system"
cp "$src"/accueil-kiosk.keymap "$src"/*.conf "$root$share/"
cp "$unit" "$root/lib/systemd/system/"
run() { ACCUEIL_ROOT=$root sh "$script" "$@"; }

check "enable" run enable
for f in etc/sysctl.d/90-accueil-kiosk.conf \
         etc/systemd/logind.conf.d/90-accueil-kiosk.conf \
         etc/systemd/system.conf.d/90-accueil-kiosk.conf; do
	check "enabled: /$f" test -f "$root/$f"
done
for u in ctrl-alt-del.target kbrequest.target getty@tty2.service \
         getty@tty3.service getty@tty4.service getty@tty5.service \
         getty@tty6.service; do
	masked() { [ "$(readlink "$root/etc/systemd/system/$1")" = /dev/null ]; }
	check "enabled: $u masked" masked "$u"
done
check "enabled: accueil-keymap.service wanted at boot" \
	test -L "$root/etc/systemd/system/multi-user.target.wants/accueil-keymap.service"
check "status says every piece is on" sh -c \
	"ACCUEIL_ROOT='$root' sh '$script' status | grep -c '^on ' | grep -qx 11"
check "disable" run disable
left() { [ -z "$(find "$root/etc" ! -type d)" ]; }
check "disabled: nothing left under /etc" left
check "status says every piece is off" sh -c \
	"ACCUEIL_ROOT='$root' sh '$script' status | grep -c '^off ' | grep -qx 11"
check "an unknown word is refused" sh -c "! ACCUEIL_ROOT='$root' sh '$script' lock"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
