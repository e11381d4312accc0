package io.containeredge.control.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.control.api.ControlService;
import io.containeredge.site.api.OpenAdrSettings;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's OpenADR 3 VEN: registers with the VTN under its name (found, else created), then every {@code poll} reads
 * the programs and events, brings the controller's events in line ({@link EventSync}) and reports load and opt-outs
 * ({@link LoadReporter}). While the VTN is down or answers errors the wait doubles from the poll up to
 * {@code maxBackoff}, and the events already scheduled stay as they are (the controller holds them). Polls run on a
 * thread of its own: a slow VTN never holds up anything else.
 */
public final class OpenAdrVen implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAdrVen.class);
    /** The OpenADR 3 API's largest page. */
    private static final int PAGE = 50;
    /** More events than this is not a list a VTN gives one VEN: the rest is not read, and nothing is cancelled. */
    private static final int MAX_PAGES = 20;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** The VEN's memory in the data directory. */
    public static final String STATE_FILE = "openadr-ven.json";

    private final OpenAdrSettings settings;
    private final VtnClient vtn;
    private final VenState state;
    private final EventSync sync;
    private final LoadReporter reporter;
    private final LongSupplier clock;
    private final ScheduledExecutorService thread;
    private int failures;
    /** Why the VTN cannot be trusted (its CA file is unreadable); null when it can. */
    private String unusableTrust;

    private OpenAdrVen(OpenAdrSettings settings, Path dataDir, ControlService control, LongSupplier clock,
            HttpClient http) {
        this.settings = settings;
        this.clock = clock;
        this.vtn = new VtnClient(http, settings, dataDir, REQUEST_TIMEOUT, clock);
        this.state = new VenState(dataDir.resolve(STATE_FILE));
        String source = "openadr:" + settings.vtnUrl().getHost();
        this.sync = new EventSync(control, new EventMapper(settings.venName(), source), state, settings.venName(),
                source);
        this.reporter = new LoadReporter(vtn, control, state, settings.venName(), settings.reportInterval());
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "openadr-ven");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A VEN for the site; nothing is sent before {@link #start()}. Never throws for a file: the credentials file is
     * read at each token request, so a missing one is a failed poll (logged, retried with back-off), and a CA file that
     * cannot be read fails every poll, naming it; the gateway starts either way.
     *
     * @param dataDir where the credentials file (unless absolute), the CA file and the VEN's state are
     * @param control the controller: events are scheduled, cancelled and measured through it
     * @param clock wall-clock milliseconds
     */
    public static OpenAdrVen forSite(OpenAdrSettings settings, Path dataDir, ControlService control,
            LongSupplier clock) {
        SSLContext tls;
        String unusable = null;
        try {
            tls = VtnTls.context(dataDir, settings.caFile());
        } catch (IllegalArgumentException e) {
            // the controller starts all the same; every poll fails with this until the file is fixed
            tls = null;
            unusable = e.getMessage();
        }
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1);
        if (tls != null) {
            http.sslContext(tls);
        }
        OpenAdrVen ven = new OpenAdrVen(settings, dataDir, control, clock, http.build());
        ven.unusableTrust = unusable;
        return ven;
    }

    /** Polls now and then every {@code poll}, backing off while the VTN fails. */
    public void start() {
        LOG.info("OpenADR VEN {}: polling {} every {} s (back-off up to {} s)", settings.venName(), settings.vtnUrl(),
                settings.poll().toSeconds(), settings.maxBackoff().toSeconds());
        thread.execute(this::cycle);
    }

    private void cycle() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            // a bug must not end the polling: logged, and the next poll comes as after a failure
            failures++;
            LOG.error("OpenADR VEN poll failed unexpectedly", e);
        }
        try {
            thread.schedule(this::cycle, nextDelay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closed while polling: no next poll
        }
    }

    /** One poll: register if needed, read programs and events, schedule and cancel, report. */
    synchronized boolean pollOnce() {
        long now = clock.getAsLong();
        try {
            if (unusableTrust != null) {
                throw new VtnException(0, unusableTrust);
            }
            if (state.venId() == null) {
                register();
            }
            Map<String, JsonNode> programs = new LinkedHashMap<>();
            for (JsonNode p : all("/programs").items()) {
                programs.put(p.path("id").asText(), p);
            }
            Listed events = all("/events");
            sync.sync(events.items(), programs, followed(programs), events.complete(), now);
            reporter.report(sync.takeOptOuts(), now);
            if (failures > 0) {
                LOG.info("OpenADR VTN {} answers again after {} failed polls", settings.vtnUrl(), failures);
            }
            failures = 0;
            return true;
        } catch (VtnException e) {
            failures++;
            LOG.warn("OpenADR poll failed ({}); the events scheduled so far stay; next attempt in {} s",
                    e.getMessage(), nextDelay().toMillis() / 1000.0);
            return false;
        } finally {
            state.save();
        }
    }

    /** The wait before the next poll: the poll interval, doubled per failed poll up to {@code maxBackoff}. */
    synchronized Duration nextDelay() {
        Duration d = settings.poll();
        for (int i = 0; i < failures && d.compareTo(settings.maxBackoff()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
    }

    /** The token requests so far. */
    int tokensFetched() {
        return vtn.tokensFetched();
    }

    private void register() {
        String query = "/vens?venName=" + URLEncoder.encode(settings.venName(), StandardCharsets.UTF_8);
        JsonNode found = vtn.get(query);
        if (found.isArray() && !found.isEmpty()) {
            state.venId(found.get(0).path("id").asText());
            LOG.info("OpenADR VEN {} is known to the VTN as {}", settings.venName(), state.venId());
            return;
        }
        JsonNode created = vtn.post("/vens", new ObjectMapper().createObjectNode().put("objectType", "VEN")
                .put("venName", settings.venName()));
        state.venId(created.path("id").asText());
        LOG.info("OpenADR VEN {} registered with the VTN as {}", settings.venName(), state.venId());
    }

    /** The ids of the programs the site follows; null when it follows all. */
    private Set<String> followed(Map<String, JsonNode> programs) {
        if (settings.programs().isEmpty()) {
            return null;
        }
        return programs.entrySet().stream()
                .filter(p -> settings.programs().contains(p.getValue().path("programName").asText()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private record Listed(List<JsonNode> items, boolean complete) {
    }

    /** Every page of a list; {@code complete} false when there were more than {@link #MAX_PAGES}. */
    private Listed all(String path) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode answer = vtn.get(path + "?skip=" + items.size() + "&limit=" + PAGE);
            if (!answer.isArray()) {
                throw new VtnException(200, "GET " + path + ": the VTN answered with something other than a list");
            }
            answer.forEach(items::add);
            if (answer.size() < PAGE) {
                return new Listed(items, true);
            }
        }
        LOG.warn("OpenADR: the VTN lists more than {} objects at {}: the rest is not read, nothing is cancelled",
                items.size(), path);
        return new Listed(items, false);
    }

    /** Stops polling; the events scheduled stay with the controller. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
