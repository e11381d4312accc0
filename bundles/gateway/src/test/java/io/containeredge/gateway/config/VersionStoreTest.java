package io.containeredge.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.gateway.api.ConfigDocuments;
import io.containeredge.gateway.api.ConfigVersion.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionStoreTest {

    @TempDir
    Path root;

    private static StoredVersion version(int n, State state) {
        return new StoredVersion(n, 1000L * n, "test", state, "", "sha" + n, List.of("cdu"));
    }

    @Test
    void versionsStateAndDocumentsSurviveReopening() throws Exception {
        ConfigDocuments docs = new ConfigDocuments(Sites.valid().site(), Map.of("my-meter", Sites.METER_PROFILE));
        VersionStore store = VersionStore.open(root);
        store.add(docs, version(1, State.GOOD));
        store.add(Sites.valid(), version(2, State.ON_TRIAL));
        store.activate(2, "abc");
        store.update(version(1, State.SUPERSEDED));

        VersionStore reopened = VersionStore.open(root);
        assertEquals(List.of(version(2, State.ON_TRIAL), version(1, State.SUPERSEDED)), reopened.newestFirst());
        assertEquals(2, reopened.active().orElseThrow().version());
        assertEquals("abc", reopened.lastFileSha256());
        assertEquals(docs, reopened.documents(1));
        assertEquals(3, reopened.nextNumber());
        assertTrue(Files.isRegularFile(root.resolve("v1/profiles/my-meter.yaml")));
    }

    @Test
    void whatAPowerCutLeftHalfWrittenIsIgnoredAndNumbersAreNotReused() throws Exception {
        VersionStore store = VersionStore.open(root);
        store.add(Sites.valid(), version(1, State.GOOD));
        store.activate(1, "");
        Path torn = Files.createDirectories(root.resolve(".tmp-v2-12345/profiles"));
        Files.writeString(torn.resolve("half.yaml"), "id: ha");
        Path noMetadata = Files.createDirectories(root.resolve("v3"));
        Files.writeString(noMetadata.resolve("site.yaml"), "site: s");
        Files.writeString(root.resolve("state.json.tmp"), "{\"active\": 3");

        VersionStore reopened = VersionStore.open(root);
        assertEquals(List.of(version(1, State.GOOD)), reopened.newestFirst());
        assertEquals(1, reopened.active().orElseThrow().version(), "the state file's temp copy is not the state");
        assertFalse(Files.exists(torn.getParent()), "scratch of the interrupted write removed");
        assertEquals(4, reopened.nextNumber(), "v3's number stays used");
        assertThrows(IllegalArgumentException.class, () -> reopened.add(Sites.valid(), version(3, State.GOOD)));
    }

    @Test
    void anEmptyStoreHasNoActiveVersion() throws Exception {
        VersionStore store = VersionStore.open(root.resolve("config"));
        assertTrue(store.active().isEmpty());
        assertEquals("", store.lastFileSha256());
        assertEquals(1, store.nextNumber());
    }

    @Test
    void deletingNeverTouchesTheActiveOrNewestVersion() throws Exception {
        VersionStore store = VersionStore.open(root);
        for (int n = 1; n <= 3; n++) {
            store.add(Sites.valid(), version(n, State.SUPERSEDED));
        }
        store.activate(2, "");
        assertThrows(IllegalArgumentException.class, () -> store.delete(2));
        assertThrows(IllegalArgumentException.class, () -> store.delete(3));
        store.delete(1);
        assertFalse(Files.exists(root.resolve("v1")));
        assertEquals(List.of(3, 2), VersionStore.open(root).newestFirst().stream().map(StoredVersion::version).toList());
    }

    @Test
    void lastGoodIsTheNewestGoodVersion() throws Exception {
        VersionStore store = VersionStore.open(root);
        store.add(Sites.valid(), version(1, State.GOOD));
        store.add(Sites.valid(), version(2, State.GOOD));
        store.add(Sites.valid(), version(3, State.ON_TRIAL));
        assertEquals(2, store.lastGood().orElseThrow().version());
    }
}
