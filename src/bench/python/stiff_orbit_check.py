#!/usr/bin/env python3
"""Independent cross-check of a stiff EMA relative periodic orbit (RelativePeriodicOrbitTest).

Cross-check only (numpy and scipy from the Python registry; nothing here is needed by the main job
or the tests): from the state of the case file, SciPy's Radau with the analytic Jacobian finds the
first return modulo O(1), refines the period by Newton at rtol 1e-11 and 1e-12, and takes the
monodromy by central differences of the flow map (h = 1e-6 and 1e-5). Measured: T = 843.5864041748,
q = -1, residual 4e-13, moduli 1, 1, 0.90789147, 0.094164692, then below 1e-6 (2 min on 2 cores).

    python3 src/bench/python/stiff_orbit_check.py [CASE.json]

Model: R = A B Cxx - Bbar Cyx, Cyx = Cxy^T (JSON stores Cxy = E[x y^T]);
  dA = -alpha R B^T - lam A ; dB = -A^T R - lam B ; dBbar = tau (B - Bbar).
Symmetry (m = 1): g(q)(A,B,Bbar) = (A, qB, qBbar), q in {+1,-1}.
"""
import json, os, sys, time
import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import minimize_scalar
from multiprocessing import Pool

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
CASE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    ROOT, "src/test/resources/cases/T5-limit-points-ema-stiff-cycle-orbit.json")
d = json.load(open(CASE))
c = d["configuration"]
n, m = c["n"], c["m"]
Cxx = np.array(c["Cxx"], float)
Cxy = np.array(c["Cxy"], float)
Cyx = Cxy.T.copy()
alpha, tau, lam = float(c["alpha"]), float(c["tau"]), float(c["lambda"])
A0 = np.array(d["state"]["A"], float)
B0 = np.array(d["state"]["B"], float)
Bb0 = np.array(d["state"]["Bbar"], float)
x0 = np.concatenate([A0.ravel(), B0.ravel(), Bb0.ravel()])
N = x0.size
nA, nB = m * m, m * n


def unpack(x):
    return (x[:nA].reshape(m, m), x[nA:nA + nB].reshape(m, n), x[nA + nB:].reshape(m, n))


def F(t, x):
    A, B, Bb = unpack(x)
    R = A @ B @ Cxx - Bb @ Cyx
    dA = -alpha * R @ B.T - lam * A
    dB = -A.T @ R - lam * B
    dBb = tau * (B - Bb)
    return np.concatenate([dA.ravel(), dB.ravel(), dBb.ravel()])


def jac(t, x):
    """Analytic Jacobian, assembled column by column from the linearization."""
    A, B, Bb = unpack(x)
    R = A @ B @ Cxx - Bb @ Cyx
    J = np.empty((N, N))
    for k in range(N):
        e = np.zeros(N); e[k] = 1.0
        dA, dB, dBb = unpack(e)
        dR = dA @ B @ Cxx + A @ dB @ Cxx - dBb @ Cyx
        vA = -alpha * (dR @ B.T + R @ dB.T) - lam * dA
        vB = -(dA.T @ R + A.T @ dR) - lam * dB
        vBb = tau * (dB - dBb)
        J[:, k] = np.concatenate([vA.ravel(), vB.ravel(), vBb.ravel()])
    return J


def g(q):
    return np.concatenate([np.ones(nA), q * np.ones(2 * nB)])


def flow(x, T, rtol=1e-12, atol=1e-14, dense=False):
    return solve_ivp(F, (0.0, T), x, method="Radau", jac=jac, rtol=rtol, atol=atol,
                     dense_output=dense)


def phi(x, T, rtol=1e-12, atol=1e-14):
    s = flow(x, T, rtol, atol)
    assert s.success, s.message
    return s.y[:, -1]


def _col(args):
    j, h, T, q, rtol = args
    e = np.zeros(N); e[j] = h
    return j, g(q) * (phi(x0 + e, T, rtol) - phi(x0 - e, T, rtol)) / (2 * h)


def monodromy(T, q, h, rtol=1e-12, procs=os.cpu_count()):
    M = np.empty((N, N))
    with Pool(procs) as p:
        for j, col in p.imap_unordered(_col, [(j, h, T, q, rtol) for j in range(N)]):
            M[:, j] = col
    return M


