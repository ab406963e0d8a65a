package org.sgema.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs JShell scripts non-interactively through the {@code jdk.jshell} API and fails on the
 * first snippet that is rejected, throws, or refers to something undefined:
 * <pre>  java -cp … org.sgema.shell.ScriptRunner scripts/startup.jsh scripts/collapse.jsh</pre>
 * Exit code 0 if every snippet ran, 1 otherwise (the failing snippet and the reason are printed).
 * Lines starting with {@code /} (JShell commands such as {@code /exit}) are skipped.
 */
public final class ScriptRunner {
    private ScriptRunner() {
    }

    /** The outcome of a script run. */
    public record Result(boolean ok, int snippets, String failure) {
    }

    /** @param args startup and script files, evaluated in order in one shell */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ScriptRunner FILE.jsh [FILE.jsh ...]");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            files.add(Path.of(a));
        }
        Result r = run(files, System.getProperty("java.class.path"), System.out);
        if (!r.ok()) {
            System.err.println("script failed: " + r.failure());
        }
        System.exit(r.ok() ? 0 : 1);
    }

    /**
     * Evaluates the files' snippets in order, in-process, with the given class path.
     *
     * @param out where the scripts' output goes
     */
    public static Result run(List<Path> files, String classPath, PrintStream out) {
        try (JShell shell = JShell.builder().executionEngine("local").out(out).err(out).build()) {
            for (String entry : classPath.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    shell.addToClasspath(entry);
                }
            }
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            int count = 0;
            for (Path file : files) {
                String remaining = strip(Files.readString(file, StandardCharsets.UTF_8));
                while (!remaining.isBlank()) {
                    SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                    String source = info.source();
                    if (source == null || source.isBlank()) {
                        return new Result(false, count, file + ": incomplete snippet: " + remaining.strip());
                    }
                    count++;
                    String problem = evaluate(shell, source);
                    if (problem != null) {
                        return new Result(false, count, file + ": " + problem + "\n  in: " + source.strip());
                    }
                    remaining = info.remaining();
                }
            }
            return new Result(true, count, "");
        } catch (IOException e) {
            return new Result(false, 0, "cannot read a script: " + e.getMessage());
        }
    }

    /** @return the problem with one snippet, or null if it ran */
    private static String evaluate(JShell shell, String source) {
        for (SnippetEvent e : shell.eval(source)) {
            if (e.exception() != null) {
                Throwable t = e.exception();
                String type = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
                return "exception " + type + ": " + t.getMessage();
            }
            if (e.status() == Snippet.Status.REJECTED) {
                String diags = shell.diagnostics(e.snippet())
                        .map(d -> d.getMessage(java.util.Locale.ROOT)).collect(Collectors.joining("; "));
                return "rejected: " + diags;
            }
            if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                List<String> unresolved = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) e.snippet()).toList();
                return "unresolved reference(s): " + unresolved;
            }
            for (Diag d : shell.diagnostics(e.snippet()).toList()) {
                if (d.isError()) {
                    return "error: " + d.getMessage(java.util.Locale.ROOT);
                }
            }
        }
        return null;
    }

    /** Drops JShell commands (lines starting with '/'), which the API does not evaluate. */
    private static String strip(String text) {
        return text.lines().filter(l -> !l.stripLeading().startsWith("/") || l.stripLeading().startsWith("//"))
                .collect(Collectors.joining("\n"));
    }
}
