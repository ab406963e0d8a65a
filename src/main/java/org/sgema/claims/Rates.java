package org.sgema.claims;

/** Binomial rates with confidence intervals. */
public final class Rates {
    private Rates() {
    }

    /**
     * The 95 % Wilson score interval of a binomial proportion (Wilson 1927):
     * <pre>
     *   p̂ = k/n,  z = 1.959964
     *   centre = (p̂ + z²/2n) / (1 + z²/n)
     *   half   = z·sqrt(p̂(1−p̂)/n + z²/4n²) / (1 + z²/n)
     * </pre>
     *
     * @return {@code {low, high}}; {@code {0, 1}} when n = 0
     */
    public static double[] wilson(long k, long n) {
        if (n <= 0) {
            return new double[] {0.0, 1.0};
        }
        double z = 1.959963984540054;
        double p = (double) k / n;
        double denom = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denom;
        // at k = 0 (k = n) the bound is exactly 0 (1); the formula leaves a rounding residue
        return new double[] {k == 0 ? 0.0 : Math.max(0, centre - half), k == n ? 1.0 : Math.min(1, centre + half)};
    }
}
