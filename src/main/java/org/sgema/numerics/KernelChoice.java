package org.sgema.numerics;

/** Holds the choice of {@link DenseKernels#best()}, made once when first asked. */
final class KernelChoice {
    static final DenseKernels BEST = choose();

    private KernelChoice() {
    }

    private static DenseKernels choose() {
        if ("scalar".equals(System.getProperty("sgema.kernels"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
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
