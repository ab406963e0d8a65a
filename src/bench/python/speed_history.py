#!/usr/bin/env python3
"""Before/after figures for each speed change that landed: the same whole-process run at every commit.

Benchmark only (no numpy needed). For each commit of the list, a clean worktree is built with the project's own
launcher, then `scripts/sgema integrate` runs the synthetic (64, 16) configuration of integrate_vs_scipy.py (SG and
EMA, from the same random state, to t = 2000 at rtol 1e-8, atol 1e-10, the default method) `--repeat` times, in
rounds that run every commit once (interleaved, so that the machine's slow spells hit all commits alike); the
median wall time (process start to exit) and the evaluations are written to docs/speed-history.csv, with the
speedup of each commit over the one before it. The report shows that file.

    python3 src/bench/python/speed_history.py [--repeat 3] [--t-max 2000] [COMMIT=LABEL ...]
    python3 src/bench/python/speed_history.py --append [--repeat 5]

With --append only the last two changes of the list run (the one before as the reference, measured again in
the same rounds) and the rows of the last one are added to the file: its speedup is over the reference as
measured in this run, not over the older row.
"""
import argparse
import csv
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))

# the speed changes of issue "Speed", oldest first (the first is the baseline)
CHANGES = [
    ("703f696", "baseline: EJML products, Hipparchus DP8(5,3), AUTO switches on stiffness alone"),
    ("0163ed7", "field products on register-blocked Vector API kernels"),
    ("743e623", "own DOP853 step loop: 12 evaluations per step, lazy dense output"),
    ("4be5731", "AUTO prices its stiff phase and goes back when it costs more"),
    ("43ae464", "eigenbasis of Cxx: (A B) Cxx a column scaling, O(mn) residual when moments commute"),
    ("4469ffe", "launcher: serial collector with a 32 MB young generation"),
    ("6c7b2d7", "AUTO looks for stiffness again only at max(4, r) times the age (r: the price ratio it measured)"),
    ("2f0539c", "launcher: class-data-sharing archive (dynamic AppCDS) trained after each compilation"),
    ("a6f45f8", "integrate: fields with m n < 256 start on plain loops (not this shape: a control)"),
    ("7255dbc", "JSON through Jackson's streaming parser and generator, no ObjectMapper"),
    ("f6fc5bf", "launcher: a static class-data-sharing archive, which holds picocli's classes too"),
    ("e89299c", "DOP853 writes its stages in place: no arrays per evaluation"),
    ("a2eea99", "RODAS stages in place (7d45bc9); states recorded once, rotated out of the eigenbasis in place; with* not re-validated"),
    ("2b2e834", "GMRES: the Arnoldi update in small methods the JIT compiles early (cold stiff probes)"),
    ("8341764", "DOP853: stage sums four terms per pass, the error estimate in vectorized loops, no mapper copies (same bits)"),
]


def synthetic(seed=1):
    """The synthetic (64, 16) configuration of integrate_vs_scipy.py (same seed, same draws)."""
    import numpy as np
    rng = np.random.default_rng(seed)
    n, m = 64, 16
    q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    s = q @ np.diag(np.linspace(2.0, 0.05, n)) @ q.T
    return {"n": n, "m": m, "S": ((s + s.T) / 2).tolist(), "N": (0.3 * np.eye(n)).tolist(), "alpha": 1.0, "tau": 0.5}


def run(tree, args):
    t0 = time.perf_counter()
    p = subprocess.run([os.path.join(tree, "scripts", "sgema")] + args, capture_output=True, text=True, cwd=tree)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError(" ".join(args) + "\n" + p.stderr[-2000:])
    out = json.loads([l for l in p.stdout.splitlines() if l.startswith("{")][-1])
    return wall, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--t-max", type=float, default=2000)
    ap.add_argument("--append", action="store_true",
                    help="run the last two changes of the list and append the last one's rows to the file")
    ap.add_argument("changes", nargs="*", help="COMMIT=LABEL pairs (default: the list in this file)")
    a = ap.parse_args()
    changes = [tuple(c.split("=", 1)) for c in a.changes] if a.changes else CHANGES
    if a.append:
        changes = changes[-2:]
    import numpy as np
    work = tempfile.mkdtemp(prefix="sgema-history-")
    config = synthetic()
    cf = os.path.join(work, "synthetic-64x16.json")
    json.dump(config, open(cf, "w"))
    rng = np.random.default_rng(7)
    n, m = config["n"], config["m"]
    state = {"A": (0.3 * rng.standard_normal((m, m))).tolist(),
             "B": (0.3 * rng.standard_normal((m, n)) / np.sqrt(n / m)).tolist()}
    sf = os.path.join(work, "state.json")
    json.dump(state, open(sf, "w"))
    rows = []
    previous = {}
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"
    trees = []
    try:
        for commit, label in changes:
            commit = subprocess.run(["git", "rev-parse", "--short=7", commit], cwd=ROOT, check=True,
                                    capture_output=True, text=True).stdout.strip()
            tree = os.path.join(work, commit)
            subprocess.run(["git", "worktree", "add", "--detach", tree, commit], cwd=ROOT, check=True,
                           capture_output=True)
            trees.append((commit, label, tree))
            subprocess.run([os.path.join(tree, "scripts", "sgema"), "--version"], cwd=tree, capture_output=True)
            print(f"built {commit}", flush=True)
        # every round runs every commit once, so that a slow spell of the machine hits them all alike
        walls = {(c, f): [] for c, _, _ in trees for f in ["sg", "ema"]}
        evals = {}
        for _ in range(a.repeat):
            for commit, _, tree in trees:
                for flow in ["sg", "ema"]:
                    wall, out = run(tree, ["integrate", "--config", cf, "--state", sf, "--flow", flow, "--t-max",
                                           str(a.t_max), "--tol", "1e-30", "--rtol", "1e-8", "--atol", "1e-10"])
                    walls[(commit, flow)].append(wall)
                    evals[(commit, flow)] = out["rhsEvaluations"]
        for commit, label, _ in trees:
            for flow in ["sg", "ema"]:
                wall = statistics.median(walls[(commit, flow)])
                speedup = previous[flow] / wall if flow in previous else None
                previous[flow] = wall
                rows.append([commit, label, "integrate (64,16) t=2000 whole process", flow.upper(), f"{wall:.2f}",
                             "s", evals[(commit, flow)], "" if speedup is None else f"{speedup:.2f}", machine])
                print(f"{commit:8s} {flow:3s} {wall:6.2f} s {evals[(commit, flow)]:8d} evals  "
                      f"{'' if speedup is None else f'{speedup:.2f}x'}  {label}", flush=True)
    finally:
        for _, _, tree in trees:
            subprocess.run(["git", "worktree", "remove", "--force", tree], cwd=ROOT, capture_output=True)
    out = os.path.join(ROOT, "docs", "speed-history.csv")
    if a.append:
        with open(out, "a", newline="") as f:
            csv.writer(f).writerows(rows[2:])  # the reference's rows are already there
    else:
        with open(out, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["commit", "change", "measurement", "flow", "median_wall", "unit", "evaluations",
                        "speedup_over_previous", "machine"])
            w.writerows(rows)
    print("wrote", os.path.relpath(out, ROOT))


if __name__ == "__main__":
    main()
