package io.containeredge.console.web;

/**
 * What the live stream and the history read from the console's configuration
 * ({@code io.containeredge.console}, where the launcher puts the data directory). Not a metatype of its
 * own: that PID's metatype is the console security's, and these keep their defaults unless set there.
 */
public @interface LiveConfiguration {

    /** The history files go in its {@code history} folder. */
    String data_dir() default "containeredge-data";

    /** Consoles that may follow the live stream at once. */
    int max_clients() default 20;
}
