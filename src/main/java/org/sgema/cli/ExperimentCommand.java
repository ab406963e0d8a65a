package org.sgema.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sgema.io.JsonFiles;
import org.sgema.data.DigitsExperiment;
import org.sgema.model.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sgema experiment digits}: the real-data experiment. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run an experiment; 'digits' runs GD/SG/EMA on augmented handwritten digits.")
final class ExperimentCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "the experiment: digits")
    String name;

    @Option(names = "--m", split = ",", defaultValue = "4", description = "representation dimensions (default ${DEFAULT-VALUE})")
    List<Integer> ms;

    @Option(names = "--taus", split = ",", defaultValue = "0.1,1", description = "EMA rates (default ${DEFAULT-VALUE})")
    List<Double> taus;

    @Option(names = "--seeds", defaultValue = "2", description = "initial states per setting (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--horizon", defaultValue = "100000", description = "integration horizon (default ${DEFAULT-VALUE})")
    double horizon;

    @Override
    public Integer call() {
        if (!name.equals("digits")) {
            throw new InvalidInputException("experiment", "unknown experiment '" + name + "' (known: digits)");
        }
        for (int m : ms) {
            if (m < 1 || m > 64) {
                throw new InvalidInputException("--m", "must be in [1, 64], got " + m);
            }
        }
        if (seeds < 1) {
            throw new InvalidInputException("--seeds", "must be ≥ 1, got " + seeds);
        }
        DigitsExperiment e = new DigitsExperiment(DigitsExperiment.defaultViews(), ms, taus, seeds, horizon);
        List<DigitsExperiment.Run> runs = e.run();
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (DigitsExperiment.Run r : runs) {
            ObjectNode o = out.addObject();
            o.put("m", r.m());
            o.put("flow", r.flow().name());
            if (!Double.isNaN(r.tau())) {
                o.put("tau", r.tau());
            }
            o.put("seed", r.seed());
            o.put("outcome", r.outcome().name());
            o.put("limit", r.limit());
            o.put("t", r.tEnd());
            o.put("encoderNorm", r.encoderNorm());
            o.put("rank", r.rank());
            o.put("matched", r.matched());
            o.put("accuracy", r.accuracy());
            o.put("pcaAccuracy", r.pcaAccuracy());
            o.put("randomAccuracy", r.randomAccuracy());
        }
        System.out.println(JsonFiles.compact(out));
        return 0;
    }
}
