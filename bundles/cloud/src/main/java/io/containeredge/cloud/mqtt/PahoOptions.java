package io.containeredge.cloud.mqtt;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/** Translates {@link MqttSettings} into Paho's connect options. */
final class PahoOptions {

    private PahoOptions() {
    }

    /** @throws IllegalArgumentException when the TLS stores cannot be used */
    static MqttConnectOptions of(MqttSettings s) {
        MqttConnectOptions o = new MqttConnectOptions();
        // Paho tries the URIs in order on every connect: failover without our own bookkeeping
        o.setServerURIs(s.serverUris().toArray(String[]::new));
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        // clean session: the outbound queue, not the broker session, holds what is unacknowledged
        o.setCleanSession(true);
        // our loop reconnects with back-off and jitter, and resets the in-flight window when it does
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(s.keepAliveSeconds());
        o.setConnectionTimeout(s.connectTimeoutSeconds());
        o.setMaxInflight(s.maxInFlight());
        o.setHttpsHostnameVerificationEnabled(true);
        if (s.username() != null) {
            o.setUserName(s.username());
        }
        if (s.password() != null) {
            o.setPassword(s.password().toCharArray());
        }
        if (s.tls() != null) {
            o.setSocketFactory(TlsSocketFactory.create(s.tls()));
        }
        if (s.will() != null) {
            o.setWill(s.will().topic(), s.will().payload(), s.will().qos(), s.will().retain());
        }
        return o;
    }
}
