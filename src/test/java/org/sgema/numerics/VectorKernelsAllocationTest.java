package org.sgema.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@link VectorKernels} allocate nothing per product even when the JIT inlines none of their own
 * methods. A vector is an object that only inlining and escape analysis keep in registers, so a
 * vector passed to or returned from a method the JIT did not inline is allocated on every call;
 * whether it inlines depends on its budgets and on what else the JVM ran, which differs from
 * machine to machine. The check runs in a JVM of its own told never to inline a method of
 * {@code VectorKernels} ({@code -XX:CompileCommand=dontinline}), where such a vector would show
 * in every round. Mutant: a helper {@code start(c, offset, accumulate)} returning the first
 * accumulator (as the kernels had until it allocated 26 KB per product on one machine) allocates
 * about 100 KB per round of this test's products, in every round. The rounds include dot products
 * and the substitutions of {@link LuFactorization} on them.
 */
class VectorKernelsAllocationTest {
    private static final int ROUNDS = 40;

    @Test
    void noAllocationWhenTheJitInlinesNoneOfTheKernelsOwnMethods() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector",
                "-XX:CompileCommand=quiet", "-XX:CompileCommand=dontinline,org.sgema.numerics.VectorKernels::*",
                "-cp", System.getProperty("java.class.path"), Rounds.class.getName())
                .redirectErrorStream(true).start();
        String out;
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish in 120 s");
        } finally {
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().filter(l -> l.startsWith("bytes ")).toList();
        assertEquals(1, lines.size(), out);
        assertTrue(out.contains("kernels vector"), out);
        assertEquals("bytes 0", lines.get(0), out);
    }

    /**
     * The child: rounds of every product at shapes that reach every tile (rows 13 = 8 + 4 + 1,
     * columns 43 = 2L-wide blocks, an L-wide one and a rest for L = 2, 4 and 8, inner dimension 37
     * with a remainder), until a round allocates nothing or {@value #ROUNDS} rounds; prints the
     * kernels' name and the last round's bytes.
     */
    static final class Rounds {
        private Rounds() {
        }

        public static void main(String[] args) {
            int m = 13;
            int k = 37;
            int n = 43;
            Random random = new Random(1);
            double[] a = gaussian(random, m * k);
            double[] at = gaussian(random, k * m);
            double[] b = gaussian(random, k * n);
            double[] bt = gaussian(random, n * k);
            double[] c = new double[m * n];
            DenseKernels kernels = DenseKernels.best();
            PackedMatrix packed = kernels.pack(k, n).set(b);
            // a factorization's substitutions: dot products of every length from 0 to 44
            int order = 45;
            org.ejml.data.DMatrixRMaj system = new org.ejml.data.DMatrixRMaj(order, order, true, gaussian(random, order * order));
            LuFactorization lu = new LuFactorization(order, kernels);
            lu.factor(system);
            double[] rhs = gaussian(random, order);
            double[] x = new double[order];
            var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long tid = Thread.currentThread().getId();
            long bytes = -1;
            for (int round = 0; round < ROUNDS && bytes != 0; round++) {
                long before = bean.getThreadAllocatedBytes(tid);
                for (int i = 0; i < 2_000; i++) {
                    kernels.mult(a, b, c, m, k, n, i % 2 == 0);
                    kernels.multTransA(at, b, c, m, k, n, i % 2 == 1);
                    kernels.multPacked(a, packed, c, m);
                    kernels.multTransB(a, bt, c, m, k, n, i % 2 == 0);
                    c[i % c.length] = kernels.dot(bt, 3, b, 1, 9 * k);
                    lu.solve(rhs, x);
                }
                bytes = bean.getThreadAllocatedBytes(tid) - before;
            }
            System.out.println("kernels " + kernels.name());
            System.out.println("bytes " + bytes);
        }

        private static double[] gaussian(Random random, int length) {
            double[] x = new double[length];
            for (int i = 0; i < length; i++) {
                x[i] = random.nextGaussian();
            }
            return x;
        }
    }
}
