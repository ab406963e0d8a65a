"""Independent replay of [D-invariant-drift] on a stored case (SG map, Euler steps, NumPy).

Trains from the case's state to T = 100 eta0 at eta0, eta0/2, ..., eta0/16 and prints the
accumulated drift D(eta) = ||Delta_K - (1 - 2 eta lambda)^K Delta_0|| next to the sum the exact
identity Delta_{k+1} = (1 - 2 eta lambda) Delta_k + eta^2 (F_A^T F_A - alpha F_B F_B^T) predicts,
and the per-step orders p = 1 + log2(D(eta/2) / D(eta)) of successive pairs.

    python3 src/bench/python/invariant_drift_replay.py CASE.json ETA0
"""
import json
import sys

import numpy as np


def main(path, eta0):
    d = json.load(open(path))
    c = d["configuration"]
    cxx = np.array(c["Cxx"])
    cyx = np.array(c["Cxy"]).T
    lam, alpha = c["lambda"], c["alpha"]
    a0, b0 = np.array(d["state"]["A"]), np.array(d["state"]["B"])

    def field(a, b):
        r = a @ b @ cxx - b @ cyx
        return -alpha * r @ b.T - lam * a, -a.T @ r - lam * b

    def delta(a, b):
        return a.T @ a - alpha * b @ b.T

    drifts = []
    for j in range(5):
        eta, steps = eta0 / 2 ** j, 100 * 2 ** j
        a, b, factor = a0.copy(), b0.copy(), 1.0
        predicted = np.zeros_like(delta(a0, b0))
        for _ in range(steps):
            fa, fb = field(a, b)
            predicted = (1 - 2 * eta * lam) * predicted + eta * eta * (fa.T @ fa - alpha * fb @ fb.T)
            a, b = a + eta * fa, b + eta * fb
            factor *= 1 - 2 * eta * lam
        drift = np.linalg.norm(delta(a, b) - factor * delta(a0, b0))
        drifts.append(drift)
        print(f"eta0/{2 ** j:<2d} D = {drift:.4g}  identity's sum = {np.linalg.norm(predicted):.4g}"
              f"  ||A(T)|| = {np.linalg.norm(a):.3g}")
    for j in range(2, 5):
        p = 1 + np.log2(drifts[j - 1] / drifts[j])
        print(f"order from eta0/{2 ** (j - 1)}, eta0/{2 ** j}: {p:.3f}")


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]))
