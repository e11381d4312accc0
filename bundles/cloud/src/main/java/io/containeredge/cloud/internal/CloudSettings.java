package io.containeredge.cloud.internal;

import io.containeredge.cloud.mqtt.MqttSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Turns the {@link CloudConfiguration} into {@link MqttSettings}; blank strings mean "not set". */
final class CloudSettings {

    private CloudSettings() {
    }

    /** @throws IllegalArgumentException naming what is wrong (no URI, a bad scheme …) */
    static MqttSettings mqtt(CloudConfiguration c, String container) {
        List<String> uris = Arrays.stream(c.server_uris() == null ? new String[0] : c.server_uris())
                .flatMap(u -> Arrays.stream(u.split(","))).map(String::trim).filter(u -> !u.isEmpty()).toList();
        MqttSettings s = MqttSettings.of(uris, blank(c.client_id()) ? container : c.client_id())
                .withDrainRate(c.drain_rate())
                .withKeepAlive(c.keep_alive_s())
                .withReconnect(Duration.ofSeconds(1), Duration.ofSeconds(Math.max(1, c.reconnect_max_s())))
                .withCredentials(orNull(c.username()), orNull(c.password()));
        if (!blank(c.tls_trust_store())) {
            s = s.withTls(new MqttSettings.Tls(Path.of(c.tls_trust_store()), orNull(c.tls_trust_store_password()),
                    blank(c.tls_key_store()) ? null : Path.of(c.tls_key_store()), orNull(c.tls_key_store_password())));
        }
        return s;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orNull(String s) {
        return blank(s) ? null : s;
    }
}
