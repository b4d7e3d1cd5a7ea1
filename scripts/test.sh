#!/usr/bin/env bash
# The whole test suite, as the README gives it and CI runs it.
#
# Some tests compare the library with Debian's MariaDB tools (mariadb-binlog) and server.
# `scripts/mariadb-sandbox.sh ensure` installs them when they are missing and it can
# (root with apt-get); BINLOGKIT_REQUIRE_MARIADB=1 then makes those tests fail, not skip,
# when MariaDB is not there. Plain `cargo test` skips them with a notice instead.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! scripts/mariadb-sandbox.sh ensure; then
    echo "test.sh: MariaDB could not be installed; the tests that need it will fail" >&2
fi
export BINLOGKIT_REQUIRE_MARIADB=1
exec cargo test "$@"
