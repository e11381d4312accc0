package io.containeredge.modbus.config;

/**
 * One problem found in a configuration document.
 *
 * @param file the file (or document name) it was found in
 * @param path JSON-path-like location inside the document, e.g. {@code $.points[3].type}
 * @param reason what is wrong, in words a technician understands
 */
public record ConfigError(String file, String path, String reason) {

    @Override
    public String toString() {
        return file + ": " + path + ": " + reason;
    }
}
