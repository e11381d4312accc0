package io.containeredge.simulator;

import io.containeredge.simulator.fault.FaultCommand;
import io.containeredge.simulator.miner.MinerServers;
import io.containeredge.simulator.openadr.Vtn;
import io.containeredge.simulator.physics.ContainerModel;
import io.containeredge.simulator.redfish.GpuBmcs;
import io.containeredge.simulator.redfish.GpuWorkload;
import io.containeredge.simulator.redfish.RedfishBmc;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Carries out parsed fault commands on the model, the device images, the Modbus units, the miners, the GPU
 * servers' BMCs and the OpenADR VTN.
 */
final class FaultApplier {

    private final ContainerModel model;
    private final Map<String, SimulatedDevice> devices;
    private final MinerServers miners;
    private final GpuBmcs gpus;
    private final Vtn vtn;
    private boolean heatWaveActive;

    /**
     * @param miners the miner server, or null when miners are not served
     * @param gpus the GPU servers' BMCs, or null when the site has none
     * @param vtn the OpenADR VTN, or null when the site's VEN polls none of the simulator's
     */
    FaultApplier(ContainerModel model, Map<String, SimulatedDevice> devices, MinerServers miners, GpuBmcs gpus,
            Vtn vtn) {
        this.model = model;
        this.devices = devices;
        this.miners = miners;
        this.gpus = gpus;
        this.vtn = vtn;
    }

    /** Applies one command; the caller holds the model's lock. */
    void apply(FaultCommand c) {
        SimulatedDevice d = c.device() == null ? null : devices.get(c.device());
        switch (c.kind()) {
            case PUMP_STOP -> model.cdu().setPumpFault(true);
            case FAN_FAULT -> model.cdu().setFanFault(true);
            case SENSOR_FROZEN -> d.image().setFrozen(c.point(), true);
            case SENSOR_INVALID -> d.image().setInvalid(c.point(), true);
            case DEVICE_OFFLINE -> d.faults().setOffline(true);
            case DEVICE_ONLINE -> d.faults().setOffline(false);
            case SLOW -> d.faults().setDelayMillis((long) c.value());
            case EXCEPTION -> d.faults().setExceptionCode((int) c.value());
            case MALFORMED -> d.faults().setMalformed(true);
            case HEAT_WAVE -> {
                model.heatWave(c.value(), c.limit());
                heatWaveActive = true;
            }
            case MINER_UNREACHABLE -> forMiners(c, i -> miners.setUnreachable(i, true));
            case MINER_HANG -> forMiners(c, i -> miners.setHang(i, true));
            case BATTERY_STUCK -> model.battery().setStuck(true);
            case CLOUD -> model.pv().cloud(c.value(), c.limit());
            case FREQ_DIP -> model.grid().dip(c.value(), c.limit());
            case BMC_503 -> forGpus(c, b -> b.setUnavailable(true));
            case BMC_HANG -> forGpus(c, b -> b.setHang(true));
            case GPU_IGNORE_CAP -> forGpus(c, b -> b.model().setIgnoreCap(true));
            case GPU_WORKLOAD -> forGpus(c, b -> b.model().setWorkload(GpuWorkload.parse(c.point())));
            case ADR_EVENT -> {
                if (vtn != null) {
                    vtn.importLimitSoon(c.value(), (int) Math.round(c.limit()));
                }
            }
            case CLEAR -> {
                if (c.device() == null) {
                    clearAll();
                } else if (d != null) {
                    clearDevice(d);
                } else if (gpus != null) {
                    gpus.clear(c.device());
                }
            }
            default -> throw new IllegalStateException("unhandled fault " + c.kind());
        }
    }

    private void forMiners(FaultCommand c, java.util.function.IntConsumer action) {
        if (miners == null) {
            return;
        }
        for (int i = c.firstMiner(); i <= c.lastMiner(); i++) {
            action.accept(i);
        }
    }

    private void forGpus(FaultCommand c, Consumer<RedfishBmc> action) {
        if (gpus != null) {
            gpus.forServers(c.device(), action);
        }
    }

    private void clearDevice(SimulatedDevice d) {
        d.image().clearPointFaults();
        d.faults().clear();
        if ("cdu".equals(d.config().role())) {
            model.cdu().setPumpFault(false);
            model.cdu().setFanFault(false);
        }
        if ("battery".equals(d.config().role())) {
            model.battery().setStuck(false);
        }
        if ("pv".equals(d.config().role())) {
            model.pv().clearCloud();
        }
    }

    private void clearAll() {
        devices.values().forEach(this::clearDevice);
        model.cdu().setPumpFault(false);
        model.cdu().setFanFault(false);
        model.battery().setStuck(false);
        model.pv().clearCloud();
        model.grid().clearDip();
        if (heatWaveActive) {
            model.endHeatWave();
            heatWaveActive = false;
        }
        if (miners != null) {
            miners.clearFaults();
        }
        if (gpus != null) {
            gpus.clear(null);
        }
    }
}
