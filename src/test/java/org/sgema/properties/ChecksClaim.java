package org.sgema.properties;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.sgema.claims.Claim;

/** Marks a property as the check of one claim; {@link ClaimHook} runs it under the profile. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface ChecksClaim {
    /** The source of synthetic configurations with controlled spectra. */
    String SYNTHETIC = "synthetic";
    /** The source of real second moments (augmented handwritten digits). */
    String DIGITS = "digits";

    Claim value();

    /** Where the configurations come from; a non-synthetic run is recorded as {@code CLAIM@source}. */
    String source() default SYNTHETIC;
}
