package org.sgema.bench;

import java.util.Locale;
import java.util.Random;

import org.sgema.equilibria.EquilibriumVariety;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.integration.FlowIntegrator;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Method;
import org.sgema.integration.Trajectory;
import org.sgema.model.Configuration;
import org.sgema.model.ConfigurationSpec;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.State;

/**
 * Cost per stiff step against the state size N: RODAS ({@link Method#STIFF}) from a point of V
 * perturbed by 1e-3 (relative), SG and EMA, symmetric views, rtol 1e-8, atol 1e-10, to t = 2000
 * (the slow phase: steps far beyond the fastest mode's time scale). Dense LU up to N = 60,
 * GMRES beyond. The first configuration runs once untimed first (JIT warm-up).
 * <pre>  StiffStepCost [n,m ...]     default 8,2 32,8 64,16 128,32</pre>
 * Prints N, steps, field evaluations per step, milliseconds per step, and the exponent
 * {@code log(cost ratio)/log(N ratio)} against the first row.
 */
public final class StiffStepCost {
    private StiffStepCost() {
    }

    public static void main(String[] args) {
        String[] shapes = args.length > 0 ? args : new String[] {"8,2", "32,8", "64,16", "128,32"};
        System.out.println("flow    n    m      N  steps  evals/step  ms/step  exponent vs first row");
        for (Flow flow : new Flow[] {Flow.SG, Flow.EMA}) {
            double firstN = 0;
            double firstCost = 0;
            for (String shape : shapes) {
                String[] nm = shape.split(",");
                int n = Integer.parseInt(nm[0].trim());
                int m = Integer.parseInt(nm[1].trim());
                Configuration c = new ConfigurationSpec(n, m, ConfigurationSpec.Views.SYMMETRIC,
                        ConfigurationSpec.Spectra.WELL, 0, 1, 1, 3).toConfiguration();
                State star = EquilibriumVariety.leadingPoint(c, EquilibriumVariety.randomG(m, new Random(5)));
                if (flow.hasTarget()) {
                    star = star.withTargetEqualToEncoder();
                }
                State start = State.fromArray(m, n, flow.hasTarget(),
                        RandomConfigurations.perturbed(star.toArray(), 1e-3, new Random(7)));
                VectorField f = flow.field(c);
                IntegrationSettings s = IntegrationSettings.defaults().withHorizon(2e3).withTolerances(1e-8, 1e-10)
                        .withConvergenceTolerance(1e-30).withMethod(Method.STIFF).withWallClockMillis(600_000);
                if (firstN == 0) {
                    new FlowIntegrator(s).integrate(f, start);
                }
                long t0 = System.nanoTime();
                Trajectory t = new FlowIntegrator(s).integrate(f, start);
                double ms = (System.nanoTime() - t0) / 1e6;
                double perStep = ms / t.steps();
                int size = f.dimension();
                String exponent = "";
                if (firstN == 0) {
                    firstN = size;
                    firstCost = perStep;
                } else {
                    exponent = String.format(Locale.ROOT, "%.2f", Math.log(perStep / firstCost) / Math.log(size / firstN));
                }
                System.out.printf(Locale.ROOT, "%-4s %4d %4d %6d %6d %11.1f %8.3f  %s  (%s)%n", flow, n, m, size,
                        t.steps(), (double) t.rhsEvaluations() / t.steps(), perStep, exponent, t.outcome());
            }
        }
    }
}
