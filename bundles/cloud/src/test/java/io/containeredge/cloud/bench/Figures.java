package io.containeredge.cloud.bench;

import java.util.Locale;

/**
 * Results on stdout as {@code key=value} lines, one figure each, so deploy/bench/cloud.sh can pick
 * them up with sed and a person can still read them. Progress and errors go to stderr.
 */
final class Figures {

    private Figures() {
    }

    static void print(String key, long value) {
        System.out.println(key + "=" + value);
    }

    /** One decimal, with a dot whatever the locale, so the script can do arithmetic on it. */
    static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, "%.1f", value));
    }
}
