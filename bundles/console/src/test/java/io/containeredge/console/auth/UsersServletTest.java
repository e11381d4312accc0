package io.containeredge.console.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.console.security.LoginOutcome;
import io.containeredge.console.security.Session;
import io.containeredge.http.testing.FakeRequest;
import io.containeredge.http.testing.FakeResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersServletTest {

    @TempDir
    Path dir;
    private SecurityRig rig;
    private ConsoleEndpoint users;
    private Session admin;

    @BeforeEach
    void start() throws Exception {
        rig = new SecurityRig(dir, true);
        users = new ConsoleEndpoint(rig, new UsersServlet(rig.security));
        admin = rig.login("root");
    }

    private FakeRequest asAdmin(FakeRequest req) {
        return req.cookie(SessionCookie.NAME, admin.id()).header(CsrfCheck.HEADER, admin.csrfToken());
    }

    private FakeRequest post(String pathInfo, String json) {
        FakeRequest req = new FakeRequest("POST", "/console/api/auth/users", pathInfo);
        return asAdmin(json == null ? req : req.json(json));
    }

    @Test
    void theListHasNamesAndRolesAndNothingAboutPasswords() throws Exception {
        FakeResponse resp = users.send(asAdmin(new FakeRequest("GET", "/console/api/auth/users", null)));
        assertEquals(200, resp.getStatus());
        assertEquals("[{\"name\":\"root\",\"role\":\"admin\"},{\"name\":\"tech\",\"role\":\"technician\"},"
                + "{\"name\":\"watcher\",\"role\":\"viewer\"}]", resp.json().get("users").toString());
        for (String secret : new String[] {"hash", "salt", "iterations", "password", SecurityRig.PASSWORD}) {
            assertFalse(resp.body().contains(secret), secret);
        }
    }

    @Test
    void anAdministratorCreatesAUserWhoCanThenLogIn() throws Exception {
        FakeResponse created = users.send(post(null, "{\"name\":\"night-shift\",\"role\":\"technician\",\"password\":\"night shift pw\"}"));
        assertEquals(201, created.getStatus(), created.body());
        assertInstanceOf(LoginOutcome.LoggedIn.class, rig.security.login("night-shift", "night shift pw", "10.0.0.8"));
        assertEquals(409, users.send(post(null, "{\"name\":\"night-shift\",\"role\":\"viewer\",\"password\":\"night shift pw\"}"))
                .getStatus());
        assertEquals(422, users.send(post(null, "{\"name\":\"x\",\"role\":\"superuser\",\"password\":\"night shift pw\"}"))
                .getStatus());
        FakeResponse shortPassword = users.send(post(null, "{\"name\":\"y\",\"role\":\"viewer\",\"password\":\"tiny-pw\"}"));
        assertEquals(422, shortPassword.getStatus());
        assertFalse(shortPassword.body().contains("tiny-pw"));
    }

    @Test
    void passwordsChangeAndUsersGoButNeverTheLastAdministrator() throws Exception {
        Session tech = rig.login("tech");
        assertEquals(200, users.send(post("/tech/password", "{\"password\":\"brand new password\"}")).getStatus());
        assertTrue(rig.security.session(tech.id()).isEmpty(), "the changed user's sessions end");
        assertInstanceOf(LoginOutcome.LoggedIn.class, rig.security.login("tech", "brand new password", "10.0.0.8"));
        assertEquals(200, users.send(post("/tech/delete", null)).getStatus());
        assertEquals(404, users.send(post("/tech/delete", null)).getStatus());
        assertEquals(409, users.send(post("/root/delete", null)).getStatus());
        assertEquals(404, users.send(post("/root/rename", null)).getStatus());
        assertTrue(rig.security.session(admin.id()).isPresent());
    }

    @Test
    void onlyAnAdministratorManagesUsers() throws Exception {
        Session tech = rig.login("tech");
        FakeResponse resp = users.send(new FakeRequest("POST", "/console/api/auth/users", "/root/delete")
                .cookie(SessionCookie.NAME, tech.id()).header(CsrfCheck.HEADER, tech.csrfToken()));
        assertEquals(403, resp.getStatus());
        assertEquals(3, rig.security.users().size());
    }
}
