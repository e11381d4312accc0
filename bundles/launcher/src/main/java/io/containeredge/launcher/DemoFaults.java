package io.containeredge.launcher;

import io.containeredge.simulator.Simulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's fault commands, typed into the terminal that runs it: each line goes to the in-process simulator as its
 * own stdin would take it ({@code freq-dip 59.5 10}, {@code pump-stop}, {@code clear}, {@code help}: see
 * {@link Simulator#answer}), so a person sees the gateway answer a fault without a second process. Ends with its input
 * (a demo started without a terminal).
 */
final class DemoFaults {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFaults.class);

    private DemoFaults() {
    }

    /** Reads {@code input} on a daemon thread until it ends. */
    static void readFrom(InputStream input, Simulator simulator) {
        Thread reader = new Thread(() -> read(input, simulator), "demo-faults");
        reader.setDaemon(true);
        reader.start();
        LOG.info("demo: type a simulator fault and Enter to inject it (help lists them), e.g. freq-dip 59.5 10");
    }

    private static void read(InputStream input, Simulator simulator) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                simulator.answer(line).ifPresent(answer -> LOG.info("demo fault: {}", answer));
            }
        } catch (IOException e) {
            LOG.debug("demo faults: input closed: {}", e.getMessage());
        }
    }
}
