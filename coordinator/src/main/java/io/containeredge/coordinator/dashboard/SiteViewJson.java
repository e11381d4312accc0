package io.containeredge.coordinator.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.coordinator.SiteView;
import io.containeredge.coordinator.SiteView.ContainerRow;
import io.containeredge.coordinator.limits.SiteLimit;

/**
 * {@code GET /api/site}: a {@link SiteView} as JSON, an unknown figure (NaN) as null so that any JSON reader takes
 * it, with what the page would otherwise work out itself: the lease's remaining seconds and what the containers get
 * together under the cap or the site limit in force.
 */
final class SiteViewJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SiteViewJson() {
    }

    static byte[] of(SiteView view) {
        ObjectNode root = JSON.createObjectNode();
        root.put("site", view.site()).put("timestampMillis", view.timestampMillis())
                .put("instanceId", view.instanceId()).put("active", view.active()).put("leaderId", view.leaderId())
                .put("epoch", view.epoch());
        view.participants().forEach(root.putArray("participants")::add);
        kw(root, "poiCapKw", view.poiCapKw());
        kw(root, "auxiliariesKw", view.auxiliariesKw());
        kw(root, "importKw", view.importKw());
        kw(root, "availableKw", view.limit().availableKw());
        kw(root, "poiLimitKw", view.limit().importCapKw());
        root.put("limitReason", view.limit().reason()).put("limitId", view.limit().limitId());
        ArrayNode limits = root.putArray("siteLimits");
        for (SiteLimit l : view.siteLimits()) {
            limits.addObject().put("id", l.id()).put("kw", l.kw()).put("fromMillis", l.fromMillis())
                    .put("untilMillis", l.untilMillis()).put("reason", l.reason()).put("by", l.by())
                    .put("inForce", l.inForceAt(view.timestampMillis()));
        }
        ArrayNode containers = root.putArray("containers");
        for (ContainerRow row : view.containers()) {
            ObjectNode c = containers.addObject().put("id", row.id()).put("state", row.state());
            kw(c, "fallbackKw", row.fallbackKw());
            kw(c, "budgetKw", row.budgetKw());
            c.put("leaseExpiresAtMillis", row.leaseExpiresAtMillis());
            if (row.leaseExpiresAtMillis() > 0) {
                c.put("leaseRemainingMillis", row.leaseExpiresAtMillis() - view.timestampMillis());
            } else {
                c.putNull("leaseRemainingMillis");
            }
            c.put("reportAgeMillis", row.reportAgeMillis());
            kw(c, "importKw", row.importKw());
            kw(c, "committedKw", row.committedKw());
            kw(c, "hardImportKw", row.hardImportKw());
            kw(c, "firmKw", row.firmKw());
            kw(c, "flexibleKw", row.flexibleKw());
            kw(c, "topValuePerKw", row.topValuePerKw());
            c.put("reason", row.reason());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static void kw(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
