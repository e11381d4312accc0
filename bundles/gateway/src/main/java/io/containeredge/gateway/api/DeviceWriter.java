package io.containeredge.gateway.api;

import java.util.concurrent.CompletableFuture;

/**
 * Writes setpoints and switches to devices: the one path every command takes (control, later the
 * console and the cloud). A value is checked against its point (writable, physical range, scale
 * factor known) before anything is sent.
 */
public interface DeviceWriter {

    /**
     * @param value Number, Boolean or enum label, in engineering units
     * @return completes when the device acknowledged, exceptionally with the reason otherwise
     */
    CompletableFuture<Void> write(String device, String point, Object value);
}
