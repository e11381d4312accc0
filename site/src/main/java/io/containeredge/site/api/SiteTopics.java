package io.containeredge.site.api;

/**
 * The MQTT topics of site coordination, beside the Sparkplug namespace: the coordinator's signed leases to each
 * container, the containers' reports to the coordinator, and the site's signed requests to the coordinator with their
 * replies (JSON, never retained).
 */
public final class SiteTopics {

    private static final String ROOT = "containeredge/";

    private SiteTopics() {
    }

    /** Where the coordinator sends {@code container} its signed lease. */
    public static String lease(String site, String container) {
        return ROOT + site + "/" + container + "/lease";
    }

    /** Where {@code container} reports to the coordinator. */
    public static String report(String site, String container) {
        return ROOT + site + "/" + container + "/site-report";
    }

    /** Every container's reports of {@code site}, for the coordinators' subscription. */
    public static String reports(String site) {
        return ROOT + site + "/+/site-report";
    }

    /** Where signed site requests (site limits) go to the active coordinator. */
    public static String request(String site) {
        return ROOT + site + "/site-request";
    }

    /** Where the active coordinator answers them. */
    public static String requestReply(String site) {
        return ROOT + site + "/site-request/reply";
    }
}
