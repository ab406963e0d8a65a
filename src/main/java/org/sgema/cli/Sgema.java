package org.sgema.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.sgema.model.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code sgema integrate | classify | experiment digits | check | report | replay}.
 * Machine-readable results on stdout (one JSON object), progress and logs on stderr.
 * Exit codes: 0 success, 2 bad input (one line naming the file and field), 1 internal failure.
 */
@Command(name = "sgema", mixinStandardHelpOptions = true, version = "sgema 0.1.0",
        description = "Executable checks of linear non-contrastive SSL theory (GD, SG, EMA).",
        subcommands = {IntegrateCommand.class, TrainCommand.class, SweepCommand.class, ClassifyCommand.class, ExperimentCommand.class,
            ReportCommand.class, ReplayCommand.class, CheckCommand.class, LyapunovCommand.class})
public final class Sgema implements Callable<Integer> {
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

    /** @return a command line with the project's error handling */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Sgema());
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
        cl.setParameterExceptionHandler((ex, args) -> {
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
        System.exit(commandLine().execute(args));
    }
}
