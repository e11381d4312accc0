package io.containeredge.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setup, login, lockout and user administration together, on a virtual clock. */
class ConsoleSecurityTest {

    private static final String PASSWORD = "first-admin-pw";

    @TempDir
    Path dir;
    private final SetupToken setupToken = SetupToken.generate();
    private long now = 10_000_000;
    private ConsoleSecurity security;

    @BeforeEach
    void open() throws Exception {
        security = new ConsoleSecurity(new UserStore(dir, new PasswordHasher(1000)), ApiTokens.none(),
                new SessionRegistry(Duration.ofMinutes(15)), setupToken, () -> now);
    }

    @Test
    void setupWithTheTokenCreatesTheFirstAdministratorOnceAndLogsItIn() throws Exception {
        assertInstanceOf(LoginOutcome.Refused.class, security.setup("wrong", "root", PASSWORD, "10.0.0.5"));
        LoginOutcome.LoggedIn in = assertInstanceOf(LoginOutcome.LoggedIn.class,
                security.setup(setupToken.reveal(), "root", PASSWORD, "10.0.0.5"));
        assertEquals(new ConsoleUser("root", Role.ADMIN, false), in.session().user());
        assertEquals(in.session(), security.session(in.session().id()).orElseThrow());
        AccountException again = assertThrows(AccountException.class,
                () -> security.setup(setupToken.reveal(), "eve", PASSWORD, "10.0.0.6"));
        assertEquals(AccountException.Reason.SETUP_DONE, again.reason());
        assertEquals(List.of(new AccountSummary("root", Role.ADMIN)), security.users());
    }

    @Test
    void guessingTheSetupTokenIsThrottledPerAddress() throws Exception {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            security.setup("guess" + i, "root", PASSWORD, "10.0.0.5");
        }
        assertInstanceOf(LoginOutcome.LockedOut.class, security.setup(setupToken.reveal(), "root", PASSWORD, "10.0.0.5"));
        assertInstanceOf(LoginOutcome.LoggedIn.class, security.setup(setupToken.reveal(), "root", PASSWORD, "10.0.0.6"));
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedUntilTheLockEnds() throws Exception {
        security.setup(setupToken.reveal(), "root", PASSWORD, "10.0.0.5");
        for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
            assertEquals(new LoginOutcome.Refused(Duration.ZERO), security.login("root", "wrong password " + i, "10.0.0.7"));
        }
        assertEquals(new LoginOutcome.Refused(Duration.ofSeconds(30)), security.login("root", "wrong again", "10.0.0.7"));
        assertEquals(new LoginOutcome.LockedOut(Duration.ofSeconds(30)), security.login("root", PASSWORD, "10.0.0.8"));
        now += 30_000;
        assertInstanceOf(LoginOutcome.LoggedIn.class, security.login("root", PASSWORD, "10.0.0.8"));
    }

    @Test
    void anUnknownNameIsAnsweredAndLockedExactlyLikeAWrongPassword() throws Exception {
        security.setup(setupToken.reveal(), "root", PASSWORD, "10.0.0.5");
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            assertEquals(security.login("root", "nope nope nope", "10.1.0." + i),
                    security.login("ghost", "nope nope nope", "10.2.0." + i));
        }
        assertEquals(security.login("root", "nope nope nope", "10.1.0.9"), security.login("ghost", "nope nope nope", "10.2.0.9"));
        assertEquals(security.login("root", PASSWORD, "10.1.0.10"), security.login("ghost", PASSWORD, "10.2.0.10"));
    }

    @Test
    void aPasswordChangeOrDeletionEndsTheUsersOtherSessions() throws Exception {
        LoginOutcome.LoggedIn admin = (LoginOutcome.LoggedIn) security.setup(setupToken.reveal(), "root", PASSWORD, "a");
        security.addUser("tech", Role.TECHNICIAN, "technician-pw");
        LoginOutcome.LoggedIn tech = (LoginOutcome.LoggedIn) security.login("tech", "technician-pw", "b");
        LoginOutcome.LoggedIn otherAdmin = (LoginOutcome.LoggedIn) security.login("root", PASSWORD, "c");
        security.changePassword("root", "a changed password", admin.session().id());
        assertTrue(security.session(admin.session().id()).isPresent());
        assertTrue(security.session(otherAdmin.session().id()).isEmpty());
        security.deleteUser("tech");
        assertTrue(security.session(tech.session().id()).isEmpty());
        assertEquals(AccountException.Reason.LAST_ADMIN,
                assertThrows(AccountException.class, () -> security.deleteUser("root")).reason());
    }
}
