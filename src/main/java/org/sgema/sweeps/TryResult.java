package org.sgema.sweeps;

import java.io.Serializable;

import org.sgema.flows.Flow;

/**
 * The result of one try: its collapse class, the final rank (−1 if undecided), why it is
 * undecided (an integration outcome or {@code SMALL_GAP}; empty when decided), the final time,
 * the field evaluations and the wall time (the only machine-dependent field).
 */
public record TryResult(int index, int cell, Flow flow, int replicate, Collapse collapse, int rank, String reason,
                        double finalTime, long evaluations, long wallMillis) implements Serializable {
    private static final long serialVersionUID = 1L;
}
