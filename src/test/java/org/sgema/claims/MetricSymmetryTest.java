package org.sgema.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.sgema.flows.Flow;
import org.sgema.model.Configuration;
import org.sgema.model.RandomConfigurations;

/** The block-sum asymmetry against the direct O(N²) formula, and the minimizer on known answers. */
class MetricSymmetryTest {

    @Test
    void blockSumsAgreeWithTheDirectFormula() {
        Random rnd = new Random(3);
        for (Flow flow : Flow.values()) {
            Configuration c = RandomConfigurations.asymmetric(RandomConfigurations.logSpaced(10, 2, 10), 2, rnd)
                    .withAlpha(1.7).withTau(0.4);
            List<DMatrixRMaj> js = List.of(
                    flow.field(c).jacobian(RandomConfigurations.gaussianState(2, 5, flow.hasTarget(), 1, rnd).toArray()),
                    flow.field(c).jacobian(RandomConfigurations.gaussianState(2, 5, flow.hasTarget(), 1, rnd).toArray()));
            int blocks = flow.hasTarget() ? 3 : 2;
            int[] blockOf = MetricSymmetry.blocksOf(c, flow);
            var sums = MetricSymmetry.BlockSums.of(js, blockOf, blocks);
            for (int k = 0; k < 20; k++) {
                double[] p = new double[blocks];
                for (int b = 0; b < blocks; b++) {
                    p[b] = Math.exp(4 * rnd.nextGaussian());
                }
                double direct = MetricSymmetry.asymmetry(js, blockOf, p);
                assertEquals(direct, sums.asymmetry(p), 1e-7 * Math.max(1e-3, direct), flow + " at " + p[0]);
            }
        }
    }

    @Test
    void theMinimizerFindsTheNaturalMetricOfGdToRoundOff() {
        Random rnd = new Random(4);
        Configuration c = RandomConfigurations.asymmetric(RandomConfigurations.logSpaced(12, 2, 10), 3, rnd).withAlpha(3.5);
        DMatrixRMaj j = Flow.GD.field(c).jacobian(RandomConfigurations.gaussianState(3, 6, false, 1, rnd).toArray());
        MetricSymmetry.Minimum min = MetricSymmetry.minimize(List.of(j), MetricSymmetry.blocksOf(c, Flow.GD), 2);
        assertTrue(min.value() < 1e-12, "minimum " + min.value());
        // P = diag(αI, I) up to scale: log(p_B / p_A) = −log α
        assertEquals(-Math.log(3.5), min.logRatios()[0], 1e-8);
    }
}
