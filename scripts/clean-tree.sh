#!/bin/sh
# SPDX-License-Identifier: Apache-2.0 OR MIT
# A test run must leave the tree as git had it: its output goes to build directories, which
# .gitignore covers. scripts/test.sh calls
#   scripts/clean-tree.sh save FILE    before its stages (records `git status` and the diff)
#   scripts/clean-tree.sh check FILE   after them: "1 passed, 0 failed" if nothing changed
# From a clean checkout, passing means `git status --porcelain` is empty at the end. Outside a
# git checkout the check is n/a ("0 passed, 0 failed").
set -u
state() { git status --porcelain --untracked-files=all && git diff HEAD | cksum; }
[ $# = 2 ] || { echo "usage: clean-tree.sh save|check FILE" >&2; exit 2; }
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    [ "$1" = save ] || { echo "clean tree: n/a (not a git checkout)"; echo "0 passed, 0 failed"; }
    exit 0
fi
case $1 in
save) state >"$2" ;;
check)
    if [ -f "$2" ] && [ "$(state)" = "$(cat "$2")" ]; then
        if [ -z "$(git status --porcelain --untracked-files=all)" ]; then
            echo "ok   clean tree: git status shows nothing"
        else
            echo "ok   clean tree: unchanged by the run (it had uncommitted changes before)"
        fi
        echo "1 passed, 0 failed"
    else
        git status --porcelain --untracked-files=all | sed 's/^/     /'
        echo "FAIL clean tree: the run changed the tree (git status above)"
        echo "0 passed, 1 failed"
        exit 1
    fi ;;
*) echo "usage: clean-tree.sh save|check FILE" >&2; exit 2 ;;
esac
