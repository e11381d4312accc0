package io.containeredge.console.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's security state in one place: users, sessions, login throttling, API tokens and the
 * setup token. The web layer asks it who a request is and whether a login succeeds; it holds no servlet
 * API. Requires its configuration so it never writes users to a directory nobody chose.
 */
@Component(service = ConsoleSecurity.class, configurationPid = ConsoleSecurity.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = ConsoleSecurityConfiguration.class)
public class ConsoleSecurity {

    public static final String PID = "io.containeredge.console";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSecurity.class);
    /**
     * Setup attempts are throttled per address, apart from logins: both their keys are this prefix (which
     * no user name can take) plus the address, so nobody locks setup for everyone else, and a mistyped
     * setup token does not count against the logins that follow.
     */
    private static final String SETUP_KEY = "(setup)";

    private final UserStore users;
    private final ApiTokens tokens;
    private final SessionRegistry sessions;
    private final SetupToken setupToken;
    private final LongSupplier clock;
    private final LoginThrottle throttle = new LoginThrottle();

    @Activate
    public ConsoleSecurity(ConsoleSecurityConfiguration config) throws IOException {
        this(new UserStore(Files.createDirectories(Path.of(config.data_dir()).toAbsolutePath()),
                new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS)), tokens(config.api_tokens_file()),
                new SessionRegistry(Duration.ofMinutes(config.session_idle_minutes())), setupToken(config.setup_token()),
                System::currentTimeMillis);
        if (users.isEmpty()) {
            if (setupToken.isConfigured()) {
                LOG.warn("console: no user yet; create the first administrator at /console/setup.html"
                        + " with the setup token from the configuration");
            } else {
                LOG.warn("console setup token: {} (creates the first administrator at /console/setup.html;"
                        + " useless once one exists)", setupToken.reveal());
            }
        }
        LOG.info("console security: {} API token(s), sessions end after {} idle minutes", tokens.size(),
                config.session_idle_minutes());
    }

    /** For tests: the parts and the clock given. */
    public ConsoleSecurity(UserStore users, ApiTokens tokens, SessionRegistry sessions, SetupToken setupToken,
            LongSupplier clock) {
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
        this.setupToken = setupToken;
        this.clock = clock;
    }

    /** Creates the first administrator with the setup token and logs it in. */
    public LoginOutcome setup(String token, String name, String password, String address)
            throws AccountException, IOException {
        if (!users.isEmpty()) {
            throw new AccountException(AccountException.Reason.SETUP_DONE, "setup is done: log in instead");
        }
        long now = clock.getAsLong();
        String key = SETUP_KEY + address;
        Optional<Duration> locked = throttle.lockout(key, key, now);
        if (locked.isPresent()) {
            return new LoginOutcome.LockedOut(locked.get());
        }
        if (!setupToken.matches(token)) {
            return new LoginOutcome.Refused(throttle.failed(key, key, now).orElse(Duration.ZERO));
        }
        users.addFirstAdministrator(name, password);
        return new LoginOutcome.LoggedIn(sessions.open(new ConsoleUser(name, Role.ADMIN, false), now));
    }

    /** Checks a name and password (hashing even when the name is unknown) unless the name or address is locked out. */
    public LoginOutcome login(String name, String password, String address) {
        long now = clock.getAsLong();
        Optional<Duration> locked = throttle.lockout(name, address, now);
        if (locked.isPresent()) {
            return new LoginOutcome.LockedOut(locked.get());
        }
        Optional<ConsoleUser> user = users.authenticate(name, password == null ? new char[0] : password.toCharArray());
        if (user.isEmpty()) {
            return new LoginOutcome.Refused(throttle.failed(name, address, now).orElse(Duration.ZERO));
        }
        throttle.succeeded(name);
        return new LoginOutcome.LoggedIn(sessions.open(user.get(), now));
    }

    /** The live session with this id (its idle time restarts), or empty. */
    public Optional<Session> session(String id) {
        return sessions.find(id, clock.getAsLong());
    }

    public void logout(String sessionId) {
        sessions.close(sessionId);
    }

    /** Who an API token is, or empty when it is none of the configured ones. */
    public Optional<ConsoleUser> bearer(String token) {
        return tokens.authenticate(token);
    }

    public List<AccountSummary> users() {
        return users.list();
    }

    public void addUser(String name, Role role, String password) throws AccountException, IOException {
        users.add(name, role, password);
    }

    /** Changes a password and ends the user's other sessions ({@code keepSessionId}: the one asking, may be null). */
    public void changePassword(String name, String password, String keepSessionId) throws AccountException, IOException {
        users.changePassword(name, password);
        sessions.closeAllOf(name, keepSessionId);
    }

    /** Deletes a user (never the last administrator) and ends its sessions. */
    public void deleteUser(String name) throws AccountException, IOException {
        users.delete(name);
        sessions.closeAllOf(name, null);
    }

    private static ApiTokens tokens(String file) {
        if (file == null || file.isBlank()) {
            return ApiTokens.none();
        }
        try {
            return ApiTokens.read(Path.of(file));
        } catch (IOException | IllegalArgumentException e) {
            // fail closed for tokens only: logins keep working so someone can still reach the console
            LOG.error("console: API tokens refused, none accepted: {}", e.getMessage());
            return ApiTokens.none();
        }
    }

    private static SetupToken setupToken(String configured) {
        if (configured == null || configured.isBlank()) {
            return SetupToken.generate();
        }
        try {
            return SetupToken.configured(configured);
        } catch (IllegalArgumentException e) {
            LOG.error("console: {}; a generated setup token is used instead", e.getMessage());
            return SetupToken.generate();
        }
    }
}
