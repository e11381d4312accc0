package io.containeredge.modbus.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where configuration documents come from: a site's configuration directory first, then the
 * {@code firmware-config} tree shipped inside this bundle. A site can thus override or add a profile
 * without rebuilding anything.
 */
public final class ConfigSource {

    private final Path directory;

    /** @param directory a directory laid out like {@code firmware-config}, or null for built-ins only */
    public ConfigSource(Path directory) {
        this.directory = directory;
    }

    public static ConfigSource builtIn() {
        return new ConfigSource(null);
    }

    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /**
     * Reads {@code relative} (e.g. {@code profiles/immersion-cdu.yaml}) from the directory, else from
     * the bundled tree.
     *
     * @return the parsed document, or empty if neither has it
     */
    public Optional<Document> read(String relative) throws ConfigException {
        if (directory != null) {
            Path file = directory.resolve(relative);
            if (Files.isRegularFile(file)) {
                return Optional.of(new Document(file.toString(), YamlDocuments.read(file)));
            }
        }
        Optional<String> text = builtInText(ConfigSource.class, relative);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String name = "built-in:" + relative;
        return Optional.of(new Document(name, YamlDocuments.parse(name, text.get())));
    }

    /**
     * The text of a document of the {@code firmware-config} tree bundled with {@code owner} (e.g.
     * {@code profiles/pdu-20-socket.yaml} here, {@code sites/demo-container.yaml} in the site bundle), for
     * callers that keep or hash documents as written rather than parsed.
     *
     * @return the text, or empty if that bundle's tree has no such document
     */
    public static Optional<String> builtInText(Class<?> owner, String relative) throws ConfigException {
        String resource = "/firmware-config/" + relative;
        try (InputStream in = owner.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ConfigException.single(resource, "$", "cannot read: " + e.getMessage());
        }
    }

    /** A parsed document and the name errors refer to. */
    public record Document(String name, JsonNode tree) {
    }
}
