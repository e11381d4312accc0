package io.containeredge.launcher;

import java.util.List;
import java.util.OptionalInt;

/**
 * The command line of {@code java -jar containeredge.jar}: {@code --config <dir>} runs a site
 * configuration, {@code --demo} the built-in demo site against the in-process simulator,
 * {@code --api-port <n>} overrides the JSON API port (tests use a free one), {@code --data <dir>} is
 * where state that must survive restarts is kept (the alarm journal, the cloud queue),
 * {@code --mqtt <uri>[,<uri>...]} publishes to those MQTT brokers as a Sparkplug B edge node,
 * {@code --cloud <file>} reads the cloud link's settings (brokers, credentials, TLS, command keys)
 * from a properties file (see {@link CloudProperties}; {@code --mqtt} then overrides its brokers),
 * {@code --trial-grace <seconds>} is how long devices get to come back after a configuration change
 * before it is rolled back (tests use a few seconds), {@code --api-tokens <file>} names the file of API
 * tokens ({@code <name> <role> <sha256 hex of the token>} per line) that may call the JSON API without a
 * console login, {@code --site-lease <kW>} makes the demo container take part in site coordination with that
 * fallback share (the demo site's {@code siteLease} section; see the site demo, {@code deploy/site-demo.sh}).
 *
 * <p>{@code --check} (with {@code --config}, not {@code --demo}) starts nothing: it validates the
 * configuration directory and, when given, the {@code --cloud} and {@code --api-tokens} files (see
 * {@link ConfigurationCheck}), prints every error and exits 0 when all is valid, 1 when not, 2 on a usage
 * error. The gateway's other options are accepted (and checked as usual), so a service's command line can
 * be checked by adding {@code --check} to it.
 */
record LauncherArguments(String configDir, boolean demo, OptionalInt apiPort, long seed, String dataDir,
        List<String> mqtt, String cloudFile, OptionalInt trialGraceSeconds, String apiTokensFile, boolean check,
        OptionalInt siteLeaseKw) {

    static final String CHECK = "--check";
    static final String USAGE = "usage: java -jar containeredge.jar (--config <dir> | --demo [--seed <n>] [--site-lease <kW>])"
            + " [--api-port <port>] [--data <dir>] [--mqtt <uri>[,<uri>...]] [--cloud <file>] [--trial-grace <seconds>]"
            + " [--api-tokens <file>]\n"
            + "       java -jar containeredge.jar --check --config <dir> [--cloud <file>] [--api-tokens <file>]"
            + "   (validates, starts nothing; exit 0 valid, 1 errors, 2 usage)";
    private static final int MAX_TRIAL_GRACE_SECONDS = 3600;

    static LauncherArguments parse(List<String> args) {
        String configDir = null;
        boolean demo = false;
        OptionalInt apiPort = OptionalInt.empty();
        long seed = 1;
        String dataDir = "containeredge-data";
        List<String> mqtt = List.of();
        String cloudFile = null;
        OptionalInt trialGrace = OptionalInt.empty();
        String apiTokensFile = null;
        boolean check = false;
        OptionalInt siteLeaseKw = OptionalInt.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--demo" -> demo = true;
                case CHECK -> check = true;
                case "--config" -> configDir = value(args, ++i, arg);
                case "--api-port" -> apiPort = OptionalInt.of(port(value(args, ++i, arg)));
                case "--seed" -> seed = number(value(args, ++i, arg), arg);
                case "--data" -> dataDir = value(args, ++i, arg);
                case "--mqtt" -> mqtt = uris(value(args, ++i, arg));
                case "--cloud" -> cloudFile = value(args, ++i, arg);
                case "--trial-grace" -> trialGrace = OptionalInt.of(seconds(value(args, ++i, arg), arg));
                case "--api-tokens" -> apiTokensFile = value(args, ++i, arg);
                case "--site-lease" -> siteLeaseKw = OptionalInt.of(kilowatts(value(args, ++i, arg), arg));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if (check && configDir == null) {
            throw new IllegalArgumentException(CHECK + " needs --config <dir>" + (demo ? "; it does not check --demo" : ""));
        }
        if (demo == (configDir != null)) {
            throw new IllegalArgumentException("give exactly one of --config <dir> and --demo");
        }
        if (siteLeaseKw.isPresent() && !demo) {
            throw new IllegalArgumentException("--site-lease is for --demo: a configured site says siteLease in its file");
        }
        return new LauncherArguments(configDir, demo, apiPort, seed, dataDir, mqtt, cloudFile, trialGrace, apiTokensFile,
                check, siteLeaseKw);
    }

    private static int kilowatts(String text, String option) {
        long kw = number(text, option);
        if (kw < 1 || kw > 100_000) {
            throw new IllegalArgumentException(option + " must be 1..100000 kW, got " + text);
        }
        return (int) kw;
    }

    private static int seconds(String text, String option) {
        long seconds = number(text, option);
        if (seconds < 1 || seconds > MAX_TRIAL_GRACE_SECONDS) {
            throw new IllegalArgumentException(option + " must be 1.." + MAX_TRIAL_GRACE_SECONDS + " seconds, got " + text);
        }
        return (int) seconds;
    }

    private static List<String> uris(String text) {
        List<String> uris = java.util.Arrays.stream(text.split(",")).map(String::trim).filter(u -> !u.isEmpty())
                .toList();
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("--mqtt needs at least one URI");
        }
        for (String uri : uris) {
            if (!uri.startsWith("tcp://") && !uri.startsWith("ssl://")) {
                throw new IllegalArgumentException("--mqtt URI must start with tcp:// or ssl://, got '" + uri + "'");
            }
        }
        return uris;
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int port(String text) {
        long port = number(text, "--api-port");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--api-port must be 1..65535, got " + text);
        }
        return (int) port;
    }

    private static long number(String text, String option) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + text + "'");
        }
    }
}
