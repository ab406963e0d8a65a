package org.sgema.cli;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgema.flows.Flow;
import org.sgema.io.JsonFiles;
import org.sgema.model.Configuration;
import org.sgema.model.InvalidInputException;
import org.sgema.model.State;

/** Reads the configuration and state files of a command, naming the file in every error. */
final class Inputs {
    private Inputs() {
    }

    static Configuration configuration(Path file) {
        JsonNode o = JsonFiles.read(file);
        return JsonFiles.configuration(o, file.toString());
    }

    static State state(Path file, Configuration c, Flow flow) {
        JsonNode o = JsonFiles.read(file);
        State s = JsonFiles.state(o, c.m(), c.n(), file.toString());
        if (s.hasTarget() && !flow.hasTarget()) {
            throw new InvalidInputException(file + ".Bbar", "is only for the EMA flow, not " + flow);
        }
        if (!s.hasTarget() && flow.hasTarget()) {
            return s.withTargetEqualToEncoder();
        }
        return s;
    }

    static Flow flow(String name) {
        try {
            return Flow.parse(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--flow", "expected gd, sg or ema, got '" + name + "'");
        }
    }
}
