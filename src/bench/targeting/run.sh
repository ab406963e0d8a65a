#!/usr/bin/env bash
# Targeted vs random search at equal budgets: for each claim and seed, the best score (higher
# is closer to violation) of 100 random tries against 50 random + 50 targeted tries, ci profile.
# Prints a Markdown table. Needs python3 (standard library only). About 2 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=target/targeting
mkdir -p "$out"
claims="T1 T2-asymmetry T2-stokes T3-identity T3-bound T4-invariant T5-parameterization T5-gl-tangent T6-spectrum T7-scalar"
for seed in 1 2 3; do
  for f in 0 0.5; do
    scripts/sgema check $claims --profile ci --tries 100 --target-fraction $f --seed $seed \
      --out "$out/tt-$seed-$f" 2>/dev/null > "$out/tt-$seed-$f.json" || true
  done
done
OUT="$out" python3 - <<'PY'
import json, math, os
out = os.environ["OUT"]
def f(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return float("nan")
rows = {}
for seed in (1, 2, 3):
    for fr in ("0", "0.5"):
        for c in json.load(open(f"{out}/tt-{seed}-{fr}.json"))["claims"]:
            r, t = f(c["bestRandomScore"]), f(c["bestTargetedScore"])
            vals = [x for x in (r, t) if not math.isnan(x)]
            rows.setdefault(c["run"], {})[(seed, fr)] = (max(vals) if vals else float("nan"), t)
print("| claim | seed | best of 100 random | best of 50 random + 50 targeted (targeted part) |")
print("|---|---|---|---|")
higher = equal = n = 0
for k, v in rows.items():
    for seed in (1, 2, 3):
        a, b = v[(seed, "0")], v[(seed, "0.5")]
        n += 1
        higher += b[0] > a[0] + 1e-12
        equal += abs(b[0] - a[0]) <= 1e-12
        print(f"| {k} | {seed} | {a[0]:.4g} | {b[0]:.4g} ({b[1]:.4g}) |")
print(f"\ntargeted higher in {higher} of {n}, equal in {equal}")
PY
