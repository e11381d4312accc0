package io.containeredge.control;

/** The running controller as other bundles (API, console, cloud) see it. */
public interface ControlService {

    /** The last cycle's picture, or null before the first cycle. */
    ControlStatus status();

    /**
     * Asks to reset a latched trip. Taken at the next cycle and refused there while the cause is still
     * present; the outcome shows in {@link #status()}.
     */
    void requestReset();
}
