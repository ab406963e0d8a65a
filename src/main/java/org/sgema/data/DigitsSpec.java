package org.sgema.data;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sgema.model.Configuration;
import org.sgema.model.ConfigurationRecipe;
import org.sgema.model.InvalidInputException;
import org.sgema.numerics.Matrices;

/**
 * A real-data configuration: exact moments of two augmented views of the handwritten digits
 * (n = 64), for property-based checks of the claims on real second moments.
 *
 * @param m representation dimension (1..64)
 * @param pipeline which augmentations
 * @param lambda weight decay
 * @param alpha predictor rate ratio
 * @param tau EMA rate
 */
public record DigitsSpec(int m, Pipeline pipeline, double lambda, double alpha, double tau)
        implements ConfigurationRecipe {

    /** The augmentation pipelines used as generator sources. */
    public enum Pipeline {
        /** additive noise ν² = 0.01 */
        NOISE(List.of(new Augmentation.Noise(0.01))),
        /** masking q = 0.8, then noise ν² = 0.01 */
        MASK_NOISE(List.of(new Augmentation.Masking(0.8), new Augmentation.Noise(0.01))),
        /** one-pixel translations, masking q = 0.8, noise ν² = 0.01 */
        TRANSLATE_MASK_NOISE(List.of(Augmentation.Translations.onePixel(), new Augmentation.Masking(0.8),
                new Augmentation.Noise(0.01)));

        private final AugmentedViews views;

        Pipeline(List<Augmentation> stages) {
            this.views = new AugmentedViews(stages);
        }

        /** @return the augmented views */
        public AugmentedViews views() {
            return views;
        }
    }

    private static final Map<Pipeline, Augmentation.Moments> MOMENTS = new EnumMap<>(Pipeline.class);

    public DigitsSpec {
        if (m < 1 || m > Digits.SIDE * Digits.SIDE) {
            throw new InvalidInputException("m", "must be in [1, 64] for the digits, got " + m);
        }
    }

    private static synchronized Augmentation.Moments moments(Pipeline p) {
        return MOMENTS.computeIfAbsent(p, k -> k.views().moments(Digits.load().signalMoment()));
    }

    @Override
    public int n() {
        return Digits.SIDE * Digits.SIDE;
    }

    @Override
    public String viewsLabel() {
        return "DIGITS";
    }

    @Override
    public String spectrumLabel() {
        return pipeline.name();
    }

    @Override
    public Configuration toConfiguration() {
        Augmentation.Moments mo = moments(pipeline);
        return Configuration.views(Matrices.symmetricPart(mo.cxx()), mo.cxy(), Matrices.symmetricPart(mo.cyy()), m)
                .withLambda(lambda).withAlpha(alpha).withTau(tau);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Digits[m=%d, %s, λ=%s, α=%s, τ=%s]", m, pipeline.views(), lambda, alpha, tau);
    }
}
