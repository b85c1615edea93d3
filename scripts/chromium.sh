#!/bin/sh
# Makes sure the browser tests have a Chromium: present already, installed from
# Debian when running as root, or one line saying what to do.
set -eu

if [ -n "${CHROMIUM:-}" ]; then
	if [ -x "$CHROMIUM" ]; then exit 0; fi
	echo "CHROMIUM=$CHROMIUM is not an executable file" >&2
	exit 1
fi
if [ -x /usr/bin/chromium ]; then exit 0; fi

if [ "$(id -u)" -ne 0 ]; then
	echo "Chromium is missing: run 'sudo apt-get install chromium' (or set CHROMIUM=/path/to/chromium)" >&2
	exit 1
fi

echo "Chromium is missing: installing Debian's chromium package with apt-get"
# Another apt run (an earlier install, unattended upgrades) holds the lock;
# apt-get waits for it rather than failing.
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=600 update
apt-get -o DPkg::Lock::Timeout=600 install -y chromium
