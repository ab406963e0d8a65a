package org.sgema.data;

import java.util.List;
import java.util.stream.Collectors;

import org.ejml.data.DMatrixRMaj;
import org.sgema.model.Configuration;
import org.sgema.numerics.Matrices;

/**
 * Exact second moments of two augmented views of the digits: start from identical views
 * {@code (S, S, S)} and apply the stages in order (e.g. translate, then mask, then add noise).
 *
 * @param stages the augmentation pipeline, applied to each view independently
 */
public record AugmentedViews(List<Augmentation> stages) {

    public AugmentedViews {
        stages = List.copyOf(stages);
    }

    /** @return the exact moments for a signal moment S */
    public Augmentation.Moments moments(DMatrixRMaj signal) {
        Augmentation.Moments m = Augmentation.Moments.identical(signal);
        for (Augmentation a : stages) {
            m = a.apply(m);
        }
        return m;
    }

    /** @return the configuration of these views of the digits, representation dimension m */
    public Configuration configuration(int m) {
        Augmentation.Moments mo = moments(Digits.load().signalMoment());
        return Configuration.views(Matrices.symmetricPart(mo.cxx()), mo.cxy(), Matrices.symmetricPart(mo.cyy()), m);
    }

    @Override
    public String toString() {
        return stages.stream().map(Object::toString).collect(Collectors.joining(" → "));
    }
}
