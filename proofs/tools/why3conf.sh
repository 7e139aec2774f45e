#!/bin/sh
# SPDX-License-Identifier: Apache-2.0 OR MIT
# Writes the private Why3 configuration used by `make prove`:
#   why3 config detect (into $1 only, never ~/.why3.conf), then two pinned
#   provers with the vxts drivers (proofs/why3/*.drv):
#     z3n   = Z3 4.8.12 + z3_nomemtrans.drv
#     z3a   = the same with auto_config=false (Z3's automatic tactic choice
#             blows up on some of our quantified goals that it otherwise
#             proves in a second)
#     z3s   = z3n that gives up after 30M resource steps (8-11 s alone),
#             for runs where z3 proves nothing above 27.3M but times out on
#             goals that only cvc4 proves: z3 stops sooner, by a count that
#             does not depend on the machine's load
#     cvc4n = CVC4 1.8  + cvc4_nomemtrans.drv
# Usage: why3conf.sh OUT.conf SRC_DRIVER_DIR
# The drivers are instantiated next to OUT.conf (their import needs the
# absolute path of Why3's own drivers).
set -eu
out=$1
src=$(cd "$2" && pwd)
drv=$(cd "$(dirname "$out")" && pwd)
stock=$(why3 --print-datadir)/drivers
for d in z3_nomemtrans cvc4_nomemtrans; do
    sed "s|@WHY3_DRIVERS@|$stock|" "$src/$d.drv.in" >"$drv/$d.drv"
done
rm -f "$out"
WHY3CONFIG=$out why3 config detect >/dev/null 2>&1
z3=$(command -v z3)
cvc4=$(command -v cvc4)
cat >>"$out" <<CONF

[prover]
name = "Z3"
version = "$(z3 --version | awk '{print $3}')"
alternative = "vxts"
shortcut = "z3n"
driver = "$drv/z3_nomemtrans.drv"
command = "$z3 -smt2 -T:%t sat.random_seed=42 nlsat.randomize=false smt.random_seed=42 -st %f"
command_steps = "$z3 -smt2 sat.random_seed=42 nlsat.randomize=false smt.random_seed=42 rlimit=%S -st %f"
editor = ""
in_place = false
interactive = false

[prover]
name = "Z3"
version = "$(z3 --version | awk '{print $3}')"
alternative = "vxts-noauto"
shortcut = "z3a"
driver = "$drv/z3_nomemtrans.drv"
command = "$z3 -smt2 -T:%t auto_config=false smt.random_seed=42 -st %f"
command_steps = "$z3 -smt2 auto_config=false smt.random_seed=42 rlimit=%S -st %f"
editor = ""
in_place = false
interactive = false

[prover]
name = "Z3"
version = "$(z3 --version | awk '{print $3}')"
alternative = "vxts-capped"
shortcut = "z3s"
driver = "$drv/z3_nomemtrans.drv"
command = "$z3 -smt2 -T:%t rlimit=30000000 sat.random_seed=42 nlsat.randomize=false smt.random_seed=42 -st %f"
command_steps = "$z3 -smt2 sat.random_seed=42 nlsat.randomize=false smt.random_seed=42 rlimit=%S -st %f"
editor = ""
in_place = false
interactive = false

[prover]
name = "CVC4"
version = "$(cvc4 --version | sed -n 's/.*version \([0-9.]*\).*/\1/p' | head -1)"
alternative = "vxts"
shortcut = "cvc4n"
driver = "$drv/cvc4_nomemtrans.drv"
command = "$cvc4 --stats --tlimit=%t000 --lang=smt2 %f"
command_steps = "$cvc4 --stats --rlimit=%S --lang=smt2 %f"
editor = ""
in_place = false
interactive = false
CONF
