package io.containeredge.console.tokens;

import io.containeredge.console.security.ApiTokens;
import java.io.IOException;
import java.nio.file.Path;

/** Checks an API tokens file with the console's own parser, so {@code --check} accepts exactly what the console will. */
public final class ApiTokenFiles {

    private ApiTokenFiles() {
    }

    /**
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException at the first bad line, as {@code <file>:<line>: <what is wrong>}
     */
    public static void check(Path file) throws IOException {
        ApiTokens.read(file);
    }
}
