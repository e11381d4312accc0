package io.containeredge.cloud.remote;

import io.containeredge.control.ControlService;
import io.containeredge.control.ControlStatus;
import io.containeredge.control.alarm.Alarm;
import io.containeredge.control.maintenance.MaintenanceWindow;
import io.containeredge.control.miner.CommandOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records every command as a line, e.g. {@code overrideImportCap 1500.0 PT30M mqtt:ops/r1}. */
final class FakeControl implements ControlService {

    final List<String> calls = new ArrayList<>();
    boolean overrideActive = true;

    @Override
    public ControlStatus status() {
        return null;
    }

    @Override
    public void requestReset() {
        calls.add("requestReset");
    }

    @Override
    public void overrideImportCap(double capKw, Duration duration, String source) {
        if (capKw > 2200 || duration.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("import cap must be above 0 and at most the site's 2200.0 kW");
        }
        calls.add("overrideImportCap " + capKw + " " + duration + " " + source);
    }

    @Override
    public boolean liftImportCap(String source) {
        calls.add("liftImportCap " + source);
        return overrideActive;
    }

    @Override
    public MaintenanceWindow setMaintenance(String device, Duration duration, String source) {
        if (!device.equals("battery")) {
            throw new IllegalArgumentException("no device '" + device + "' in this container");
        }
        calls.add("setMaintenance " + device + " " + duration + " " + source);
        return new MaintenanceWindow(device, 1000, 1000 + duration.toMillis(), source);
    }

    @Override
    public boolean endMaintenance(String device, String source) {
        calls.add("endMaintenance " + device + " " + source);
        return device.equals("battery");
    }

    @Override
    public List<MaintenanceWindow> maintenance() {
        return List.of();
    }

    @Override
    public List<CommandOutcome> recentCommands() {
        return List.of();
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
        calls.add("acknowledge " + alarmId + " " + who);
        return alarmId.equals("thermal.supply-trip");
    }
}
