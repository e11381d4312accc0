package io.containeredge.console.web;

import io.containeredge.cloud.api.CloudLink;
import io.containeredge.console.history.HistoryRange;
import io.containeredge.console.history.HistoryStore;
import io.containeredge.console.history.HistoryWindow;
import io.containeredge.console.overview.LiveInputs;
import io.containeredge.console.overview.OverviewBuilder;
import io.containeredge.console.stream.StreamClient;
import io.containeredge.console.stream.StreamHub;
import io.containeredge.control.api.ControlService;
import io.containeredge.gateway.api.ProcessImageService;
import io.containeredge.gateway.api.SiteService;
import io.containeredge.http.api.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every second: one overview of the container from the services' state, its sample into the local
 * history, and the overview to every open console as an {@code overview} event.
 *
 * <p>The services it reads are optional and dynamic: applying a configuration restarts the site and
 * the controller, and the stream and the history must carry on through that (the overview says
 * "unknown" meanwhile) rather than restart and drop every console. It waits for its configuration: with
 * the defaults it would write the history into whatever the working directory is.
 */
@Component(service = ConsoleLive.class, immediate = true, configurationPolicy = ConfigurationPolicy.REQUIRE,
        configurationPid = LiveComponent.PID)
public class LiveComponent implements ConsoleLive {

    /** The console's configuration, where the launcher puts the data directory (its metatype is the security's). */
    public static final String PID = "io.containeredge.console";
    static final String EVENT = "overview";
    /** Frames a console may fall behind (seconds, at one a second) before it is dropped. */
    static final int CLIENT_QUEUE = 10;
    private static final Logger LOG = LoggerFactory.getLogger(LiveComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ControlService control;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ProcessImageService image;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SiteService site;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CloudLink cloud;

    private final Path dataDirectory;
    private final StreamHub hub;
    private final HistoryStore history;
    private final String historyProblem;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "console-live");
        t.setDaemon(true);
        return t;
    });
    private boolean appendFailing;

    @Activate
    public LiveComponent(LiveConfiguration config) {
        dataDirectory = Path.of(config.data_dir()).toAbsolutePath();
        hub = new StreamHub(Math.max(1, config.max_clients()), CLIENT_QUEUE);
        Path historyDir = dataDirectory.resolve("history");
        HistoryStore opened = null;
        String problem = null;
        try {
            opened = HistoryStore.open(historyDir);
            LOG.info("console history in {}{}", historyDir, opened.startedEmpty() ? " (started empty)" : "");
        } catch (IOException e) {
            // the live overview matters more than the charts: run without a history
            problem = "the history in " + historyDir + " could not be opened: " + e.getMessage();
            LOG.error(problem, e);
        }
        history = opened;
        historyProblem = problem;
        long toNextSecond = 1000 - System.currentTimeMillis() % 1000;
        ticker.scheduleAtFixedRate(this::tick, toNextSecond + 100, 1000, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        ticker.shutdownNow();
        hub.close();
        ticker.awaitTermination(2, TimeUnit.SECONDS);
        if (history != null) {
            try {
                history.close();
            } catch (IOException e) {
                LOG.warn("console history not closed cleanly: {}", e.toString());
            }
        }
    }

    @Override
    public Optional<StreamClient> join() {
        return hub.join();
    }

    @Override
    public void leave(StreamClient client) {
        hub.leave(client);
    }

    @Override
    public int streamClients() {
        return hub.clients();
    }

    @Override
    public HistoryWindow history(HistoryRange range) throws IOException {
        if (history == null) {
            throw new IOException(historyProblem);
        }
        return history.window(range, System.currentTimeMillis());
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    private void tick() {
        try {
            OverviewBuilder.Tick tick = OverviewBuilder.build(inputs(System.currentTimeMillis()));
            record(tick);
            hub.publish(EVENT, Json.MAPPER.writeValueAsString(tick.overview()));
        } catch (IOException | RuntimeException e) {
            // one bad second must not end the ticks
            LOG.error("console overview failed; the next second tries again", e);
        }
    }

    private void record(OverviewBuilder.Tick tick) {
        if (history == null) {
            return;
        }
        try {
            history.append(tick.overview().timestampMillis(), tick.sample());
            if (appendFailing) {
                LOG.info("console history written again");
                appendFailing = false;
            }
        } catch (IOException e) {
            if (!appendFailing) {
                LOG.error("console history not written (logged once until it works again)", e);
                appendFailing = true;
            }
        }
    }

    private LiveInputs inputs(long now) {
        ControlService c = control;
        ProcessImageService i = image;
        SiteService s = site;
        CloudLink l = cloud;
        return new LiveInputs(now,
                c == null ? null : c.status(),
                i == null ? null : i.snapshot(),
                s == null ? null : s.site().config(),
                c == null ? List.of() : c.activeAlarms(),
                c == null ? List.of() : c.recentCommands(),
                l == null ? null : l.status(),
                c == null ? null : c.ai().orElse(null),
                c == null ? null : c.grid().orElse(null),
                c == null ? null : c.siteLease().orElse(null));
    }
}
