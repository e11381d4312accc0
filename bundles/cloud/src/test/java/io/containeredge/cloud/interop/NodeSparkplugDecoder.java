package io.containeredge.cloud.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An independent Sparkplug B decoder: the npm package sparkplug-payload, run by Node.js on
 * {@code src/test/interop/sparkplug-decode.js} ({@code run-tests.sh} runs {@code npm ci} there).
 */
public final class NodeSparkplugDecoder {

    private NodeSparkplugDecoder() {
    }

    /** Decodes each payload; returns a JSON array with one decoded payload per input, in order. */
    public static JsonNode decode(List<byte[]> payloads, Path workDir) throws IOException, InterruptedException {
        Path interop = interopDir();
        if (!Files.isDirectory(interop.resolve("node_modules/sparkplug-payload"))) {
            throw new IllegalStateException("run 'npm ci' in " + interop + " (run-tests.sh does)");
        }
        List<String> command = new ArrayList<>(List.of("node", interop.resolve("sparkplug-decode.js").toString()));
        for (int i = 0; i < payloads.size(); i++) {
            Path file = workDir.resolve("payload-" + i + ".bin");
            Files.write(file, payloads.get(i));
            command.add(file.toString());
        }
        Path stderr = workDir.resolve("node-stderr.txt");
        Process node = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        byte[] out = node.getInputStream().readAllBytes();
        if (!node.waitFor(30, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new IllegalStateException("node did not finish within 30 s");
        }
        if (node.exitValue() != 0) {
            throw new IllegalStateException("node failed: " + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return new ObjectMapper().readTree(out);
    }

    /** The repository's src/test/interop, found upwards from the directory the tests run in. */
    private static Path interopDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("src/test/interop/sparkplug-decode.js"))) {
                return p.resolve("src/test/interop");
            }
        }
        throw new IllegalStateException("src/test/interop/sparkplug-decode.js not found above "
                + Path.of("").toAbsolutePath());
    }
}
