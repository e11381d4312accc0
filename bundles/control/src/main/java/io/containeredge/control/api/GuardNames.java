package io.containeredge.control.api;

/** The guards' names as {@link Verdict#guard()} carries them, for readers that look for one guard's verdict. */
public final class GuardNames {

    public static final String THERMAL = "thermal";
    public static final String POWER = "power";
    public static final String EMERGENCY_STOP = "emergency-stop";

    private GuardNames() {
    }
}
