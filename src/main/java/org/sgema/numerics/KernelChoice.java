package org.sgema.numerics;

/**
 * The choice of {@link DenseKernels#best()}, made once when first asked ({@link Best#KERNELS}, a
 * holder of its own, so that {@link #vectorWanted()} loads nothing of the Vector API).
 */
final class KernelChoice {
    private KernelChoice() {
    }

    /** Initialized on first use of {@link #KERNELS}: the Vector API's classes load then. */
    static final class Best {
        static final DenseKernels KERNELS = choose();

        private Best() {
        }
    }

    /** @return whether the Vector API kernels are asked for and their module is there (without loading them) */
    static boolean vectorWanted() {
        return !"scalar".equals(System.getProperty("sgema.kernels"))
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static DenseKernels choose() {
        if (!vectorWanted()) {
            return ScalarKernels.INSTANCE;
        }
        try {
            // by name, so a JVM without the module never links the class
            return (DenseKernels) Class.forName("org.sgema.numerics.VectorKernels").getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return ScalarKernels.INSTANCE;
        }
    }
}
