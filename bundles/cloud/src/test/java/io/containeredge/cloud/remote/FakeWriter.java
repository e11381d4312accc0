package io.containeredge.cloud.remote;

import io.containeredge.gateway.api.DeviceWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Hands out a future per write that the test completes, like a device acknowledging later. Kept apart from
 * control's VirtualDevices on purpose: the cloud's tests are about acknowledgements that come late or never.
 */
final class FakeWriter implements DeviceWriter {

    /** One write and the acknowledgement the test gives. */
    record Pending(String device, String point, Object value, CompletableFuture<Void> ack) {
    }

    final List<Pending> writes = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<Void> write(String device, String point, Object value) {
        Pending p = new Pending(device, point, value, new CompletableFuture<>());
        writes.add(p);
        return p.ack();
    }
}
