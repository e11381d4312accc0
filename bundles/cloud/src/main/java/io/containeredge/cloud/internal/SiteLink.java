package io.containeredge.cloud.internal;

import io.containeredge.cloud.mqtt.QueuePublisher;
import io.containeredge.cloud.remote.LeaseIntake;
import io.containeredge.control.api.ControlService;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteTopics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The container's link to the site coordinator, for a site with {@code siteLease}: the leases it receives ({@link
 * LeaseIntake}) and the report it publishes every {@code siteLease.reportEvery}, at QoS 0, not retained and only while
 * connected (a report is a snapshot: an old one is worthless, so none waits in the durable queue). A site without
 * {@code siteLease} subscribes to nothing and reports nothing.
 */
final class SiteLink {

    private final Optional<LeaseIntake> intake;
    private final String reportTopic;
    private final long reportEveryMillis;

    private SiteLink(Optional<LeaseIntake> intake, String reportTopic, long reportEveryMillis) {
        this.intake = intake;
        this.reportTopic = reportTopic;
        this.reportEveryMillis = reportEveryMillis;
    }

    static SiteLink forSite(SiteConfig s, Supplier<LeaseIntake> intake) {
        return new SiteLink(s.siteLease().map(l -> intake.get()), SiteTopics.report(s.site(), s.container()),
                s.siteLease().map(l -> l.reportEvery().toMillis()).orElse(0L));
    }

    List<String> subscriptions() {
        return intake.map(i -> List.of(i.topic())).orElse(List.of());
    }

    /** Takes the message when it is a lease: true; false when it is not this link's. */
    boolean handled(String topic, byte[] payload) {
        if (intake.isEmpty() || !intake.get().topic().equals(topic)) {
            return false;
        }
        intake.get().handle(payload);
        return true;
    }

    /** Publishes the controller's report every {@code reportEvery} on {@code timer}, while connected. */
    void startReports(ScheduledExecutorService timer, Supplier<ControlService> control, QueuePublisher publisher) {
        if (intake.isEmpty()) {
            return;
        }
        timer.scheduleAtFixedRate(() -> {
            ControlService c = control.get();
            if (c != null && publisher.connected()) {
                c.siteReport().ifPresent(r -> publisher.publishTransient(reportTopic,
                        r.toJson().getBytes(StandardCharsets.UTF_8)));
            }
        }, reportEveryMillis, reportEveryMillis, TimeUnit.MILLISECONDS);
    }
}
