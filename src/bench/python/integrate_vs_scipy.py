#!/usr/bin/env python3
"""Whole-process timing of `scripts/sgema integrate` against SciPy's solve_ivp (DOP853, LSODA, BDF).

Benchmark only: numpy, scipy and scikit-learn (for its bundled public tables) come from the Python
registry; nothing here is needed by the main job or the tests.

For each configuration (symmetric-views moments of standardized public tables, S = correlation
matrix, N = nu^2 I, and a synthetic (n, m) = (64, 16) one), a random initial state is written as the
CLI's JSON files, then each solver runs in its own process to t_max at the same rtol/atol, and its
wall time (process start to exit) is measured, and the solver's own time inside its process (the project's
integration time, SciPy's solve_ivp call). Every end state is compared with a reference run at
rtol 1e-12 (the project's RODAS, `--method stiff`); the table gives the relative deviation. The same
reference from a start moved by 1e-10 (relative) shows the problem's own sensitivity: no solver can
be expected to agree with the reference much better than that sensitivity scaled to its tolerance.

    python3 src/bench/python/integrate_vs_scipy.py [--t-max 2e4] [--rtol 1e-8] [--atol 1e-10] [--only NAME,...]
        [--repeat 1] [--methods auto,stiff,explicit] [--scipy DOP853,LSODA,BDF]
    python3 src/bench/python/integrate_vs_scipy.py --solve METHOD CONFIG STATE FLOW T RTOL ATOL   (one SciPy run)
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def field(config, flow):
    n, m = config["n"], config["m"]
    S, N = np.array(config["S"]), np.array(config["N"])
    cxx, cyx = S + N, S.T
    alpha, tau, lam = config.get("alpha", 1.0), config.get("tau", 1.0), config.get("lambda", 0.0)
    ema = flow == "ema"

    def f(t, th):
        a = th[:m * m].reshape(m, m)
        b = th[m * m:m * m + m * n].reshape(m, n)
        tgt = th[m * m + m * n:].reshape(m, n) if ema else b
        r = a @ b @ cxx - tgt @ cyx
        da = -alpha * r @ b.T - lam * a
        db = -a.T @ r - lam * b
        parts = [da.ravel(), db.ravel()]
        if ema:
            parts.append((tau * (b - tgt)).ravel())
        return np.concatenate(parts)
    return f


def solve(method, config_file, state_file, flow, t_max, rtol, atol):
    from scipy.integrate import solve_ivp
    config = json.load(open(config_file))
    state = json.load(open(state_file))
    parts = [np.array(state["A"]).ravel(), np.array(state["B"]).ravel()]
    if flow == "ema":
        parts.append(np.array(state["B"]).ravel())
    t0 = time.perf_counter()
    sol = solve_ivp(field(config, flow), (0.0, t_max), np.concatenate(parts), method=method, rtol=rtol, atol=atol)
    solve_ms = 1000 * (time.perf_counter() - t0)
    print(json.dumps({"nfev": int(sol.nfev), "status": int(sol.status), "y": sol.y[:, -1].tolist(),
                      "solveMillis": solve_ms}))


def flat(state, flow):
    parts = [np.array(state["A"]).ravel(), np.array(state["B"]).ravel()]
    if flow == "ema":
        parts.append(np.array(state["Bbar"] if "Bbar" in state else state["B"]).ravel())
    return np.concatenate(parts)


def tables():
    from sklearn import datasets
    out = []
    for name, loader, m in [("breast-cancer", datasets.load_breast_cancer, 5), ("wine", datasets.load_wine, 4),
                            ("diabetes", datasets.load_diabetes, 3)]:
        x = loader().data
        x = (x - x.mean(0)) / x.std(0)
        out.append((name, np.corrcoef(x.T), m))
    return out


def configs(seed=1):
    rng = np.random.default_rng(seed)
    out = []
    for name, s, m in tables():
        n = s.shape[0]
        out.append((name, {"n": n, "m": m, "S": s.tolist(), "N": (0.5 * np.eye(n)).tolist(), "alpha": 1.0,
                           "tau": 0.5}))
    n, m = 64, 16
    q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    s = q @ np.diag(np.linspace(2.0, 0.05, n)) @ q.T
    out.append(("synthetic-64x16", {"n": n, "m": m, "S": ((s + s.T) / 2).tolist(), "N": (0.3 * np.eye(n)).tolist(),
                                    "alpha": 1.0, "tau": 0.5}))
    return out


def timed(cmd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError(" ".join(cmd) + "\n" + p.stderr)
    line = [l for l in p.stdout.splitlines() if l.startswith("{")][-1]
    return wall, json.loads(line)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--t-max", type=float, default=2e4)
    ap.add_argument("--rtol", type=float, default=1e-8)
    ap.add_argument("--atol", type=float, default=1e-10)
    ap.add_argument("--flows", default="sg,ema")
    ap.add_argument("--only", default=None, help="comma-separated parts of configuration names")
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs of each solver, interleaved; the table gives the median wall time")
    ap.add_argument("--methods", default="auto,stiff,explicit", help="the project's methods to time")
    ap.add_argument("--scipy", default="DOP853,LSODA,BDF")
    ap.add_argument("--solve", nargs=7, default=None)
    ap.add_argument("--reference", default="stiff", help="method of the rtol 1e-12 reference run (stiff, auto, explicit)")
    ap.add_argument("--sensitivity", type=float, default=1e-10,
                    help="also run the reference from a start moved by this much (relative; 0: skip), to show how "
                         "well the end state is determined at all")
    a = ap.parse_args()
    if a.solve:
        method, c, s, flow, t, rtol, atol = a.solve
        solve(method, c, s, flow, float(t), float(rtol), float(atol))
        return
    sgema = os.path.join(ROOT, "scripts", "sgema")
    subprocess.run([sgema, "--version"], capture_output=True, cwd=ROOT)  # builds once, outside the timings
    work = tempfile.mkdtemp(prefix="sgema-bench-")
    rng = np.random.default_rng(7)
    print(f"t_max = {a.t_max:g}, rtol = {a.rtol:g}, atol = {a.atol:g}; wall = whole process, seconds"
          + (f", median of {a.repeat} interleaved runs" if a.repeat > 1 else ""))
    print("solve = the solver's own time inside its process (the project's integration time, wallMillis; "
          "SciPy's solve_ivp call): without the process start, imports, input and output")
    print(f"{'configuration':18s} {'flow':4s} {'N':>5s} {'solver':14s} {'wall':>7s} {'solve':>7s} {'evals':>9s} "
          f"{'rel. dev':>9s}")
    for name, config in configs():
        n, m = config["n"], config["m"]
        # drawn for every configuration, so that --only runs the same states as a full run
        state = {"A": (0.3 * rng.standard_normal((m, m))).tolist(),
                 "B": (0.3 * rng.standard_normal((m, n)) / np.sqrt(n / m)).tolist()}
        if a.only and not any(part in name for part in a.only.split(",")):
            continue
        cf = os.path.join(work, name + ".json")
        json.dump(config, open(cf, "w"))
        sf = os.path.join(work, name + "-state.json")
        json.dump(state, open(sf, "w"))
        for flow in a.flows.split(","):
            # no orbit search after the run (SciPy analyses nothing either; a run at the explicit method's
            # noise floor looks steady and would be searched for up to 20 s)
            common = ["--config", cf, "--state", sf, "--flow", flow, "--t-max", str(a.t_max), "--tol", "1e-30",
                      "--orbit-search", "0"]
            _, ref = timed([sgema, "integrate", *common, "--rtol", "1e-12", "--atol", "1e-14", "--method", a.reference,
                            "--wall-clock", "3600"])
            if ref["outcome"] != "HORIZON_REACHED":
                raise RuntimeError(f"{name} {flow}: the reference run ended {ref['outcome']}: {ref['reason']}")
            y_ref = flat(ref["state"], flow)
            size = y_ref.size
            if a.sensitivity > 0:
                # the problem's own conditioning: the same reference from a start moved by a.sensitivity (relative)
                pert = {k: (np.array(v) + a.sensitivity * np.abs(np.array(v)).max()
                            * np.random.default_rng(3).standard_normal(np.array(v).shape)).tolist()
                        for k, v in state.items()}
                pf = os.path.join(work, name + "-perturbed.json")
                json.dump(pert, open(pf, "w"))
                pcommon = [c if c != sf else pf for c in common]
                _, pref = timed([sgema, "integrate", *pcommon, "--rtol", "1e-12", "--atol", "1e-14", "--method",
                                 a.reference, "--wall-clock", "3600"])
                moved = np.linalg.norm(flat(pref["state"], flow) - y_ref) / np.linalg.norm(y_ref)
                print(f"{name:18s} {flow:4s} {size:5d} sensitivity: a start moved by {a.sensitivity:g} (relative) "
                      f"moves the reference's end state by {moved:.1e}", flush=True)
            commands = [("sgema " + method, [sgema, "integrate", *common, "--rtol", str(a.rtol), "--atol",
                                             str(a.atol), "--method", method]) for method in a.methods.split(",")]
            commands += [("scipy " + method, [sys.executable, __file__, "--solve", method, cf, sf, flow,
                                              str(a.t_max), str(a.rtol), str(a.atol)]) for method in a.scipy.split(",")]
            walls = {label: [] for label, _ in commands}
            solves = {label: [] for label, _ in commands}
            outs = {}
            for _ in range(a.repeat):  # interleaved, so that a slow spell of the machine hits every solver
                for label, cmd in commands:
                    wall, outs[label] = timed(cmd)
                    walls[label].append(wall)
                    solves[label].append(outs[label]["wallMillis" if label.startswith("sgema") else "solveMillis"] / 1000)
            rows = []
            for label, _ in commands:
                o = outs[label]
                y = flat(o["state"], flow) if label.startswith("sgema") else np.array(o["y"])
                ev = o["rhsEvaluations"] if label.startswith("sgema") else o["nfev"]
                dev = np.linalg.norm(y - y_ref) / np.linalg.norm(y_ref)
                rows.append((label, float(np.median(walls[label])), ev, dev, float(np.median(solves[label]))))
            best_scipy = min(r[1] for r in rows if r[0].startswith("scipy"))
            for label, wall, ev, dev, solve_s in rows:
                print(f"{name:18s} {flow:4s} {size:5d} {label:14s} {wall:7.2f} {solve_s:7.2f} {ev:9d} {dev:9.1e}",
                      flush=True)
            ours = next(r for r in rows if r[0].startswith("sgema"))
            best_solve = min(r[4] for r in rows if r[0].startswith("scipy"))
            print(f"{name:18s} {flow:4s} {size:5d} {'ratio':14s} {best_scipy / ours[1]:7.2f} {best_solve / ours[4]:7.2f}"
                  f"  (best SciPy / {ours[0]}: wall, solve)", flush=True)


if __name__ == "__main__":
    main()
