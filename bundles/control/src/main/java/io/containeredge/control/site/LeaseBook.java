package io.containeredge.control.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.control.api.SiteLeaseStatus;
import io.containeredge.gateway.storage.api.DurableFiles;
import io.containeredge.site.api.SiteLease;
import io.containeredge.site.api.SiteLeaseSettings;
import io.containeredge.site.api.SiteReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site leases one container holds: which it accepts, and the import limit they give at any time. Pure state on
 * the wall clock the leases are written in, thread-safe (leases arrive on the MQTT thread, the cycle reads the limit).
 *
 * <p>A lease applies until min(its expiry, when it arrived + its term): a gateway clock running behind the
 * coordinator's never stretches a lease. When it ends unrenewed, the container holds to its fallback share (the lower
 * of its own configured share and the coordinator's): at once when the budget was at or above the share (FALLBACK);
 * after {@code riseDelay} at the budget when it was below (SETTLING), so the containers above their shares shed
 * before those below rise. Before any lease since start: NONE, the share.
 *
 * <p>The highest leader epoch seen is kept in {@code stateFile} (written durably on every epoch change), so a stale
 * leader's lease is refused after a restart too. An unreadable file starts from epoch 0 and says so ({@link
 * #stateFileProblem}): refusing every lease would only keep the container on its share.
 */
public final class LeaseBook {

