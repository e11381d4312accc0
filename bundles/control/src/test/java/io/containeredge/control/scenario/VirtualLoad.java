package io.containeredge.control.scenario;

import io.containeredge.control.load.LoadKind;

/**
 * A load kind a scenario adds beside the miners ({@link Container#with(VirtualLoad)}). It sits behind the
 * container's main meter like the miners, so what it draws counts in the import the loop reads.
 */
public interface VirtualLoad extends LoadKind {

    /** What it draws now. */
    double drawKw();
}
