package io.containeredge.console.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tokens for machines and scripts ({@code Authorization: Bearer <token>}), from a file of lines
 * {@code <name> <role> <sha256 hex of the token>}; {@code #} starts a comment. Only digests are kept, so
 * the file gives nothing away; a token is long and random (e.g. {@code openssl rand -base64 32}), so a
 * plain SHA-256 of it is as good as a slow hash.
 */
public final class ApiTokens {

    private static final int DIGEST_HEX = 64;

    private record Entry(String name, Role role, byte[] digest) {
    }

    private final List<Entry> entries;

    private ApiTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ApiTokens none() {
        return new ApiTokens(List.of());
    }

    /** Reads a token file; an error names the file and line. */
    public static ApiTokens read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** @throws BadTokenLine at the first bad line; its message names {@code source}, the line and what is wrong */
    public static ApiTokens parse(List<String> lines, String source) {
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            try {
                entries.add(entry(content.split("\\s+"), names));
            } catch (IllegalArgumentException e) {
                throw new BadTokenLine(source, i + 1, e.getMessage());
            }
        }
        return new ApiTokens(entries);
    }

    /** A line that names a token twice, or a name, role or digest the console does not accept. */
    public static final class BadTokenLine extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;
        private final int line;
        private final String reason;

        BadTokenLine(String source, int line, String reason) {
            super(source + ":" + line + ": " + reason);
            this.line = line;
            this.reason = reason;
        }

        /** 1-based. */
        public int line() {
            return line;
        }

        public String reason() {
            return reason;
        }
    }

    private static Entry entry(String[] fields, Set<String> names) {
        if (fields.length != 3) {
            throw new IllegalArgumentException("expected '<name> <role> <sha256 hex>', got " + fields.length + " fields");
        }
        if (!AccountRules.validName(fields[0])) {
            throw new IllegalArgumentException("a token name is 1 to 32 of a-z, 0-9, '.', '_', '-'");
        }
        if (!names.add(fields[0])) {
            throw new IllegalArgumentException("token name '" + fields[0] + "' appears twice");
        }
        return new Entry(fields[0], role(fields[1]), digest(fields[2]));
    }

    /** The token's name and role when {@code presented} is one of the tokens; every entry is compared, in constant time. */
    public Optional<ConsoleUser> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        Entry found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.digest(), digest)) {
                found = e;
            }
        }
        return found == null ? Optional.empty() : Optional.of(new ConsoleUser(found.name(), found.role(), true));
    }

    public int size() {
        return entries.size();
    }

    private static Role role(String text) {
        try {
            return Role.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role is one of viewer, technician, admin, got '" + text + "'");
        }
    }

    private static byte[] digest(String hex) {
        if (hex.length() != DIGEST_HEX) {
            throw new IllegalArgumentException("the token's SHA-256 is " + DIGEST_HEX + " hex digits");
        }
        try {
            return HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the token's SHA-256 is " + DIGEST_HEX + " hex digits");
        }
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
