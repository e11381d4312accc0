package io.containeredge.coordinator.lease;

import io.containeredge.coordinator.allocation.Allocation;
import io.containeredge.coordinator.allocation.Grant;
import io.containeredge.coordinator.mqtt.SitePublisher;
import io.containeredge.site.api.CoordinatorConfig;
import io.containeredge.site.api.SignedEnvelope;
import io.containeredge.site.api.SiteLease;
import io.containeredge.site.api.SiteTopics;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs and sends one lease per container per round, under one epoch: every lease of a round carries the same seq,
 * issuedAt and expiresAt; seq rises with every round of the epoch. A round is due every {@code renewEvery}, and at
 * once when any budget or fallback share falls (a fall must reach the container before its old lease could be relied
 * on). Under a site limit the leases carry the fallback shares scaled to fit under it. Used by one
 * thread at a time (the coordinator's).
 */
public final class LeaseIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseIssuer.class);
    private static final double KW_EPSILON = 1e-6;

    private final CoordinatorConfig config;
    private final byte[] secret;
    private final SitePublisher publisher;
    private final Map<String, Double> fallbackKw;
    private long epoch;
    private long seq;
    private long lastRoundMillis;
    /** Whether the last round went out whole: a broker that stays away is logged when it goes and when it is back. */
    private boolean lastRoundWhole = true;
    /** The leases last sent, by container: what the containers hold (or are about to). */
    private volatile Map<String, SiteLease> issued = Map.of();

    public LeaseIssuer(CoordinatorConfig config, byte[] secret, SitePublisher publisher) {
        this.config = config;
        this.secret = secret.clone();
        this.publisher = publisher;
        this.fallbackKw = config.containers().stream().collect(Collectors.toUnmodifiableMap(
                CoordinatorConfig.Container::id, CoordinatorConfig.Container::fallbackShareKw));
    }

    /** A new leadership: seq starts again, and the first round is due at once. */
    public void startEpoch(long newEpoch) {
        epoch = newEpoch;
        seq = 0;
        lastRoundMillis = 0;
        issued = Map.of();
    }

    public boolean due(Allocation allocation, long nowMillis) {
        if (lastRoundMillis == 0 || nowMillis - lastRoundMillis >= config.leases().renewEvery().toMillis()) {
            return true;
        }
        Map<String, SiteLease> held = issued;
        for (Grant g : allocation.grants()) {
            SiteLease lease = held.get(g.container());
            if (lease == null || g.kw() < lease.budgetKw() - KW_EPSILON
                    || fallbackKw(g, allocation) < lease.fallbackKw() - KW_EPSILON) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sends a round of leases for the allocation's budgets, stopping at the first lease {@code stillActive} no longer
     * allows (leadership lost mid-round).
     *
     * @return whether every lease of the round went out
     */
    public boolean issue(Allocation allocation, long nowMillis, BooleanSupplier stillActive) {
        long roundSeq = seq + 1;
        long expires = nowMillis + config.leases().duration().toMillis();
        Map<String, SiteLease> sent = new HashMap<>(issued);
        boolean all = true;
        int count = 0;
        for (Grant g : allocation.grants()) {
            if (!stillActive.getAsBoolean()) {
                all = false;
                break;
            }
            double fallback = fallbackKw(g, allocation);
            SiteLease lease = new SiteLease(config.site(), g.container(), epoch, roundSeq, g.kw(), fallback, nowMillis,
                    expires);
            if (publisher.publish(SiteTopics.lease(config.site(), g.container()),
                    SignedEnvelope.sign(lease.toJson(), config.signing().keyId(), secret))) {
                sent.put(g.container(), lease);
                count++;
            } else {
                all = false;
            }
        }
        seq = roundSeq;
        issued = Map.copyOf(sent);
        if (all) {
            lastRoundMillis = nowMillis;
            if (!lastRoundWhole) {
                LOG.info("lease round {} of epoch {} sent whole again", roundSeq, epoch);
            }
        } else if (lastRoundWhole) {
            LOG.warn("lease round {} of epoch {} incomplete: {} of {} leases sent; trying again until all go out",
                    roundSeq, epoch, count, allocation.grants().size());
        }
        lastRoundWhole = all;
        return all;
    }

    /** The container's fallback share, scaled down under a site limit so that the shares fit under it. */
    private double fallbackKw(Grant g, Allocation allocation) {
        return fallbackKw.get(g.container()) * allocation.limit().fallbackScale();
    }

    public Map<String, SiteLease> issued() {
        return issued;
    }

    public long epoch() {
        return epoch;
    }
}
