/**
 * Drains the outbound queue to an MQTT broker with Eclipse Paho: failover across servers, TLS, QoS 1,
 * removal on acknowledgement, reconnect with jittered back-off, rate-limited backlog. Plain Java.
 */
package io.containeredge.cloud.mqtt;
