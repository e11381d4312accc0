package io.containeredge.gateway.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.gateway.api.ConfigDocuments;
import io.containeredge.gateway.api.ConfigVersion.State;
import io.containeredge.gateway.storage.api.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration versions on disk, under {@code <data dir>/config/}:
 * <pre>
 *   v&lt;N&gt;/site.yaml, v&lt;N&gt;/profiles/&lt;id&gt;.yaml   the documents, never changed once written
 *   v&lt;N&gt;/version.json                            its {@link StoredVersion} (state changes replace it atomically)
 *   state.json                                   the active version and the hash of the last file version
 * </pre>
 * A version is written completely into a {@code .tmp-} directory, forced, and renamed to {@code v<N>}, so a
 * power cut leaves either no version or a complete one; leftover {@code .tmp-} directories are removed when
 * the store opens. Numbers are never reused: the next is one above the highest directory on disk, and
 * pruning never removes the highest.
 *
 * <p>Not thread-safe: the owner serialises access.
 */
final class VersionStore {

    static final String VERSION_FILE = "version.json";
    static final String STATE_FILE = "state.json";
    private static final String TEMP_PREFIX = ".tmp-";
    private static final Pattern VERSION_DIR = Pattern.compile("v([1-9][0-9]{0,8})");
    private static final Logger LOG = LoggerFactory.getLogger(VersionStore.class);

    /** What {@code state.json} holds: the version running (0: none yet) and the hash of the last file version. */
    record StoreState(int active, String lastFileSha256) {
    }

    private final Path root;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final TreeMap<Integer, StoredVersion> versions = new TreeMap<>(Comparator.reverseOrder());
    private int highest;
    private StoreState state = new StoreState(0, "");

    private VersionStore(Path root) {
        this.root = root;
    }

    /** Opens (or creates) the store in {@code root}, dropping anything a power cut left half-written. */
    static VersionStore open(Path root) throws IOException {
        VersionStore store = new VersionStore(root.toAbsolutePath());
        store.load();
        return store;
    }

    private void load() throws IOException {
        Files.createDirectories(root);
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                Matcher m = VERSION_DIR.matcher(name);
                if (name.startsWith(TEMP_PREFIX)) {
                    LOG.info("removing {}, left by an interrupted write", entry);
                    DurableFiles.deleteTree(entry);
                } else if (m.matches() && Files.isDirectory(entry)) {
                    int number = Integer.parseInt(m.group(1));
                    highest = Math.max(highest, number);
                    readVersion(entry).ifPresent(v -> versions.put(number, v));
                }
            }
        }
        Path stateFile = root.resolve(STATE_FILE);
        if (Files.isRegularFile(stateFile)) {
            state = json.readValue(stateFile.toFile(), StoreState.class);
        }
    }

    private Optional<StoredVersion> readVersion(Path dir) {
        try {
            return Optional.of(json.readValue(dir.resolve(VERSION_FILE).toFile(), StoredVersion.class));
        } catch (IOException e) {
            LOG.warn("configuration version {} ignored: {}", dir, e.getMessage());
            return Optional.empty();
        }
    }

    /** Every readable version, newest first. */
    List<StoredVersion> newestFirst() {
        return new ArrayList<>(versions.values());
    }

    Optional<StoredVersion> get(int version) {
        return Optional.ofNullable(versions.get(version));
    }

    /** The version running now, if there is one. */
    Optional<StoredVersion> active() {
        return get(state.active());
    }

    /** The newest GOOD version: where an automatic rollback goes. */
    Optional<StoredVersion> lastGood() {
        return versions.values().stream().filter(v -> v.state() == State.GOOD).findFirst();
    }

    /** The hash of the configuration file the last {@code file} version was made from, or empty. */
    String lastFileSha256() {
        return state.lastFileSha256() == null ? "" : state.lastFileSha256();
    }

    int nextNumber() {
        return highest + 1;
    }

    Path directory(int version) {
        return root.resolve("v" + version);
    }

    /** Where scratch directories go: inside the store, so those a crash leaves behind are removed at the next open. */
    Path scratchParent() {
        return root;
    }

    ConfigDocuments documents(int version) throws IOException {
        Path dir = directory(version);
        return DocumentFiles.read(dir.resolve(DocumentFiles.SITE_FILE), dir);
    }

    /** Writes a new version completely, then publishes it under its number. */
    void add(ConfigDocuments documents, StoredVersion version) throws IOException {
        if (version.version() != nextNumber()) {
            throw new IllegalArgumentException("version " + version.version() + " is not the next, " + nextNumber());
        }
        Path tmp = Files.createTempDirectory(root, TEMP_PREFIX + "v" + version.version() + "-");
        try {
            DocumentFiles.write(tmp, documents);
            DurableFiles.writeNew(tmp.resolve(VERSION_FILE), json.writeValueAsBytes(version));
            DurableFiles.publishDirectory(tmp, directory(version.version()));
        } catch (IOException e) {
            DurableFiles.deleteTree(tmp);
            throw e;
        }
        highest = version.version();
        versions.put(version.version(), version);
    }

    /** Replaces a version's {@code version.json} (its state and detail) atomically. */
    void update(StoredVersion version) throws IOException {
        DurableFiles.replace(directory(version.version()).resolve(VERSION_FILE), json.writeValueAsBytes(version));
        versions.put(version.version(), version);
    }

    /** Makes {@code version} the one that runs, atomically. */
    void activate(int version, String lastFileSha256) throws IOException {
        StoreState next = new StoreState(version, lastFileSha256);
        DurableFiles.replace(root.resolve(STATE_FILE), json.writeValueAsBytes(next));
        state = next;
    }

    /** Removes a version: renamed out of sight first, so a crash halfway leaves only a scratch directory. */
    void delete(int version) throws IOException {
        if (version == state.active() || version == highest) {
            throw new IllegalArgumentException("version " + version + " is active or the newest");
        }
        Path doomed = root.resolve(TEMP_PREFIX + "deleted-v" + version);
        DurableFiles.publishDirectory(directory(version), doomed);
        versions.remove(version);
        DurableFiles.deleteTree(doomed);
    }
}
