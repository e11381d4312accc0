package io.containeredge.simulator.physics;

/**
 * The CDU's actuators: pump and dry-cooler fan VFD, following their writable setpoints with the
 * ramp rates of real drives, plus main on/off and the trips fault injection causes.
 *
 * <p>A pump trip (injected "pump-stop") stops the pump whatever the setpoint and shows
 * {@code pump_state = fault} with the pump_fault bit until cleared; a fan VFD fault stops the fans and
 * sets fan_vfd_fault. Main off (cdu_enabled coil false) stops both, state "stopped".
 */
public final class Cdu {

    public enum PumpState { STOPPED, RUNNING, FAULT }

    /** VFD ramps: a pump spins down in ~2 s when tripped, drives ramp at 20 %/s (pump) and 10 %/s (fans). */
    static final double PUMP_RAMP_PCT_S = 20;
    static final double PUMP_TRIP_RAMP_PCT_S = 50;
    static final double FAN_RAMP_PCT_S = 10;

    private double pumpSetpointPct;
    private double fanSetpointPct;
    private double pumpPct;
    private double fanPct;
    private boolean enabled = true;
    private boolean pumpFault;
    private boolean fanFault;

    public Cdu(double pumpSetpointPct, double fanSetpointPct) {
        this.pumpSetpointPct = pumpSetpointPct;
        this.fanSetpointPct = fanSetpointPct;
        this.pumpPct = pumpSetpointPct;
        this.fanPct = fanSetpointPct;
    }

    public void step(double dt) {
        boolean pumpAllowed = enabled && !pumpFault;
        double pumpTarget = pumpAllowed ? pumpSetpointPct : 0;
        double pumpRamp = pumpFault ? PUMP_TRIP_RAMP_PCT_S : PUMP_RAMP_PCT_S;
        pumpPct = ramp(pumpPct, pumpTarget, pumpRamp * dt);
        double fanTarget = enabled && !fanFault ? fanSetpointPct : 0;
        fanPct = ramp(fanPct, fanTarget, FAN_RAMP_PCT_S * dt);
    }

    private static double ramp(double from, double to, double maxStep) {
        return from + Math.max(-maxStep, Math.min(maxStep, to - from));
    }

    public PumpState pumpState() {
        if (pumpFault) {
            return PumpState.FAULT;
        }
        return pumpPct > 0.5 ? PumpState.RUNNING : PumpState.STOPPED;
    }

    /** Flow delivered, m3/h: proportional to speed (affinity law). */
    public double flowM3h() {
        return CoolingLoop.RATED_FLOW_M3H * pumpPct / 100.0;
    }

    /** Pump discharge pressure, bar: static head 1.0 bar plus the pump's head (square of speed). */
    public double supplyPressureBar() {
        double s = pumpPct / 100.0;
        return 1.0 + 1.8 * s * s;
    }

    public double returnPressureBar() {
        double s = pumpPct / 100.0;
        return 1.0 + 0.3 * s * s;
    }

    public double pumpPct() {
        return pumpPct;
    }

    public double fanPct() {
        return fanPct;
    }

    public double pumpSetpointPct() {
        return pumpSetpointPct;
    }

    public double fanSetpointPct() {
        return fanSetpointPct;
    }

    public void setPumpSetpointPct(double pct) {
        pumpSetpointPct = clampPct(pct);
    }

    public void setFanSetpointPct(double pct) {
        fanSetpointPct = clampPct(pct);
    }

    private static double clampPct(double pct) {
        return Double.isNaN(pct) ? 0 : Math.max(0, Math.min(100, pct));
    }

    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean pumpFault() {
        return pumpFault;
    }

    public void setPumpFault(boolean pumpFault) {
        this.pumpFault = pumpFault;
    }

    public boolean fanFault() {
        return fanFault;
    }

    public void setFanFault(boolean fanFault) {
        this.fanFault = fanFault;
    }
}
