#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 OR MIT
"""Writes the assurance report from a `make prove` run.

Usage: report.py [--time-free] OUT_DIR > REPORT
Reads OUT_DIR/<run>.meta and <run>.json (Frama-C -wp-report-json), smt.log,
the axioms of the spec headers, and fills proofs/REPORT.in.md. The closing
line is "N passed, N failed" (goals and checks), as scripts/test.sh counts.
--time-free: the form committed as proofs/REPORT.md, which the same proofs
give on any run: no date, no times, and no per-prover counts (which prover
closes a goal first depends on the machine's load).
"""
import datetime
import glob
import json
import os
import re
import subprocess
import sys

TIME_FREE = "--time-free" in sys.argv[1:]
OUT = [a for a in sys.argv[1:] if a != "--time-free"][0]
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
# The Frama-C runs, in the order proofs/prove.sh started them.
RUNS_LIST = os.path.join(OUT, "runs.list")
RUNS = open(RUNS_LIST).read().split() if os.path.exists(RUNS_LIST) else []
PROVER_NAMES = {"qed": "Qed", "Z3": "z3", "CVC4": "cvc4"}


def meta(name):
    path = os.path.join(OUT, name + ".meta")
    if not os.path.exists(path):
        return None
    out = {}
    for line in open(path):
        key, _, value = line.rstrip("\n").partition("=")
        out[key] = value
    return out


def prover_key(k):
    """'Z3:4.8.12:vxts' -> 'z3'; 'qed' -> 'Qed'; 'wp:main' -> None."""
    if k.startswith("wp:"):
        return None
    return PROVER_NAMES.get(k.split(":")[0], k)


def section_counts(sec):
    total = sec.get("wp:main", {}).get("total", 0)
    valid = sec.get("wp:main", {}).get("valid", 0)
    by = {}
    for k, v in sec.items():
        p = prover_key(k)
        if p and v.get("valid"):
            by[p] = by.get(p, 0) + v["valid"]
    return total, valid, by


def unproved(funcs):
    bad = []
    for fname, props in funcs.items():
        for prop, sec in props.items():
            if prop == "wp:section":
                continue
            main = sec.get("wp:main", {})
            if main.get("valid", 0) < main.get("total", 0):
                bad.append(prop)
    return bad


def prover_columns(by):
    if TIME_FREE:
        return ""
    return " %d | %d | %d |" % (by.get("Qed", 0), by.get("z3", 0), by.get("cvc4", 0))


def without_times(smt_log):
    """proofs/smt/check.sh's table without its time column and total."""
    text = re.sub(r" +time$", "", smt_log, flags=re.M)
    text = re.sub(r", [0-9]+\.[0-9]+s in all$", "", text, flags=re.M)
    return re.sub(r" +[0-9]+\.[0-9]+s( |$)", r"\1", text, flags=re.M)


