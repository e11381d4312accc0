package io.containeredge.gateway.api;

/** EventAdmin topics the gateway posts; properties {@code device}, {@code reason}, {@code timestamp}. */
public final class DeviceEvents {

    public static final String ONLINE = "io/containeredge/device/ONLINE";
    public static final String OFFLINE = "io/containeredge/device/OFFLINE";

    private DeviceEvents() {
    }
}
