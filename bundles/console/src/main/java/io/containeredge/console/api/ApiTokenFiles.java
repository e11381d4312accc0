package io.containeredge.console.api;

import io.containeredge.console.security.ApiTokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Checks an API tokens file with the console's own parser, so {@code --check} accepts exactly what the console will. */
public final class ApiTokenFiles {

    /**
     * A line the console refuses.
     *
     * @param line   1-based
     * @param reason what is wrong with it
     */
    public record BadLine(int line, String reason) {
    }

    private ApiTokenFiles() {
    }

    /**
     * @return the first line the console refuses (it stops there), or empty when it accepts the file
     * @throws IOException when the file cannot be read
     */
    public static Optional<BadLine> firstBadLine(Path file) throws IOException {
        try {
            ApiTokens.read(file);
            return Optional.empty();
        } catch (ApiTokens.BadTokenLine e) {
            return Optional.of(new BadLine(e.line(), e.reason()));
        }
    }
}