    public static final String LEASED = "LEASED";
    public static final String FALLBACK = "FALLBACK";
    public static final String SETTLING = "SETTLING";
    public static final String NONE = "NONE";
    private static final Logger LOG = LoggerFactory.getLogger(LeaseBook.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final String site;
    private final String container;
    private final SiteLeaseSettings settings;
    private final Path stateFile;
    private long highestEpoch;
    private String stateFileProblem;
    /** The lease in force or last in force since start; null before any. */
    private SiteLease lease;
    private String source;
    private long acceptedAtMillis;
    /** When {@link #lease} ends on this gateway. */
    private long endMillis;
    private String lastRefusal;

    /** @param stateFile where the highest epoch is kept; null: not kept (a container agent of the scale rig) */
    public LeaseBook(String site, String container, SiteLeaseSettings settings, Path stateFile) {
        this.site = site;
        this.container = container;
        this.settings = settings;
        this.stateFile = stateFile;
        this.highestEpoch = stateFile == null ? 0 : load(stateFile);
    }

    /**
     * Takes a lease whose signature the caller has checked.
     *
     * @param source who delivered it, for the log and the status
     * @param nowMillis this gateway's wall clock
     * @return the lease as it stands after taking it
     * @throws IllegalArgumentException with the reason when refused; nothing changes but the last refusal
     */
    public synchronized SiteLeaseStatus accept(SiteLease l, String source, long nowMillis) {
        String refusal = refusal(l, nowMillis);
        if (refusal != null) {
            lastRefusal = refusal;
            throw new IllegalArgumentException(refusal);
        }
        if (l.epoch() > highestEpoch) {
            highestEpoch = l.epoch();
            save();
        }
        lease = l;
        this.source = source;
        acceptedAtMillis = nowMillis;
        endMillis = Math.min(l.expiresAtMillis(), nowMillis + (l.expiresAtMillis() - l.issuedAtMillis()));
        return status(nowMillis, false);
    }

    private String refusal(SiteLease l, long nowMillis) {
        Optional<String> notForUs = l.notFor(site, container);
        if (notForUs.isPresent()) {
            return notForUs.get();
        }
        if (l.epoch() < highestEpoch) {
            return "lease of epoch " + l.epoch() + " is stale: epoch " + highestEpoch + " was seen";
        }
        if (lease != null && l.epoch() == lease.epoch() && l.seq() <= lease.seq()) {
            return "lease " + l.epoch() + "/" + l.seq() + " is not newer than " + lease.epoch() + "/" + lease.seq()
                    + " (a replay or out of order)";
        }
        if (l.expiresAtMillis() <= nowMillis) {
            return "lease " + l.epoch() + "/" + l.seq() + " expired at " + CLOCK.format(Instant.ofEpochMilli(
                    l.expiresAtMillis()));
        }
        if (l.issuedAtMillis() > nowMillis + settings.maxClockSkew().toMillis()) {
            return "lease " + l.epoch() + "/" + l.seq() + " issued " + (l.issuedAtMillis() - nowMillis)
                    + " ms ahead of this clock (more than maxClockSkew " + settings.maxClockSkew().toMillis()
                    + " ms)";
        }
        return null;
    }

    /** The import limit at {@code nowMillis}: the budget, the fallback share, or the budget while settling. */
    public synchronized double importLimitKw(long nowMillis) {
        String state = state(nowMillis);
        return state.equals(LEASED) || state.equals(SETTLING) ? lease.budgetKw() : fallbackKw();
    }

    /** LEASED, SETTLING, FALLBACK or NONE at {@code nowMillis}. */
    public synchronized String state(long nowMillis) {
        if (lease == null) {
            return NONE;
        }
        if (nowMillis < endMillis) {
            return LEASED;
        }
        boolean below = lease.budgetKw() < fallbackKw();
        return below && nowMillis < endMillis + settings.riseDelay().toMillis() ? SETTLING : FALLBACK;
    }

    /** The share held to without a lease: the lower of the configured one and the last lease's. */
    public synchronized double fallbackKw() {
        return lease == null ? settings.fallbackShareKw() : Math.min(settings.fallbackShareKw(), lease.fallbackKw());
    }

    /** @param binding whether the lease's limit binds the container now (the decision's) */
    public synchronized SiteLeaseStatus status(long nowMillis, boolean binding) {
        String state = state(nowMillis);
        boolean none = lease == null;
        return new SiteLeaseStatus(state, none ? Double.NaN : lease.budgetKw(), fallbackKw(),
                importLimitKw(nowMillis), highestEpoch, none ? -1 : lease.seq(), none ? 0 : endMillis,
                none ? 0 : acceptedAtMillis, lastRefusal, binding, reason(state));
    }

    /** For people and the verdict: what the limit is and why. */
    private String reason(String state) {
        String end = lease == null ? "" : CLOCK.format(Instant.ofEpochMilli(endMillis));
        return switch (state) {
            // its end is the status's expiresAtMillis and the verdict's until
            case LEASED -> String.format(Locale.ROOT, "lease %d/%d from %s: budget %.0f kW", lease.epoch(),
                    lease.seq(), source, lease.budgetKw());
            case SETTLING -> String.format(Locale.ROOT, "lease expired at %s: budget %.0f kW held for %d s while"
                    + " the others shed, then fallback share %.0f kW", end, lease.budgetKw(),
                    settings.riseDelay().toSeconds(), fallbackKw());
            case FALLBACK -> String.format(Locale.ROOT, "lease expired at %s: fallback share %.0f kW", end,
                    fallbackKw());
            default -> String.format(Locale.ROOT, "no lease since start: fallback share %.0f kW", fallbackKw());
        };
    }

    /**
     * The lease as the coordinator reads it in the container's report: null before any lease since start; a lease
     * that ended (settling or not) reads as FALLBACK, the coordinator's word for "no valid lease".
     */
    public synchronized SiteReport.LeaseState reportState(long nowMillis) {
        if (lease == null) {
            return null;
        }
        return new SiteReport.LeaseState(lease.epoch(), lease.seq(), lease.budgetKw(), endMillis,
                state(nowMillis).equals(LEASED) ? LEASED : FALLBACK);
    }

    /** Why the epoch file could not be read or written; empty when it is fine. */
    public synchronized Optional<String> stateFileProblem() {
        return Optional.ofNullable(stateFileProblem);
    }

    public String site() {
        return site;
    }

    public String container() {
        return container;
    }

    public SiteLeaseSettings settings() {
        return settings;
    }

    private void save() {
        if (stateFile == null) {
            return;
        }
        try {
            DurableFiles.replace(stateFile, JSON.writeValueAsBytes(JSON.createObjectNode().put("epoch",
                    highestEpoch)));
            stateFileProblem = null;
        } catch (IOException e) {
            // the lease still applies: only a restart could then take a stale leader's lease
            stateFileProblem = "epoch " + highestEpoch + " not saved to " + stateFile + ": " + e.getMessage();
            LOG.error("site lease: {}", stateFileProblem);
        }
    }

    private long load(Path file) {
        try {
            JsonNode epoch = JSON.readTree(Files.readAllBytes(file)).path("epoch");
            if (!epoch.canConvertToLong() || epoch.asLong() < 0) {
                throw new IOException("no epoch in it");
            }
            return epoch.asLong();
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException | RuntimeException e) {
            stateFileProblem = "epoch file " + file + " unreadable, started from epoch 0: " + e.getMessage();
            LOG.error("site lease: {}", stateFileProblem);
            return 0;
        }
    }
}
