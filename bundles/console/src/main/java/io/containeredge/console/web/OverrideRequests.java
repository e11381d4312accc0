package io.containeredge.console.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.console.endpoint.RequestRefused;
import java.time.Duration;
import java.util.Set;

/**
 * The parameters of the override actions, checked before anything is done. The controller checks
 * again against the site (known device, cap within the site's cap); this checks the shape.
 */
final class OverrideRequests {

    /** Maintenance lasts 1 minute to 7 days, as the controller allows. */
    static final long MAX_MAINTENANCE_MINUTES = 7 * 24 * 60;
    /** A curtailment lasts 1 minute to 24 hours, as the controller allows. */
    static final long MAX_CURTAIL_MINUTES = 24 * 60;

    record Maintenance(String device, Duration duration) {
    }

    record Curtail(double kw, Duration duration) {
    }

    private OverrideRequests() {
    }

    static Maintenance maintenance(ObjectNode body) throws RequestRefused {
        Fields f = Fields.of(body, Set.of("device", "minutes"));
        return new Maintenance(f.deviceId("device"), Duration.ofMinutes(f.whole("minutes", 1, MAX_MAINTENANCE_MINUTES)));
    }

    static String endMaintenance(ObjectNode body) throws RequestRefused {
        return Fields.of(body, Set.of("device")).deviceId("device");
    }

    static Curtail curtail(ObjectNode body) throws RequestRefused {
        Fields f = Fields.of(body, Set.of("kw", "minutes"));
        return new Curtail(f.positive("kw"), Duration.ofMinutes(f.whole("minutes", 1, MAX_CURTAIL_MINUTES)));
    }

    static void resume(ObjectNode body) throws RequestRefused {
        Fields.of(body, Set.of());
    }
}
