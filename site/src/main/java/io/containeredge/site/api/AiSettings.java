package io.containeredge.site.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The site's optional {@code ai} section: GPU servers (or racks) reached through their BMC's DMTF Redfish service,
 * grouped into tenants, each under a contract. Checked by the loader (ranges, unique names and ids, https addresses
 * on a BMC each, exactly one trust anchor per server).
 *
 * @param poll how often every BMC is read
 * @param requestTimeout a Redfish request that takes longer has failed: the server counts as unreadable
 * @param capSettle a server still above its cap this long after it was written is alarmed; the miners take the
 *     difference in any case, since they are given what the servers really draw
 */
public record AiSettings(List<Tenant> tenants, Duration poll, Duration requestTimeout, Duration capSettle) {

    public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_CAP_SETTLE = Duration.ofSeconds(10);

    public AiSettings {
        tenants = List.copyOf(tenants);
    }

    /** What the tenants may draw at most together: each one's floor + band, or its servers' rating when less. */
    public double contractedKw() {
        return tenants.stream().mapToDouble(t -> Math.min(t.contract().maxKw(), t.ratedKw())).sum();
    }

    /** Every tenant's servers, in file order. */
    public List<GpuServer> servers() {
        return tenants.stream().flatMap(t -> t.servers().stream()).toList();
    }

    /** One AI customer: its contract and the servers it runs on. */
    public record Tenant(String name, Contract contract, List<GpuServer> servers) {

        public Tenant {
            servers = List.copyOf(servers);
        }

        /** What all its servers draw at most. */
        public double ratedKw() {
            return servers.stream().mapToDouble(GpuServer::ratedW).sum() / 1000;
        }
    }

    /**
     * A tenant's contract.
     *
     * @param floorKw firm: never capped below by economics, a plan, a grid event or a site budget; only a hard
     *     (safety) limit goes under it, and that is recorded as a contract breach
     * @param flexKw the band above the floor that may be capped for a price; the tenant never gets more than
     *     floor + band
     * @param flexUsdPerMwh what the band is worth: capping it costs this much per MWh not delivered
     * @param maxCappedHoursPerMonth the band is capped for economic reasons at most this long per calendar month
     * @param rampNotice how long ahead an economic cap of the band is announced before it applies
     */
    public record Contract(double floorKw, double flexKw, double flexUsdPerMwh, double maxCappedHoursPerMonth,
            Duration rampNotice) {

        /** Floor plus band: the most the tenant's servers are allowed. */
        public double maxKw() {
            return floorKw + flexKw;
        }
    }

    /** How the gateway logs in to a BMC: a Redfish session ({@code X-Auth-Token}) or HTTP basic auth. */
    public enum Auth { SESSION, BASIC }

    /**
     * One GPU server's BMC.
     *
     * @param address the BMC's base address, https only (e.g. {@code https://10.0.4.21})
     * @param chassis the chassis id under {@code /redfish/v1/Chassis} whose power is read and capped
     * @param ratedW the most the server draws: counted as its draw while it cannot be read (worst case)
     * @param credentialsFile one line {@code user:password}; relative to the data directory unless absolute
     */
    public record GpuServer(String id, URI address, String chassis, double ratedW, Auth auth, String credentialsFile,
            Trust trust) {
    }

    /**
     * Whom the gateway trusts as the BMC: exactly one of a pinned certificate (the SHA-256 fingerprint of the BMC's
     * certificate, hex with or without colons: nothing else is accepted, the host name is not checked) or a PEM file
     * of CA certificates (the site's CA, or the BMC's own self-signed certificate; the host name is checked).
     *
     * @param caFile relative to the data directory unless absolute
     */
    public record Trust(Optional<String> pinSha256, Optional<String> caFile) {
    }
}
