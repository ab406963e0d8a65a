package org.sgema.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sgema.data.DigitsSpec;
import org.sgema.data.DigitsViews;
import org.sgema.flows.Flow;
import org.sgema.flows.MomentField;
import org.sgema.integration.Trajectory;
import org.sgema.io.JsonFiles;
import org.sgema.model.Configuration;
import org.sgema.model.InvalidInputException;
import org.sgema.model.State;
import org.sgema.numerics.Matrices;
import org.sgema.training.DiscreteTraining;
import org.sgema.training.GaussianViews;
import org.sgema.training.TrainingSettings;
import org.sgema.training.TrainingStep;
import org.sgema.training.ViewSampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sgema train}: discrete training {@code θ ← θ + ηF(θ)} from a state, with an EMA momentum
 * β (τ = (1 − β)/η) and exact or minibatch moments; the outcome as JSON, like {@code integrate}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train GD, SG or EMA with learning rate η (exact or minibatch moments); print the outcome as JSON.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    CaseOptions input;

    @Option(names = "--lr", required = true, description = "learning rate η > 0")
    double lr;

    @Option(names = "--momentum", description = "EMA target momentum β in [0, 1) (EMA only); sets τ = (1 − β)/η. "
            + "Default: the configuration's τ, β = 1 − ητ")
    Double momentum;

    @Option(names = "--batch", defaultValue = "0", description = "minibatch size b (default 0: exact moments)")
    int batch;

    @Option(names = "--data", defaultValue = "gaussian",
            description = "where minibatches come from: gaussian (views with the configuration's moments) or digits")
    String data;

    @Option(names = "--pipeline", defaultValue = "translate_mask_noise",
            description = "digits augmentation: noise, mask_noise or translate_mask_noise (default ${DEFAULT-VALUE})")
    String pipeline;

    @Option(names = "--steps", defaultValue = "100000", description = "step budget (default ${DEFAULT-VALUE})")
    long steps;

    @Option(names = "--tol", defaultValue = "1e-9",
            description = "stop when ‖θ_{k+1} − θ_k‖/η ≤ tol (1 + ‖θ‖) (exact moments; default ${DEFAULT-VALUE})")
    double tol;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the minibatches (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", description = "write the run as CSV (t, step, ‖B‖, E0, ‖F‖, θ...)")
    Path out;

    @Override
    public Integer call() {
        Flow f = input.flow();
        Configuration c = input.configuration();
        if (momentum != null) {
            if (!f.hasTarget()) {
                throw new InvalidInputException("--momentum", "is for the EMA flow only, not " + f);
            }
            if (!(momentum >= 0 && momentum < 1)) {
                throw new InvalidInputException("--momentum", "must be in [0, 1), got " + momentum);
            }
            c = c.withTau(TrainingStep.tau(lr, momentum));
        }
        State s0 = input.state(c, f);
        TrainingSettings settings = TrainingSettings.defaults().withLearningRate(lr).withMaxSteps(steps)
                .withConvergenceTolerance(tol).withBatch(batch);
        DiscreteTraining training = new DiscreteTraining(settings);
        if (System.console() != null) {
            training = training.withProgress(k -> System.err.printf(Locale.ROOT, "\rstep %d / %d", k, steps));
        }
        MomentField field = f.field(c);
        Trajectory t;
        if (batch > 0) {
            t = training.train(field, s0, sampler(c), seed);
        } else {
            if (!"gaussian".equals(data)) {
                throw new InvalidInputException("--data", "needs --batch b ≥ 1 (minibatches)");
            }
            t = training.train(field, s0);
        }
        if (System.console() != null) {
            System.err.println();
        }
        if (out != null) {
            TrajectoryCsv.write(t, lr, out);
        }
        double exactF = Matrices.norm(f.field(c).evaluate(t.finalState()));
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("outcome", t.outcome().name());
        o.put("reason", t.reason());
        o.put("steps", t.steps());
        o.put("t", t.finalTime());
        o.put("lr", lr);
        if (f.hasTarget()) {
            o.put("momentum", TrainingStep.momentum(lr, c.tau()));
            o.put("tau", c.tau());
        }
        o.put("batch", batch);
        o.put("fieldNorm", exactF);
        o.set("state", JsonFiles.toJson(t.finalState()));
        o.put("wallMillis", t.wallMillis());
        System.out.println(JsonFiles.compact(o));
        return 0;
    }

    private ViewSampler sampler(Configuration c) {
        switch (data) {
            case "gaussian":
                return new GaussianViews(c);
            case "digits":
                DigitsSpec.Pipeline p;
                try {
                    p = DigitsSpec.Pipeline.valueOf(pipeline.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("--pipeline", "expected noise, mask_noise or translate_mask_noise, "
                            + "got '" + pipeline + "'");
                }
                if (c.n() != 64) {
                    throw new InvalidInputException("--data", "digits views have n = 64, the configuration n = " + c.n());
                }
                var exact = p.views().moments(org.sgema.data.Digits.load().signalMoment());
                double gap = Matrices.distance(exact.cxx().data, c.cxx().data) / Matrices.norm(exact.cxx());
                if (gap > 1e-6) {
                    System.err.printf(Locale.ROOT, "warning: the configuration's Cxx differs from the %s pipeline's "
                            + "by %.3g (relative); minibatches follow the pipeline%n", p, gap);
                }
                return new DigitsViews(p.views());
            default:
                throw new InvalidInputException("--data", "expected gaussian or digits, got '" + data + "'");
        }
    }
}
