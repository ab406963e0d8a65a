package org.sgema.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every example script runs green through the jdk.jshell API; broken snippets are caught. */
class JshellScriptsTest {
    private static final Path SCRIPTS = Path.of("scripts");

    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null ? cp : System.getProperty("java.class.path");
    }

    static ScriptRunner.Result run(Path... scripts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Path> files = Stream.concat(Stream.of(SCRIPTS.resolve("startup.jsh")), Stream.of(scripts)).toList();
        ScriptRunner.Result r = ScriptRunner.run(files, classPath(), new PrintStream(out, true, StandardCharsets.UTF_8));
        System.out.print(out.toString(StandardCharsets.UTF_8));
        return r;
    }

    @TestFactory
    Stream<DynamicTest> everyExampleScriptRuns() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            scripts = files.filter(p -> p.toString().endsWith(".jsh") && !p.endsWith("startup.jsh")).sorted().toList();
        }
        assertFalse(scripts.isEmpty(), "no example scripts found");
        return scripts.stream().map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> {
            ScriptRunner.Result r = run(s);
            assertTrue(r.ok(), r.failure());
            assertTrue(r.snippets() > 0);
        }));
    }

    @Test
    void rejectedSnippetsExceptionsAndUnresolvedReferencesFail(@TempDir Path dir) throws IOException {
        for (String bad : List.of("int x = \"not an int\";", "Object o = null; o.toString();",
                "void f() { undefinedMethod(); }", "throw new IllegalStateException(\"boom\");")) {
            Path f = dir.resolve("bad.jsh");
            Files.writeString(f, "int ok = 1;\n" + bad + "\n");
            ScriptRunner.Result r = run(f);
            assertFalse(r.ok(), "not caught: " + bad);
        }
    }
}
