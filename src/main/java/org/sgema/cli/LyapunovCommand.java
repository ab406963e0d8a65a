package org.sgema.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sgema.io.JsonFiles;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.model.Configuration;
import org.sgema.model.InvalidInputException;
import org.sgema.model.State;
import org.sgema.stability.LyapunovExponent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sgema lyapunov}: the largest finite-time Lyapunov exponent from a state, on a ladder of windows. */
@Command(name = "lyapunov", mixinStandardHelpOptions = true,
        description = {"The largest finite-time Lyapunov exponent from a state, on windows",
                "doubling up to --window; print JSON. Levelling off at λ > 0 is exponential",
                "separation; falling like ln W / W is growth like a power of t (a torus,",
                "a family of orbits, the neutral directions of a group orbit)."})
final class LyapunovCommand implements Callable<Integer> {
    @Mixin
    CaseOptions input;

    @Option(names = "--window", defaultValue = "1e4", description = "largest window W (default ${DEFAULT-VALUE})")
    double window;

    @Option(names = "--interval", defaultValue = "20",
            description = "renormalization interval Δ (default ${DEFAULT-VALUE}); shorter if |λ|Δ is large")
    double interval;

    @Option(names = "--rungs", defaultValue = "6", description = "windows W/2^k on the ladder (default ${DEFAULT-VALUE})")
    int rungs;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the tangent's random start (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        if (!(window > 0) || Double.isInfinite(window)) {
            throw new InvalidInputException("--window", "must be positive and finite, got " + window);
        }
        if (!(interval > 0) || interval > window) {
            throw new InvalidInputException("--interval", "must be in (0, --window], got " + interval);
        }
        if (rungs < 1 || rungs > 30) {
            throw new InvalidInputException("--rungs", "must be between 1 and 30, got " + rungs);
        }
        Flow f = input.flow();
        Configuration c = input.configuration();
        State s = input.state(c, f);
        VectorField field = f.field(c);
        LyapunovExponent l;
        try {
            l = LyapunovExponent.along(field, s.toArray(), LyapunovExponent.randomDirection(field.dimension(), seed),
                    window, interval, rungs);
        } catch (IllegalStateException e) {
            throw new InvalidInputException("--interval", e.getMessage());
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode windows = o.putArray("windows");
        ArrayNode exponents = o.putArray("exponents");
        ArrayNode reference = o.putArray("lnWOverW");
        for (int j = 0; j < l.windows().length; j++) {
            windows.add(l.windows()[j]);
            exponents.add(l.exponents()[j]);
            reference.add(Math.log(l.windows()[j]) / l.windows()[j]);
        }
        o.put("evaluations", l.evaluations());
        System.out.println(JsonFiles.compact(o));
        return 0;
    }
}
