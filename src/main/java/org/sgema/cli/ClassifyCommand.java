package org.sgema.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        description = "Classify an SG or EMA equilibrium by the spectrum of its Jacobian; print JSON.")
final class ClassifyCommand implements Callable<Integer> {
    @Mixin
    CaseOptions input;

    @Override
    public Integer call() {
        Flow f = input.flow();
        if (f == Flow.GD) {
            throw new InvalidInputException("--flow", "classify takes sg or ema (GD equilibria have B = 0)");
        }
        Configuration c = input.configuration();
        State s = input.state(c, f);
        Stability st = new StabilityClassifier().classify(f.field(c), s);
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("residual", st.residual());
        o.put("localDimension", st.localDimension());
        ArrayNode spectrum = o.putArray("spectrum");
        for (double[] z : st.spectrum().pairs()) {
            spectrum.addArray().add(z[0]).add(z[1]);
        }
        o.put("verdict", st.verdict().name());
        o.put("gap", Double.isInfinite(st.gap()) ? Double.MAX_VALUE : st.gap());
        o.put("reason", st.reason());
        System.out.println(o.toString());
        return 0;
    }
}
