package io.containeredge.simulator.market;

import io.containeredge.site.api.PvPlantSettings;
import io.containeredge.site.api.SiteConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The demo's stand-ins for a site's own fetchers, writing into the gateway's data directory: the price file
 * ({@link AheadPrices}, every 5 s so that a step shows within the controller's check of the file) and, for a site
 * with a PV plant, the generation forecast {@value #FORECAST_FILE} beside it ({@link PvForecastFile}, every 5
 * minutes).
 */
public final class DemoFeeds implements AutoCloseable {

    public static final String FORECAST_FILE = "demo-pv-forecast.json";
    static final long PRICES_EVERY_SECONDS = 5;
    static final long FORECAST_EVERY_SECONDS = 300;

    private final List<FileFeed> feeds = new ArrayList<>();
    private final List<String> written = new ArrayList<>();

    private DemoFeeds() {
    }

    private void add(Path file, long everySeconds, LongFunction<String> textAt) {
        feeds.add(FileFeed.start(file, everySeconds, textAt));
        written.add(file + " every " + everySeconds + " s");
    }

    /** Starts writing {@code priceFile} (and the forecast beside it when the site has a PV plant). */
    public static DemoFeeds start(SiteConfig site, Path priceFile, AheadPrices prices) {
        DemoFeeds demo = new DemoFeeds();
        demo.add(priceFile, PRICES_EVERY_SECONDS, prices::fileAt);
        PvPlantSettings pv = site.simulation().pv();
        if (pv.present()) {
            demo.add(priceFile.resolveSibling(FORECAST_FILE), FORECAST_EVERY_SECONDS,
                    new PvForecastFile(pv, site.simulation().ambientC())::fileAt);
        }
        return demo;
    }

    /** The files written and how often, for the log. */
    public List<String> describe() {
        return List.copyOf(written);
    }

    @Override
    public void close() {
        feeds.forEach(FileFeed::close);
    }
}
