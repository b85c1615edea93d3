#!/bin/sh
# Makes sure the browser tests have a Chromium: present already, installed from
# Debian when running as root, or one line saying what to do.
set -eu

if [ -n "${CHROMIUM:-}" ]; then
	if [ -x "$CHROMIUM" ]; then exit 0; fi
	echo "CHROMIUM=$CHROMIUM is not an executable file" >&2
	exit 1
fi
# The Japanese page's screenshots need a Japanese font: without one headless
# Chromium draws boxes. IPA Gothic (3.5 MB) is the smallest Debian has.
missing=""
[ -x /usr/bin/chromium ] || missing="chromium"
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=ja family 2>/dev/null)" ]; then
	missing="$missing fonts-ipafont-gothic"
fi
[ -n "$missing" ] || exit 0

if [ "$(id -u)" -ne 0 ]; then
	case "$missing" in
	*chromium*)
		echo "Chromium is missing: run 'sudo apt-get install chromium' (or set CHROMIUM=/path/to/chromium)" >&2
		exit 1 ;;
	esac
	# No Japanese font only makes Japanese screenshots unreadable: say so, go on.
	echo "No Japanese font: Japanese screenshots will show boxes (sudo apt-get install fonts-ipafont-gothic)" >&2
	exit 0
fi

echo "Missing:$missing; installing from Debian with apt-get"
# Another apt run (an earlier install, unattended upgrades) holds the lock;
# apt-get waits for it rather than failing.
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=600 update
# shellcheck disable=SC2086 # one word per package
apt-get -o DPkg::Lock::Timeout=600 install -y $missing
