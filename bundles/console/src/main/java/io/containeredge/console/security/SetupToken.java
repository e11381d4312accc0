package io.containeredge.console.security;

/**
 * The one-time secret that creates the first administrator: there is no default password. Generated
 * at start (printed in the gateway's log) or given by configuration for automated installs; useless
 * once a user exists.
 */
public final class SetupToken {

    /** 256 random bits; anything configured must carry at least 128 (22 base64 characters). */
    private static final int GENERATED_BYTES = 32;
    public static final int MIN_CONFIGURED_LENGTH = 22;

    private final String value;
    private final boolean configured;

    private SetupToken(String value, boolean configured) {
        this.value = value;
        this.configured = configured;
    }

    public static SetupToken generate() {
        return new SetupToken(SecretTokens.random(GENERATED_BYTES), false);
    }

    /** The configured token; refused when too short to resist guessing. */
    public static SetupToken configured(String value) {
        if (value == null || value.strip().length() < MIN_CONFIGURED_LENGTH) {
            throw new IllegalArgumentException("setup.token must have at least " + MIN_CONFIGURED_LENGTH + " characters");
        }
        return new SetupToken(value.strip(), true);
    }

    public boolean matches(String presented) {
        return SecretTokens.same(value, presented);
    }

    /** True when it came from configuration (then the log must not repeat it). */
    public boolean isConfigured() {
        return configured;
    }

    /** The token itself, for the one log line that tells it to whoever installs the gateway. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "SetupToken[" + (configured ? "configured" : "generated") + "]";
    }
}
