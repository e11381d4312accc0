package io.containeredge.console.web;

import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds the console's files among the bundle's resources under {@code console/}. Only plain file
 * names of known types are served: a path with {@code ..}, {@code .}, an empty or hidden segment, a
 * backslash or an encoded character is refused outright, so no request reaches outside
 * {@code console/}; a directory is never listed ({@code /} serves {@code index.html}).
 */
final class StaticAssets {

    static final String ROOT = "console";
    static final String INDEX = "/index.html";
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json",
            "txt", "text/plain; charset=utf-8");

    /** A file to serve: where it is and what it is. */
    record Asset(URL url, String contentType) {
    }

    private final Function<String, URL> resources;

    /** @param resources finds a resource by its name in the bundle (e.g. {@code console/index.html}), or null */
    StaticAssets(Function<String, URL> resources) {
        this.resources = resources;
    }

    /** The file for the path after {@code /console}; empty for anything not served. */
    Optional<Asset> find(String path) {
        String p = path == null || path.equals("/") ? INDEX : path;
        if (!SAFE_PATH.matcher(p).matches()) {
            return Optional.empty();
        }
        String type = contentType(p);
        if (type == null) {
            return Optional.empty();
        }
        URL url = resources.apply(ROOT + p);
        return url == null ? Optional.empty() : Optional.of(new Asset(url, type));
    }

    /** The content type by extension, null for a type not served. */
    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
