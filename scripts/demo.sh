#!/bin/sh
# SPDX-License-Identifier: Apache-2.0 OR MIT
# The built-in example: make an image, encrypt it with the vxts CLI, decrypt
# it, compare, and print the backend and throughput (`make demo`).
set -eu
cd "$(dirname "$0")/.."
scripts/deps.sh build
exec make --no-print-directory -j2 demo
