package io.containeredge.console.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.http.api.JsonFields;
import io.containeredge.http.api.RequestRefused;
import java.time.Duration;
import java.util.Set;

/**
 * The parameters of the override actions, checked before anything is done. The controller checks
 * again against the site (known device); this checks the shape.
 */
final class OverrideRequests {

    /** Maintenance lasts 1 minute to 7 days, as the controller allows. */
    static final long MAX_MAINTENANCE_MINUTES = 7 * 24 * 60;

    record Maintenance(String device, Duration duration) {
    }

    private OverrideRequests() {
    }

    static Maintenance maintenance(ObjectNode body) throws RequestRefused {
        JsonFields f = JsonFields.of(body, Set.of("device", "minutes"));
        return new Maintenance(f.deviceId("device"), Duration.ofMinutes(f.whole("minutes", 1, MAX_MAINTENANCE_MINUTES)));
    }

    static String endMaintenance(ObjectNode body) throws RequestRefused {
        return JsonFields.of(body, Set.of("device")).deviceId("device");
    }
}
