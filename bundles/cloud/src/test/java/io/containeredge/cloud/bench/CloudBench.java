package io.containeredge.cloud.bench;

import java.nio.file.Path;

/**
 * Command line of the cloud benchmark (deploy/bench/cloud.sh runs it; figures go to stdout as
 * {@code key=value}). A tool, not a test: it lives in the test sources so it does not ship in the
 * bundle, and runs on the test classpath (slf4j-simple for the publisher's log).
 */
public final class CloudBench {

    /** The gateway's default queue capacity (CloudConfiguration queue_capacity_mb). */
    private static final long DEFAULT_CAPACITY_MB = 256;

    private static final String USAGE = String.join("\n",
            "usage: CloudBench throughput <brokerUri> <seconds>",
            "       CloudBench extend <outbound.db> <outageSeconds> [queueCapacityMb, default "
                    + DEFAULT_CAPACITY_MB + "]",
            "       CloudBench drain <brokerUri> <expectedBacklog> <timeoutSeconds> <sinceMillis>");

    /** A command line that cannot be run; kept apart from failures of the run itself. */
    private static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private CloudBench() {
    }

    public static void main(String[] args) throws Exception {
        int status;
        try {
            status = run(args);
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage() + "\n" + USAGE);
            status = 2;
        }
        System.exit(status);
    }

    private static int run(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "";
        switch (command) {
            case "throughput" -> {
                requireArgs(args, 2, 2);
                return ThroughputRun.run(args[1], positive(args[2], "seconds"));
            }
            case "extend" -> {
                requireArgs(args, 2, 3);
                long capacityMb = args.length > 3 ? positive(args[3], "queueCapacityMb") : DEFAULT_CAPACITY_MB;
                return BacklogExtender.run(Path.of(args[1]), positive(args[2], "outageSeconds"), capacityMb << 20);
            }
            case "drain" -> {
                requireArgs(args, 4, 4);
                return DrainWatch.run(args[1], positive(args[2], "expectedBacklog"),
                        positive(args[3], "timeoutSeconds"), positive(args[4], "sinceMillis"));
            }
            default -> throw new UsageException(command.isEmpty() ? "no command" : "unknown command " + command);
        }
    }

    private static void requireArgs(String[] args, int min, int max) throws UsageException {
        int n = args.length - 1;
        if (n < min || n > max) {
            throw new UsageException(args[0] + " takes " + min + (max > min ? " or " + max : "")
                    + " arguments, got " + n);
        }
    }

    private static long positive(String text, String what) throws UsageException {
        try {
            long v = Long.parseLong(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with the argument's name
        }
        throw new UsageException(what + " must be a positive integer, got '" + text + "'");
    }
}
