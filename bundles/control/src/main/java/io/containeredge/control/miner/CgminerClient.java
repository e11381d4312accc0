package io.containeredge.control.miner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One request to a miner's CGMiner-style JSON API (TCP 4028 on real miners): connect, send one JSON
 * object, read the one answer up to its NUL terminator (or the server's close), parse it.
 *
 * <p>One deadline covers connect and read, so a miner that accepts and then stays silent costs at most
 * the timeout. Writing is not timed: the request is a few dozen bytes and fits in the socket's send
 * buffer, so it never blocks. Blocking sockets rather than NIO because each request runs on its own
 * pool thread and lives for one round trip. Stateless and thread-safe.
 */
public final class CgminerClient {

    /** Larger than any real summary/stats answer (a few KiB); guards against a miner streaming garbage. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int timeoutMillis;
    private final int maxResponseBytes;

    public CgminerClient(Duration timeout) {
        this(timeout, DEFAULT_MAX_RESPONSE_BYTES);
    }

    public CgminerClient(Duration timeout, int maxResponseBytes) {
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be > 0 and < 24 days, got " + timeout);
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("max response size must be > 0 bytes, got " + maxResponseBytes);
        }
        this.timeoutMillis = (int) Math.max(1, timeout.toMillis());
        this.maxResponseBytes = maxResponseBytes;
    }

    public Duration timeout() {
        return Duration.ofMillis(timeoutMillis);
    }

    /**
     * Sends {@code {"command": command, "parameter": parameter}} and returns the parsed answer.
     *
     * @param parameter the command's parameter, or null for none
     * @throws MinerException if the miner refuses, does not answer within the timeout, answers too much
     *     or malformed JSON, or answers STATUS "E"/"F" (the message then carries its Msg)
     */
    public JsonNode request(String host, int port, String command, String parameter) throws MinerException {
        return request(host, port, command, parameter, timeout());
    }

    /**
     * As {@link #request(String, int, String, String)}, within what is left of a deadline shared with other
     * requests (never more than this client's timeout).
     */
    public JsonNode request(String host, int port, String command, String parameter, Duration left)
            throws MinerException {
        String where = command + " to " + host + ":" + port;
        int timeoutMillis = (int) Math.max(1, Math.min(this.timeoutMillis, left.toMillis()));
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        byte[] answer;
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.getOutputStream().write(requestBytes(command, parameter));
            socket.getOutputStream().flush();
            answer = readAnswer(socket, deadline, where);
        } catch (SocketTimeoutException e) {
            throw new MinerException(where + ": no answer within " + timeoutMillis + " ms", e);
        } catch (ConnectException e) {
            throw new MinerException(where + ": cannot connect: " + e.getMessage(), e);
        } catch (UnknownHostException e) {
            throw new MinerException(where + ": unknown host", e);
        } catch (IOException e) {
            throw new MinerException(where + ": I/O error: " + e.getMessage(), e);
        }
        return checkStatus(parse(answer, where), where);
    }

    private static byte[] requestBytes(String command, String parameter) {
        ObjectNode req = JSON.createObjectNode();
        req.put("command", command);
        if (parameter != null) {
            req.put("parameter", parameter);
        }
        return req.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads up to the NUL cgminer ends every answer with; a server that just closes ends it too. */
    private byte[] readAnswer(Socket socket, long deadline, String where) throws IOException, MinerException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        byte[] buf = new byte[8192];
        while (true) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000L;
            if (leftMillis <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            // SO_TIMEOUT bounds each read; shrinking it to what is left bounds the whole answer
            socket.setSoTimeout((int) leftMillis);
            int n = in.read(buf);
            if (n < 0) {
                return out.toByteArray();
            }
            int end = indexOfNul(buf, n);
            out.write(buf, 0, end < 0 ? n : end);
            if (out.size() > maxResponseBytes) {
                throw new MinerException(where + ": answer larger than " + maxResponseBytes + " bytes");
            }
            if (end >= 0) {
                return out.toByteArray();
            }
        }
    }

    private static int indexOfNul(byte[] buf, int n) {
        for (int i = 0; i < n; i++) {
            if (buf[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode parse(byte[] answer, String where) throws MinerException {
        String text = new String(answer, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new MinerException(where + ": connection closed without an answer");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MinerException(where + ": malformed JSON answer (" + e.getOriginalMessage() + "): "
                    + abbreviate(text), e);
        }
        if (root == null || !root.isObject()) {
            throw new MinerException(where + ": answer is not a JSON object: " + abbreviate(text));
        }
        return root;
    }

    /**
     * Rejects STATUS "E" (error) and "F" (fatal); "S", "I" and "W" (the miner's warning, e.g. overheat
     * shutdown) are answers. No STATUS at all is accepted: the caller reads only the fields it knows.
     */
    private static JsonNode checkStatus(JsonNode root, String where) throws MinerException {
        String code = statusCode(root);
        if (code.equals("E") || code.equals("F")) {
            String msg = message(root);
            throw new MinerException(where + ": miner answered STATUS " + code + ": "
                    + (msg.isEmpty() ? "(no message)" : msg));
        }
        return root;
    }

    /**
     * The Msg of the answer's STATUS, or "" if it has none. cgminer nests it as
     * {@code "STATUS": [{"STATUS": "S", "Msg": ...}]}; some firmwares (Whatsminer) put
     * {@code "STATUS": "E", "Msg": ...} at the top level.
     */
    public static String message(JsonNode answer) {
        JsonNode status = answer.path("STATUS");
        JsonNode holder = status.isArray() ? status.path(0) : answer;
        return holder.path("Msg").asText(holder.path("msg").asText(""));
    }

    /** The answer's STATUS letter ("S", "I", "W"), or "" if it has none. */
    public static String statusCode(JsonNode answer) {
        JsonNode status = answer.path("STATUS");
        return status.isArray() ? status.path(0).path("STATUS").asText("") : status.asText("");
    }

    /** The text on one line, quoted, cut at 80 characters: enough of an answer to recognise it in a message. */
    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 80 ? "'" + oneLine + "'" : "'" + oneLine.substring(0, 80) + "...'";
    }
}
