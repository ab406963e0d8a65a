package org.sgema.sweeps;

import java.io.Serializable;

import org.sgema.flows.Flow;

/**
 * One try of a sweep: a cell, a flow and a replicate. Replicate k of every cell uses the same
 * moments (synthetic) and initial state, so cells differ only by their hyper-parameters (a
 * paired design: the diagram's contrasts are not drowned in sampling noise).
 *
 * @param index position in the sweep's order (cell, then flow, then replicate)
 * @param cell the cell
 * @param flow the flow
 * @param replicate the replicate, 0 ≤ k &lt; tries
 */
public record SweepTry(int index, int cell, Flow flow, int replicate) implements Serializable {
    private static final long serialVersionUID = 1L;
}
