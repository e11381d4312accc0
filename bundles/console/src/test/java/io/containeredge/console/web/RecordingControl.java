package io.containeredge.console.web;

import io.containeredge.control.ControlService;
import io.containeredge.control.ControlStatus;
import io.containeredge.control.alarm.Alarm;
import io.containeredge.control.maintenance.MaintenanceWindow;
import io.containeredge.control.miner.CommandOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A controller that records every call that would change something and refuses what the real one
 * refuses by the site (an unknown device, a cap above the site's 2200 kW).
 */
final class RecordingControl implements ControlService {

    static final double SITE_CAP_KW = 2200;
    static final List<String> DEVICES = List.of("cdu", "battery");

    final List<String> calls = new ArrayList<>();
    final List<CommandOutcome> commands = new ArrayList<>();
    boolean overrideActive;

    @Override
    public ControlStatus status() {
        return null;
    }

    @Override
    public void requestReset() {
        calls.add("reset");
    }

    @Override
    public void overrideImportCap(double capKw, Duration duration, String source) {
        if (capKw > SITE_CAP_KW) {
            throw new IllegalArgumentException("cap " + capKw + " kW is above the site's " + SITE_CAP_KW + " kW");
        }
        calls.add("cap " + capKw + " " + duration.toMinutes() + " " + source);
        overrideActive = true;
    }

    @Override
    public boolean liftImportCap(String source) {
        calls.add("lift " + source);
        boolean was = overrideActive;
        overrideActive = false;
        return was;
    }

    @Override
    public MaintenanceWindow setMaintenance(String device, Duration duration, String source) {
        if (!DEVICES.contains(device)) {
            throw new IllegalArgumentException("unknown device " + device);
        }
        calls.add("maintenance " + device + " " + duration.toMinutes() + " " + source);
        return new MaintenanceWindow(device, 1000, 1000 + duration.toMillis(), source);
    }

    @Override
    public boolean endMaintenance(String device, String source) {
        calls.add("end " + device + " " + source);
        return device.equals("cdu");
    }

    @Override
    public List<MaintenanceWindow> maintenance() {
        return List.of();
    }

    @Override
    public List<CommandOutcome> recentCommands() {
        return commands;
    }

    @Override
    public List<Alarm> activeAlarms() {
        return List.of();
    }

    @Override
    public List<Alarm> alarmHistory(int max) {
        return List.of();
    }

    @Override
    public boolean acknowledge(String alarmId, String who) {
        calls.add("ack " + alarmId);
        return true;
    }
}