def main():
    np.set_printoptions(precision=10, linewidth=150)
    print(f"n={n} m={m} alpha={alpha} tau={tau} lambda={lam} N={N}")
    print(f"Cxy symmetric? max|Cxy-Cxy^T| = {abs(Cxy - Cxy.T).max():.3e}; using Cyx = Cxy^T")
    # Jacobian sanity check against central differences
    Jfd = np.column_stack([(F(0, x0 + 1e-7 * e) - F(0, x0 - 1e-7 * e)) / 2e-7 for e in np.eye(N)])
    print(f"analytic vs FD Jacobian max abs diff: {abs(jac(0, x0) - Jfd).max():.2e}")
    print(f"|F(x0)| = {np.linalg.norm(F(0, x0)):.6e}")

    # ---- step 1: long run with dense output, coarse return-time search
    t0 = time.time()
    Tend = 2000.0
    s = flow(x0, Tend, dense=True)
    print(f"[1] Radau 0..{Tend}: success={s.success}, nfev={s.nfev}, njev={s.njev}, "
          f"steps={len(s.t) - 1}, {time.time() - t0:.1f}s")
    ts = np.linspace(0, Tend, 400001)
    Y = s.sol(ts)
    dq = {q: np.linalg.norm(g(q)[:, None] * Y - x0[:, None], axis=0) for q in (1, -1)}
    dmin = np.minimum(dq[1], dq[-1])
    idx = np.where(ts > 100)[0]
    loc = [i for i in idx[1:-1] if dmin[i] <= dmin[i - 1] and dmin[i] <= dmin[i + 1]]
    # keep only "deep" minima (true returns), print first few local minima
    print("    first local minima of d(t) for t>100 (t, d, argmin q):")
    for i in loc[:6]:
        print(f"      t={ts[i]:.4f}  d={dmin[i]:.3e}  q={1 if dq[1][i] <= dq[-1][i] else -1}")
    i0 = loc[0]
    Tg = ts[i0]; qg = 1 if dq[1][i0] <= dq[-1][i0] else -1
    print(f"    T guess = {Tg:.4f}, q = {qg}, d = {dmin[i0]:.3e}")
    # also report deepest minimum in the window
    ib = idx[np.argmin(dmin[idx])]
    print(f"    deepest min for t>100: t={ts[ib]:.4f} d={dmin[ib]:.3e}")

    # ---- step 2: refine T (Newton on <g phi_T x0 - x0, F(x0)>, then 1-D minimisation)
    results = {}
    for rtol in (1e-11, 1e-12):
        atol = rtol * 1e-2
        t1 = time.time()
        F0 = F(0, x0)
        T = Tg
        for it in range(8):
            y = phi(x0, T, rtol, atol)
            r = g(qg) * y - x0
            fT = r @ F0
            dfT = (g(qg) * F(0, y)) @ F0
            dT = -fT / dfT
            T += dT
            if abs(dT) < 1e-13 * T:
                break
        y = phi(x0, T, rtol, atol)
        res = np.linalg.norm(g(qg) * y - x0)
        resq = np.linalg.norm(g(-qg) * y - x0)
        # independent: minimise the norm over T (bounded Brent)
        fn = lambda TT: np.linalg.norm(g(qg) * phi(x0, TT, rtol, atol) - x0)
        mr = minimize_scalar(fn, bounds=(T - 1e-3, T + 1e-3), method="bounded",
                             options={"xatol": 1e-12})
        results[rtol] = (T, res, mr.x, mr.fun)
        print(f"[2] rtol={rtol:g} atol={atol:g}: Newton T={T:.13f} (iters {it + 1}), "
              f"|g(q)phi_T x0 - x0|={res:.3e} (other q: {resq:.3e}), "
              f"relative={res / np.linalg.norm(x0):.3e}; "
              f"Brent min T={mr.x:.13f} |res|={mr.fun:.3e}; {time.time() - t1:.1f}s")
    T = results[1e-12][0]

    # ---- step 3: monodromy by central differences
    for h in (1e-6, 1e-5):
        t2 = time.time()
        M = monodromy(T, qg, h)
        ev = np.linalg.eigvals(M)
        o = np.argsort(-abs(ev))
        print(f"[3] h={h:g}: {time.time() - t2:.1f}s, moduli (top 8): "
              + ", ".join(f"{abs(v):.10g}" for v in ev[o][:8]))
        print("      eigenvalues (top 6): " + ", ".join(f"{v:.8g}" for v in ev[o][:6]))
        # neutral direction checks: F(x0) should be an eigenvector with eigenvalue 1
        F0 = F(0, x0)
        print(f"      |M F0 - F0|/|F0| = {np.linalg.norm(M @ F0 - F0) / np.linalg.norm(F0):.3e}")
        # symmetry generator: for m=1, O(1) is discrete, so no continuous group direction;
        # (A, B, Bbar) -> (A, B, Bbar) scaled? check det and trace
        print(f"      det M = {np.linalg.det(M):.3e}, trace M = {np.trace(M):.10g}")


if __name__ == "__main__":
    main()
