package io.containeredge.site.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How to talk to a miner firmware, as {@code firmware-config/dialects/<id>.yaml} describes it: the transport
 * (the only part Java knows), the requests of a status poll, the sleep, wake and power-target requests, and
 * where in the answers each value is. Loaded and checked by {@link MinerDialects}; the loader guarantees that
 * every request has the parts its transport needs and that every field reads from a status request named here.
 *
 * @param login how an http-json firmware hands out the token its other requests carry; empty for none
 * @param status the requests of one status poll, in the order they are sent
 */
public record MinerDialect(String id, String name, Transport transport, Optional<Login> login,
        List<Request> status, Request sleep, Request wake, Request powerTarget, Fields fields) {

    /** The dialect of a site, group or model that names none: the CGMiner/LuxOS-style TCP API. */
    public static final String DEFAULT_ID = "cgminer";
    /** Stands for the whole watts of a power target in a parameter or body. */
    public static final String WATTS = "{watts}";

    public MinerDialect {
        status = List.copyOf(status);
    }

    /** The ways of carrying a request that the gateway and the simulator implement. */
    public enum Transport {
        /** One JSON object over TCP, one answer ended by a NUL, in cgminer's STATUS envelope. */
        TCP_JSON,
        /** JSON over HTTP: a method and a path, an optional JSON body, a JSON answer. */
        HTTP_JSON;

        /** As the dialect document writes it. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One request. tcp-json: {@code target} is the command and {@code template} its parameter; http-json:
     * {@code method} and {@code target} (the path) and {@code template} the JSON body. Empty strings for parts
     * not written.
     *
     * @param name what fields call a status request by; the role ({@code sleep}...) for the others
     */
    public record Request(String name, String method, String target, String template) {

        /** The parameter or body with {@value MinerDialect#WATTS} filled in; empty when none is written. */
        public String fill(double watts) {
            return template.replace(WATTS, String.format(Locale.ROOT, "%d", Math.round(watts)));
        }
    }

    /**
     * @param tokenPointer JSON pointer to the token in the login answer
     * @param lifetimePointer JSON pointer to the token's lifetime in seconds; empty: kept until refused
     * @param prefix written before the token in {@code header}, e.g. {@code "Bearer "}; often empty
     */
    public record Login(String method, String path, String body, String tokenPointer,
            Optional<String> lifetimePointer, String header, String prefix) {
    }

    /**
     * Where one value is.
     *
     * @param from the status request whose answer holds it
     * @param pointer JSON pointer (RFC 6901) into that answer
     * @param scale what a written number is multiplied by: TH/s per unit for a hashrate, else 1
     */
    public record Read(String from, String pointer, double scale) {
    }

    /**
     * A hashrate the firmware averages over a window of its own, e.g. cgminer's {@code GHS 1m}: what learning
     * reads, since a 5-second hashrate jitters and a since-boot average never settles after a change.
     */
    public record AverageRead(Read read, int windowSeconds) {
    }

    /** The miner's own state: the written values that mean awake and asleep (compared lower-case). */
    public record StateRead(String from, String pointer, Set<String> awake, Set<String> sleeping) {

        public StateRead {
            awake = Set.copyOf(awake);
            sleeping = Set.copyOf(sleeping);
        }
    }

    /**
     * @param hashrate the first of these an answer carries, TH/s after scaling
     * @param power the first of these, W
     * @param powerTarget the first of these, W
     * @param temperatures the hottest of these, degC
     * @param state without it, a miner that hashes is awake and one that does not is unknown
     * @param pauseReason why a paused miner is paused, as the firmware says it
     * @param averageHashrate the first of these an answer carries, TH/s after scaling; listed shortest window
     *     first, which settles soonest after a change
     */
    public record Fields(List<Read> hashrate, List<Read> power, List<Read> powerTarget, List<Read> temperatures,
            Optional<StateRead> state, Optional<Read> pauseReason, List<AverageRead> averageHashrate) {

        public Fields {
            hashrate = List.copyOf(hashrate);
            averageHashrate = List.copyOf(averageHashrate);
            power = List.copyOf(power);
            powerTarget = List.copyOf(powerTarget);
            temperatures = List.copyOf(temperatures);
        }
    }
}
