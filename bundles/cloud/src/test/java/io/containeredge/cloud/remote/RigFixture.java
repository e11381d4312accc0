package io.containeredge.cloud.remote;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that each start with a fresh {@link Rig}, its ledger in a temporary directory of its own. */
abstract class RigFixture {

    Rig rig;

    @BeforeEach
    void openRig(@TempDir Path dir) {
        rig = new Rig(dir);
    }

    @AfterEach
    void closeRig() {
        rig.close();
    }
}
