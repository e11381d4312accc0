package io.containeredge.coordinator.limits;

import io.containeredge.coordinator.election.ZooKeeperClients;
import io.containeredge.site.api.CoordinatorConfig;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.curator.framework.CuratorFramework;

/**
 * The command line's site limits: {@code --set-limit}, {@code --end-limit} and {@code --limits}, written to and read
 * from ZooKeeper directly (whoever may reach the site's ensemble from the site server may set them; a limit can only
 * lower the POI cap). The running coordinators see a change within a round trip.
 */
public final class SiteLimitCommand {

    private static final Pattern RELATIVE = Pattern.compile("\\+(\\d{1,5})([mh])");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final long CONNECT_SECONDS = 10;

    private SiteLimitCommand() {
    }

    /**
     * @param options the command's options by name ({@code --set-limit} with {@code --kw}, {@code --until}, optional
     *     {@code --from}, {@code --reason}; {@code --end-limit}; {@code --limits})
     * @return the exit code: 0 done, 1 refused or ZooKeeper out of reach
     */
    public static int run(CoordinatorConfig config, Map<String, String> options, PrintStream out, PrintStream err,
            LongSupplier clock) throws InterruptedException {
        try (CuratorFramework zookeeper = ZooKeeperClients.of(config.zookeeper(), 3)) {
            zookeeper.start();
            if (!zookeeper.blockUntilConnected((int) CONNECT_SECONDS, TimeUnit.SECONDS)) {
                err.println("ZooKeeper " + config.zookeeper().connect() + " out of reach for " + CONNECT_SECONDS
                        + " s: nothing changed");
                return 1;
            }
            SiteLimitStore store = new SiteLimitStore(zookeeper, config.sitePath());
            long now = clock.getAsLong();
            SiteLimits after;
            if (options.containsKey("--set-limit")) {
                SiteLimit limit = limit(options, now);
                after = store.update(held -> held.with(limit, now));
                out.println("set " + limit.id() + (limit.kw() >= config.poi().capKw() ? " (at or above the POI cap of "
                        + Math.round(config.poi().capKw()) + " kW: it lowers nothing)" : ""));
            } else if (options.containsKey("--end-limit")) {
                String id = options.get("--end-limit");
                after = store.update(held -> {
                    if (held.find(id).isEmpty()) {
                        throw new IllegalArgumentException("no site limit " + id); // said with ": nothing changed"
                    }
                    return held.without(id, now);
                });
                out.println("ended " + id);
            } else {
                SiteLimitStore.Read read = store.readNow();
                if (read.problem() != null) {
                    err.println("site limits unreadable: " + read.problem());
                    return 1;
                }
                after = read.limits();
            }
            print(after.current(now), now, out);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + ": nothing changed");
            return 1;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            err.println("ZooKeeper " + config.zookeeper().connect() + ": " + e + ": nothing changed");
            return 1;
        }
    }

    private static SiteLimit limit(Map<String, String> options, long now) {
        String kw = options.get("--kw");
        String until = options.get("--until");
        if (kw == null || until == null || !options.containsKey("--reason")) {
            throw new IllegalArgumentException("--set-limit needs --kw, --until and --reason");
        }
        double value;
        try {
            value = Double.parseDouble(kw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--kw " + kw + " is not a number");
        }
        long from = options.containsKey("--from") ? time(options.get("--from"), now) : now;
        String by = "cli:" + System.getProperty("user.name", "?");
        return new SiteLimit(options.get("--set-limit"), value, from, time(until, now), options.get("--reason"), by,
                now);
    }

    /** {@code now}, {@code +90m}, {@code +2h}, or an ISO-8601 time with its offset ({@code 2026-07-14T16:00-05:00}). */
    static long time(String text, long now) {
        if (text.equals("now")) {
            return now;
        }
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            return now + (relative.group(2).equals("m") ? Duration.ofMinutes(amount) : Duration.ofHours(amount))
                    .toMillis();
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time " + text + " is none of now, +<minutes>m, +<hours>h or an"
                    + " ISO-8601 time with its offset (2026-07-14T16:00-05:00)");
        }
    }

    private static void print(List<SiteLimit> limits, long now, PrintStream out) {
        if (limits.isEmpty()) {
            out.println("no site limits in force or to come");
        }
        for (SiteLimit l : limits) {
            out.printf(Locale.ROOT, "%-20s %8.0f kW  %s .. %s  %s  (%s, set by %s)%n", l.id(), l.kw(),
                    SHOWN.format(Instant.ofEpochMilli(l.fromMillis())), SHOWN.format(Instant.ofEpochMilli(
                            l.untilMillis())), l.inForceAt(now) ? "IN FORCE" : "to come", l.reason(), l.by());
        }
    }
}
