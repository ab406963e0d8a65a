package org.sgema.model;

/**
 * A readable recipe that builds a {@link Configuration} deterministically: the parameters a
 * property-based search varies and shrinks, and that a raw result row records.
 */
public interface ConfigurationRecipe {
    /** @return input dimension n */
    int n();

    /** @return representation dimension m */
    int m();

    /** @return a label of how the views relate (e.g. SYMMETRIC, ASYMMETRIC, IDENTICAL, DIGITS) */
    String viewsLabel();

    /** @return a label of how the spectra or augmentations are chosen */
    String spectrumLabel();

    /** @return weight decay λ */
    double lambda();

    /** @return predictor rate ratio α */
    double alpha();

    /** @return EMA rate τ */
    double tau();

    /** @return the configuration (deterministic) */
    Configuration toConfiguration();
}