def version(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except Exception:  # noqa: BLE001 - a missing tool is reported as unknown
        return "unknown"


def axioms():
    rows = []
    files = sorted(glob.glob(os.path.join(ROOT, "proofs/spec/*.h"))) + sorted(glob.glob(os.path.join(ROOT, "ref/*.c")))
    for f in files:
        text = open(f).read()
        for m in re.finditer(r"\baxiom\s+(\w+)\s*(?:\{[^}]*\})?\s*:", text):
            where = os.path.relpath(f, ROOT)
            # The committed form names the file only: a line number would make
            # every edit above an axiom change the report.
            if not TIME_FREE:
                where += ":%d" % (text.count("\n", 0, m.start()) + 1)
            rows.append("| `%s` | %s |" % (m.group(1), where))
    return "\n".join(["| axiom | where |", "| --- | --- |"] + rows)


def main():
    total_goals = proved_goals = 0
    failed_checks = passed_checks = 0
    if TIME_FREE:
        summary = ["| run | files | goals proved | result |", "| --- | --- | --- | --- |"]
    else:
        summary = ["| run | files | goals proved | time | result |", "| --- | --- | --- | --- | --- |"]
    detail = []
    run_seconds = 0
    for name in RUNS:
        m = meta(name)
        if m is None:
            summary.append("| %s | | not run | | **not run** |" % name)
            failed_checks += 1
            continue
        secs = int(m.get("seconds", "0"))
        run_seconds += secs
        try:
            data = json.load(open(os.path.join(OUT, name + ".json")))
        except (OSError, ValueError):
            data = {}
        funcs = data.get("wp:functions", {})
        g = data.get("wp:global", {}).get("wp:main", {})
        t, v = g.get("total", 0), g.get("valid", 0)
        ok = m.get("status") == "0" and t == v and t > 0
        total_goals += t
        proved_goals += v
        if not ok and t == v:
            failed_checks += 1
        summary.append("| %s | `%s` | %d / %d |%s %s |" % (
            name, m.get("files", ""), v, t, "" if TIME_FREE else " %d s |" % secs,
            "proved" if ok else "**NOT PROVED**"))
        if TIME_FREE:
            rows = ["| function or lemma | goals | proved |", "| --- | ---: | ---: |"]
        else:
            rows = ["| function or lemma | goals | proved | by Qed | by z3 | by cvc4 |",
                    "| --- | ---: | ---: | ---: | ---: | ---: |"]
        for fname in sorted(funcs):
            sec = funcs[fname].get("wp:section", {})
            ft, fv, by = section_counts(sec)
            rows.append("| `%s` | %d | %d%s |%s" % (
                fname, ft, fv, "" if ft == fv else " **(%d open)**" % (ft - fv), prover_columns(by)))
        lemmas = {}
        for group in data.get("wp:axiomatics", {}).values():
            lemmas.update(group)
        for lname in sorted(lemmas):
            if lname == "wp:section":
                continue
            ft, fv, by = section_counts(lemmas[lname])
            rows.append("| %s | %d | %d%s |%s" % (
                lname.replace("lemma_", "lemma `") + "`", ft, fv, "" if ft == fv else " **(open)**",
                prover_columns(by)))
        bad = unproved(funcs) + unproved({"": lemmas})
        detail.append("### %s\n\nCommand: `%s`\n\n%s\n" % (name, m.get("command", ""), "\n".join(rows)))
        if bad:
            detail.append("Not proved: " + ", ".join("`%s`" % b for b in bad) + "\n")

    checks = []
    for name, what in (("smt", "bit-vector identities of the tweak arithmetic (proofs/smt/)"),
                       ("sanity", "`lemma absurd` (\\false under a premise naming every axiom group) not provable"),
                       ("hygiene", "no `admit`, `check`-only or `assume` in any annotation of a proved file, each read whole"),
                       ("coverage", "every function of src/mode.c is in a proved group (or listed as trusted)")):
        m = meta(name)
        if m is None:
            checks.append("| %s | not run |" % what)
            failed_checks += 1
        elif m.get("status") == "0":
            checks.append("| %s | passed |" % what)
            passed_checks += 1
        else:
            checks.append("| %s | **FAILED** |" % what)
            failed_checks += 1
    open_meta = meta("open") or {}
    open_lines = []
    for key, value in open_meta.items():
        if key != "name" and value:
            open_lines.append("- `%s`: %s" % (key, ", ".join("`%s`" % f for f in value.split(","))))
    smt = ""
    smt_log = os.path.join(OUT, "smt.log")
    if os.path.exists(smt_log):
        text = open(smt_log).read().rstrip()
        smt = "```\n" + (without_times(text) if TIME_FREE else text) + "\n```"

    ct_readme = open(os.path.join(ROOT, "tests/ct/README.md")).read()
    ct_readme = re.sub(r"^# ", "### ", ct_readme, count=1)
    ct_readme = re.sub(r"^(#+) ", lambda mm: "#" * (len(mm.group(1)) + 2) + " ", ct_readme, flags=re.M)

    template = open(os.path.join(ROOT, "proofs/REPORT.in.md")).read()
    generated = "Generated by `make prove` (proofs/prove.sh, from proofs/REPORT.in.md)"
    if TIME_FREE:
        provenance = (generated + " in its time-free form: the same proofs give the same text. "
                      "`make prove` fails when proofs/REPORT.md is not this form of its run "
                      "(`make prove-report` copies it); the full report of a run, with times, is "
                      "build/proofs/REPORT.md. Do not edit proofs/REPORT.md by hand.")
        timing = ""
        columns = ("Goals per function and lemma; which prover closed each goal, and the times, are in "
                   "the full report of a run (build/proofs/REPORT.md).")
    else:
        provenance = (generated + " on %s. The full report of one run; proofs/REPORT.md is its "
                      "time-free form." % datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC"))
        timing = (" `make prove` took %s s (wall clock, all runs and checks); the runs' own times "
                  "below add up to %d s, two at a time." % ((meta("wall") or {}).get("seconds", "?"), run_seconds))
        columns = ('Columns "by z3"/"by cvc4" count the goals each prover closed; WP runs both, so a goal '
                   "can count under both.")
    fill = {
        "PROVENANCE": provenance,
        "TIMING": timing,
        "COLUMNS": columns,
        "FRAMAC": version("frama-c -version"),
        "WHY3": version("why3 --version"),
        "Z3": version("z3 --version"),
        "CVC4": version("cvc4 --version"),
        "TIMEOUT": os.environ.get("PROVE_TIMEOUT", "20"),
        "PAR": os.environ.get("PROVE_PAR", "1"),
        "JOBS": os.environ.get("PROVE_JOBS", "2"),
        "SUMMARY": "\n".join(summary),
        "GOALS": "%d of %d" % (proved_goals, total_goals),
        "DETAIL": "\n".join(detail),
        "CHECKS": "\n".join(["| check | result |", "| --- | --- |"] + checks),
        "SMT": smt,
        "OPEN": "\n".join(open_lines) if open_lines else "none",
        "AXIOMS": axioms(),
        "CT": ct_readme,
    }
    for k, v in fill.items():
        template = template.replace("@@%s@@" % k, v)
    sys.stdout.write(template.rstrip() + "\n\n")
    fails = (total_goals - proved_goals) + failed_checks
    sys.stdout.write("%d passed, %d failed\n" % (proved_goals + passed_checks, fails))


main()
