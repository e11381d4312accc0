package io.containeredge.console.auth;

import io.containeredge.console.security.ApiTokens;
import io.containeredge.control.testing.MemoryAuditTrail;
import io.containeredge.console.security.ConsoleSecurity;
import io.containeredge.console.security.LoginOutcome;
import io.containeredge.console.security.PasswordHasher;
import io.containeredge.console.security.Role;
import io.containeredge.console.security.Session;
import io.containeredge.console.security.SessionRegistry;
import io.containeredge.console.security.SetupToken;
import io.containeredge.console.security.UserStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * A console security state with an administrator, a technician and a viewer (all with {@link #PASSWORD}
 * plus their name), an API token per role, and virtual clocks.
 */
final class SecurityRig {

    static final String PASSWORD = "long-enough-password-";
    static final String TECHNICIAN_TOKEN = "technician-token-0123456789";
    static final String VIEWER_TOKEN = "viewer-token-0123456789";

    final SetupToken setupToken = SetupToken.generate();
    final MemoryAuditTrail audit = new MemoryAuditTrail();
    final ConsoleSecurity security;
    long now = 50_000_000;
    /** The monotonic clock of the audit allowance for unauthenticated requests. */
    long nanos = 7_000_000_000L;
    final AnonymousRequestAudit anonymousAudit = new AnonymousRequestAudit(audit, () -> nanos,
            AnonymousAuditAllowance.Limits.DEFAULT);

    SecurityRig(Path dir, boolean withUsers) throws Exception {
        ApiTokens tokens = ApiTokens.parse(List.of("scada technician " + sha256(TECHNICIAN_TOKEN),
                "dashboard viewer " + sha256(VIEWER_TOKEN)), "test");
        security = new ConsoleSecurity(new UserStore(dir, new PasswordHasher(1000)), tokens,
                new SessionRegistry(Duration.ofMinutes(15)), setupToken, () -> now);
        if (withUsers) {
            security.setup(setupToken.reveal(), "root", PASSWORD + "root", "127.0.0.1");
            security.addUser("tech", Role.TECHNICIAN, PASSWORD + "tech");
            security.addUser("watcher", Role.VIEWER, PASSWORD + "watcher");
        }
    }

    /** Logs {@code name} in and returns its session. */
    Session login(String name) {
        return ((LoginOutcome.LoggedIn) security.login(name, PASSWORD + name, "10.0.0.5")).session();
    }

    static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
