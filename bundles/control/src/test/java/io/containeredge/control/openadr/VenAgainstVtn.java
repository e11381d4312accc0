package io.containeredge.control.openadr;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The tests' common start: a {@link VtnFixture} following every program, on a fresh data directory, closed after. */
abstract class VenAgainstVtn {

    @TempDir
    Path data;
    VtnFixture f;

    @BeforeEach
    void startVtnAndVen() {
        f = new VtnFixture(data, List.of());
    }

    @AfterEach
    void stopVtnAndVen() {
        f.close();
    }
}
