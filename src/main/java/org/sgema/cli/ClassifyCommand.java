package org.sgema.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sgema.io.JsonFiles;
import org.sgema.flows.Flow;
import org.sgema.model.Configuration;
import org.sgema.model.InvalidInputException;
import org.sgema.model.State;
import org.sgema.stability.Stability;
import org.sgema.stability.StabilityClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sgema classify}: the [T7] classification of an equilibrium. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classify an SG or EMA equilibrium by the spectrum of its Jacobian; print JSON.",
                "The point is first polished onto F = 0 (Gauss-Newton / Levenberg-Marquardt); an eigenvalue's sign",
                "counts only beyond the bound from rounding and the distance to the equilibrium set."})
final class ClassifyCommand implements Callable<Integer> {
    @Mixin
    CaseOptions input;

    @picocli.CommandLine.Option(names = "--no-polish",
            description = "classify the point as given; the bound then comes from its own residual")
    boolean noPolish;

    @Override
    public Integer call() {
        Flow f = input.flow();
        if (f == Flow.GD) {
            throw new InvalidInputException("--flow", "classify takes sg or ema (GD equilibria have B = 0)");
        }
        Configuration c = input.configuration();
        State s = input.state(c, f);
        StabilityClassifier.Settings settings = StabilityClassifier.Settings.defaults();
        Stability st = new StabilityClassifier(noPolish ? settings.withoutPolishing() : settings)
                .classify(f.field(c), s);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("verdict", st.verdict().name());
        o.put("reason", st.reason());
        o.put("residual", st.residual());
        o.put("polishedResidual", st.polishedResidual());
        o.put("distanceMoved", st.distanceMoved());
        o.put("bound", finite(st.bound()));
        o.put("maxRealNonZero", finite(st.maxRealNonZero()));
        o.put("localDimension", st.localDimension());
        o.put("gap", finite(st.gap()));
        ArrayNode spectrum = o.putArray("spectrum");
        for (double[] z : st.spectrum().pairs()) {
            spectrum.addArray().add(z[0]).add(z[1]);
        }
        System.out.println(JsonFiles.compact(o));
        return 0;
    }

    /** JSON has no infinities: ±∞ print as ±Double.MAX_VALUE, NaN as null. */
    private static Double finite(double x) {
        if (Double.isNaN(x)) {
            return null;
        }
        return Double.isInfinite(x) ? Math.copySign(Double.MAX_VALUE, x) : x;
    }
}
