package org.sgema.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sgema.flows.Flow;
import org.sgema.integration.FlowIntegrator;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Method;
import org.sgema.integration.Trajectory;
import org.sgema.io.JsonFiles;
import org.sgema.model.Configuration;
import org.sgema.model.State;
import org.sgema.stability.LimitApproach;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sgema integrate}: one trajectory to convergence, the horizon, or failure. */
@Command(name = "integrate", mixinStandardHelpOptions = true,
        description = "Integrate the GD, SG or EMA flow from a state; print the outcome as JSON.")
final class IntegrateCommand implements Callable<Integer> {
    @Mixin
    CaseOptions input;

    @Option(names = "--t-max", defaultValue = "10000", description = "horizon (default ${DEFAULT-VALUE})")
    double tMax;

    @Option(names = "--rtol", defaultValue = "1e-10", description = "relative tolerance (default ${DEFAULT-VALUE})")
    double rtol;

    @Option(names = "--atol", defaultValue = "1e-12", description = "absolute tolerance (default ${DEFAULT-VALUE})")
    double atol;

    @Option(names = "--out", description = "write the trajectory as CSV (t, ‖B‖, E0, ‖F‖, θ...)")
    Path out;

    @Option(names = "--method", defaultValue = "auto", converter = MethodConverter.class,
            description = "auto (explicit until the flow is stiff, then RODAS), explicit (DP8(5,3)) or stiff"
                    + " (RODAS with the analytic Jacobian) (default ${DEFAULT-VALUE})")
    Method method;

    @Option(names = "--tol", defaultValue = "1e-10",
            description = "stop as CONVERGED when ‖F‖ ≤ tol·(1 + ‖θ‖) (default ${DEFAULT-VALUE})")
    double tol;

    @Option(names = "--wall-clock", defaultValue = "60",
            description = "stop as TIMED_OUT after this many seconds (default ${DEFAULT-VALUE})")
    double wallClockSeconds;

    @Option(names = "--threads", defaultValue = "1",
            description = "threads of the field's large products: 1, or 2 to split them with a worker thread"
                    + " (same results to the bit; pays from about (n, m) = (256, 32); a field with m·n < 256 stays on"
                    + " one) (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--orbit-search", defaultValue = "20",
            description = "seconds the limit analysis may spend searching a run in steady motion for a periodic"
                    + " orbit (0: none) (default ${DEFAULT-VALUE})")
    double orbitSearchSeconds;

    /** Parses auto, explicit or stiff, case-insensitively, naming the choices when wrong. */
    static final class MethodConverter implements picocli.CommandLine.ITypeConverter<Method> {
        @Override
        public Method convert(String value) {
            try {
                return Method.parse(value);
            } catch (org.sgema.model.InvalidInputException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a method: use auto, explicit or stiff");
            }
        }
    }

    @Override
    public Integer call() {
        if (!(orbitSearchSeconds >= 0)) {
            throw new org.sgema.model.InvalidInputException("--orbit-search", "must be ≥ 0 seconds, got "
                    + orbitSearchSeconds);
        }
        if (threads != 1 && threads != 2) {
            throw new org.sgema.model.InvalidInputException("--threads", "must be 1 or 2, got " + threads);
        }
        Flow f = input.flow();
        Configuration c = input.configuration();
        State s0 = input.state(c, f);
        IntegrationSettings settings = IntegrationSettings.defaults().withHorizon(tMax).withTolerances(rtol, atol)
                .withMethod(method).withConvergenceTolerance(tol)
                .withWallClockMillis(Math.max(1, Math.round(wallClockSeconds * 1000)));
        FlowIntegrator integrator = new FlowIntegrator(settings);
        if (System.console() != null) {
            integrator = integrator.withProgress(t -> System.err.printf(Locale.ROOT, "\rt = %.4g / %.4g", t, tMax));
        }
        org.sgema.flows.VectorField field = f.field(c, org.sgema.numerics.DenseKernels.forShortRun(c.m(), c.n(), threads));
        Trajectory t = integrator.integrate(field, s0);
        if (System.console() != null) {
            System.err.println();
        }
        if (out != null) {
            TrajectoryCsv.write(t, Double.NaN, out);
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("outcome", t.outcome().name());
        o.put("reason", t.reason());
        o.put("t", t.finalTime());
        o.set("state", JsonFiles.toJson(t.finalState()));
        o.put("rhsEvaluations", t.rhsEvaluations());
        o.put("steps", t.steps());
        o.put("method", method.name().toLowerCase(Locale.ROOT));
        if (t.outcome() == org.sgema.integration.Outcome.HORIZON_REACHED) {
            // how the run approaches its limit, from its own tail; a run in steady motion is searched
            // for a periodic orbit (integrations of its own) for at most --orbit-search seconds
            LimitApproach a = LimitApproach.of(field, t, (long) Math.ceil(orbitSearchSeconds * 1000));
            ObjectNode limit = o.putObject("limit");
            limit.put("approach", a.kind().name());
            if (a.decided()) {
                limit.put(a.kind() == LimitApproach.Kind.EXPONENTIAL ? "rate" : "exponent",
                        a.kind() == LimitApproach.Kind.EXPONENTIAL ? a.rate() : a.exponent());
                limit.put("remainingPath", a.remaining());
                limit.put("polishedDistance", a.distance());
                limit.set("state", JsonFiles.toJson(a.limit()));
            }
            limit.put("evidence", a.evidence());
        }
        if (!Double.isNaN(t.stiffFrom())) {
            o.put("stiffFrom", t.stiffFrom());
        }
        if (t.abandonedStiffPhases() > 0) {
            o.put("stiffPhasesLeft", t.abandonedStiffPhases()); // tried, cost more than the explicit method
        }
        o.put("wallMillis", t.wallMillis());
        System.out.println(JsonFiles.compact(o)); // no ObjectMapper: its initialization is slow on a cold JVM
        return 0;
    }
}
