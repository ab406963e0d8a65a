package org.sgema.cli;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgema.flows.Flow;
import org.sgema.io.JsonFiles;
import org.sgema.model.Configuration;
import org.sgema.model.InvalidInputException;
import org.sgema.model.State;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code integrate}, {@code classify} and {@code lyapunov}: a configuration file, a state
 * file and a flow, read with every error naming the file and field.
 */
final class CaseOptions {
    @Option(names = "--config", required = true, description = "configuration JSON file")
    Path config;

    @Option(names = "--state", required = true, description = "state JSON file {A, B[, Bbar]}")
    Path state;

    @Option(names = "--flow", required = true, description = "gd, sg or ema")
    String flow;

    Flow flow() {
        try {
            return Flow.parse(flow);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--flow", "expected gd, sg or ema, got '" + flow + "'");
        }
    }

    Configuration configuration() {
        JsonNode o = JsonFiles.read(config);
        return JsonFiles.configuration(o, config.toString());
    }

    /** @return the state, with B̄ = B added for EMA when the file has no target */
    State state(Configuration c, Flow f) {
        State s = JsonFiles.state(JsonFiles.read(state), c.m(), c.n(), state.toString());
        if (s.hasTarget() && !f.hasTarget()) {
            throw new InvalidInputException(state + ".Bbar", "is only for the EMA flow, not " + f);
        }
        return !s.hasTarget() && f.hasTarget() ? s.withTargetEqualToEncoder() : s;
    }
}
