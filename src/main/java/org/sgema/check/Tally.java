package org.sgema.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statistics of a search (Hypothesis' {@code event()}): counts of labelled values, e.g. how
 * many tries had {@code flow = SG} or {@code views = ASYMMETRIC}, and coverage: which required
 * values were never reached. Fed on the listener's thread only.
 */
public final class Tally {
    private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();

    /** Counts one occurrence of {@code value} under {@code label}. */
    public void count(String label, Object value) {
        counts.computeIfAbsent(label, k -> new TreeMap<>()).merge(String.valueOf(value), 1, Integer::sum);
    }

    /** @return the count of {@code value} under {@code label} (0 if never seen) */
    public int countOf(String label, String value) {
        return counts.getOrDefault(label, Map.of()).getOrDefault(value, 0);
    }

    /** @return label → value → count, in first-seen label order and sorted values (a copy) */
    public Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        counts.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
        return copy;
    }

    /** @return the required values of a label that were never counted, as {@code label=value} */
    public List<String> missing(String label, Collection<?> required) {
        List<String> out = new ArrayList<>();
        for (Object r : required) {
            if (countOf(label, String.valueOf(r)) == 0) {
                out.add(label + "=" + r);
            }
        }
        return out;
    }
}
