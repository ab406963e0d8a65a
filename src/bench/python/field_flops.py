#!/usr/bin/env python3
"""NumPy's time and FLOP rate for the moment fields' products, the reference of `scripts/sgema bench --field-flops`.

Benchmark only (numpy from the Python registry; not needed by the main job or the tests). For each shape
(n, m) and flow it evaluates the same products as the project's field, on dense random moments:

    R  = A B Cxx - T Cyx            (T = B for SG, the target for EMA)
    dA = -alpha R B^T - lambda A
    dB = -A^T R - lambda B          (EMA adds tau (B - T))

FLOPs per evaluation, counted as the project counts them: 4 m n^2 + 6 m^2 n. Prints one JSON object per line:
{"n":..,"m":..,"flow":..,"seconds":..,"gflops":..,"threads":..}. NumPy uses its BLAS with the threads it
chooses (OPENBLAS_NUM_THREADS etc. are respected); the line says how many the BLAS reported, if it can.

    python3 src/bench/python/field_flops.py [--shapes 8x2,64x16,256x32] [--flows SG,EMA] [--seconds 1.0]
"""
import argparse
import json
import time

import numpy as np


def blas_threads():
    try:
        from threadpoolctl import threadpool_info
        return max((p.get("num_threads", 0) for p in threadpool_info() if p.get("user_api") == "blas"), default=None)
    except Exception:
        return None


def evaluator(n, m, flow, rng):
    cxx = rng.standard_normal((n, n))
    cyx = rng.standard_normal((n, n))
    a = rng.standard_normal((m, m))
    b = rng.standard_normal((m, n))
    t = rng.standard_normal((m, n)) if flow == "EMA" else b
    alpha, lam, tau = 1.0, 0.1, 0.5

    def f():
        r = a @ b @ cxx - t @ cyx
        da = -alpha * (r @ b.T) - lam * a
        db = -(a.T @ r) - lam * b
        if flow == "EMA":
            return da, db, tau * (b - t)
        return da, db
    return f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shapes", default="8x2,64x16,256x32")
    ap.add_argument("--flows", default="SG,EMA")
    ap.add_argument("--seconds", type=float, default=1.0, help="measuring time per shape and flow")
    a = ap.parse_args()
    rng = np.random.default_rng(1)
    threads = blas_threads()
    for shape in a.shapes.split(","):
        n, m = (int(x) for x in shape.split("x"))
        for flow in a.flows.split(","):
            f = evaluator(n, m, flow, rng)
            # warm up, then size the measured loop to about the requested time; best of 3
            reps, elapsed = 1, 0.0
            while elapsed < 0.1:
                reps *= 2
                t0 = time.perf_counter()
                for _ in range(reps):
                    f()
                elapsed = time.perf_counter() - t0
            reps = max(1, int(reps * a.seconds / 3 / elapsed))
            best = float("inf")
            for _ in range(3):
                t0 = time.perf_counter()
                for _ in range(reps):
                    f()
                best = min(best, (time.perf_counter() - t0) / reps)
            flops = 4 * m * n * n + 6 * m * m * n
            print(json.dumps({"n": n, "m": m, "flow": flow, "seconds": best, "gflops": flops / best / 1e9,
                              "threads": threads, "numpy": np.__version__}), flush=True)


if __name__ == "__main__":
    main()
