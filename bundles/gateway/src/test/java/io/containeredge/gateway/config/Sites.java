package io.containeredge.gateway.config;

import io.containeredge.gateway.api.ConfigDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Site documents for the tests: two devices on built-in profiles, and ways to break them. */
final class Sites {

    static final String METER_PROFILE = """
            id: my-meter
            points:
              - {name: power, table: input, address: 7, type: float32, unit: kW}
            """;

    private Sites() {
    }

    /** A valid site: CDU unit 1 and meter unit 4 on one connection. */
    static String site(String site, String container, int warningC, int tripC) {
        return """
                site: %s
                container: %s
                connections:
                  - {id: gw, transport: tcp, host: 127.0.0.1, port: 1502}
                devices:
                  - {id: cdu, role: cdu, profile: immersion-cdu, connection: gw, unitId: 1}
                  - {id: meter, role: meter, profile: power-meter-float32, connection: gw, unitId: 4}
                limits:
                  coolantSupplyWarningC: %d
                  coolantSupplyTripC: %d
                  coolantSupplyLowC: 20
                  minFlowM3h: 60
                  transformerRatingKva: 2500
                """.formatted(site, container, warningC, tripC);
    }

    static ConfigDocuments valid() {
        return new ConfigDocuments(site("s", "c", 40, 45), Map.of());
    }

    /** Valid, with the warning limit moved: a different version of the same site. */
    static ConfigDocuments validWithWarning(int warningC) {
        return new ConfigDocuments(site("s", "c", warningC, 45), Map.of());
    }

    /** Every file below {@code root} with its content: to show that nothing changed on disk. */
    static Map<String, String> tree(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                files.put(root.relativize(p).toString(), Files.isDirectory(p) ? "/" : Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
