package org.sgema.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.sgema.model.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code sgema integrate | classify | experiment digits | check | report | replay}.
 * Machine-readable results on stdout (one JSON object), progress and logs on stderr.
 * Exit codes: 0 success, 2 bad input (one line naming the file and field), 1 internal failure.
 */
@Command(name = "sgema", mixinStandardHelpOptions = true, version = "sgema 0.1.0",
        description = "Executable checks of linear non-contrastive SSL theory (GD, SG, EMA).")
public final class Sgema implements Callable<Integer> {
    /**
     * The subcommands, in the order the help lists them. They are added by {@link #commandLine}
     * rather than named in the annotation: picocli builds the model of every command it is given
     * by reflection (about 130 ms for all nine at start-up on 2 cores, 70–85 ms for one), and a
     * run needs only its own.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("integrate", IntegrateCommand::new);
        m.put("train", TrainCommand::new);
        m.put("sweep", SweepCommand::new);
        m.put("classify", ClassifyCommand::new);
        m.put("experiment", ExperimentCommand::new);
        m.put("report", ReportCommand::new);
        m.put("replay", ReplayCommand::new);
        m.put("check", CheckCommand::new);
        m.put("lyapunov", LyapunovCommand::new);
        return m;
    }

    /** Exit code of bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit code of an internal failure. */
    public static final int FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    /** @return a command line with every subcommand and the project's error handling */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * @param args the arguments it will execute
     * @return a command line with the project's error handling and, when {@code args[0]} names a
     *     subcommand, only that one (it parses and runs those arguments as the full command line
     *     would); otherwise with all of them (the top-level help lists them, and a mistyped name
     *     gets its suggestions)
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Sgema());
        Supplier<Object> only = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        if (only != null) {
            cl.addSubcommand(args[0], only.get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof InvalidInputException) {
                err.println("error: " + ex.getMessage());
                return BAD_INPUT;
            }
            err.println("internal error: " + ex);
            ex.printStackTrace(err);
            return FAILURE;
        });
        cl.setParameterExceptionHandler((ex, given) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err); // "Did you mean: sgema integrate?"
            return BAD_INPUT;
        });
        return cl;
    }

    /** @param args the command line */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine(args).execute(args));
    }
}
