package io.containeredge.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        // public: the pages and assets a logged-out browser needs, and the two ways in
        "GET,    /console/login.html,                  PUBLIC",
        "HEAD,   /console/setup.html,                  PUBLIC",
        "GET,    /console/assets/app.js,               PUBLIC",
        "GET,    /console/assets/css/site.css,         PUBLIC",
        "POST,   /console/api/auth/login,              PUBLIC",
        "POST,   /console/api/auth/setup,              PUBLIC",
        // reading needs a user
        "GET,    /console/,                            VIEWER",
        "GET,    /console/index.html,                  VIEWER",
        "GET,    /console/api/auth/me,                 VIEWER",
        "GET,    /console/api/auth/login,              VIEWER",
        "GET,    /api/v1/snapshot,                     VIEWER",
        "HEAD,   /api/v1/devices,                      VIEWER",
        "GET,    /api/v1/control,                      VIEWER",
        "GET,    /api/v1/control/alarms,               VIEWER",
        "GET,    /api/v1/config,                       VIEWER",
        "GET,    /api/v1/config/versions/3,            VIEWER",
        "GET,    /api/v1/economics,                    VIEWER",
        "GET,    /console/economics.html,              VIEWER",
        "GET,    /api/v1/plan,                         VIEWER",
        "GET,    /console/plan.html,                   VIEWER",
        "GET,    /api/v1/ai,                           VIEWER",
        "GET,    /console/ai.html,                     VIEWER",
        "POST,   /console/api/auth/logout,             VIEWER",
        // acting on the container
        "POST,   /api/v1/control/reset,                TECHNICIAN",
        "POST,   /api/v1/control/alarms/ack,           TECHNICIAN",
        "POST,   /api/v1/control/import-cap,           TECHNICIAN",
        "DELETE, /api/v1/control/import-cap,           TECHNICIAN",
        "POST,   /api/v1/control,                      TECHNICIAN",
        "POST,   /api/v1/overrides/maintenance,        TECHNICIAN",
        "POST,   /api/v1/events,                       TECHNICIAN",
        "DELETE, /api/v1/events/dr-7,                  TECHNICIAN",
        "POST,   /api/v1/grid/peak-alert,              TECHNICIAN",
        "GET,    /api/v1/events/dr-7/performance.csv,  VIEWER",
        "GET,    /api/v1/grid,                         VIEWER",
        // configuration and users
        "POST,   /api/v1/config,                       ADMIN",
        "PUT,    /api/v1/config/site,                  ADMIN",
        "DELETE, /api/v1/config/versions/3,            ADMIN",
        "GET,    /console/api/auth/users,              ADMIN",
        "POST,   /console/api/auth/users,              ADMIN",
        "POST,   /console/api/auth/users/bob/password, ADMIN",
        "POST,   /console/api/auth/users/bob/delete,   ADMIN",
        // deny by default: any other change
        "PUT,    /api/v1/control/reset,                ADMIN",
        "DELETE, /api/v1/control/reset,                ADMIN",
        "DELETE, /api/v1/control/import-cap/x,         ADMIN",
        "DELETE, /api/v1/overrides/maintenance,        ADMIN",
        "DELETE, /api/v1/devices,                      ADMIN",
        "DELETE, /api/v1/events,                       ADMIN",
        "DELETE, /api/v1/events/,                      ADMIN",
        "DELETE, /api/v1/events/dr-7/performance.csv,  ADMIN",
        "POST,   /api/v1/events/dr-7,                  ADMIN",
        "PUT,    /api/v1/events/dr-7,                  ADMIN",
        "POST,   /api/v1/snapshot,                     ADMIN",
        "POST,   /api/v1/economics,                    ADMIN",
        "POST,   /api/v1/plan,                         ADMIN",
        "POST,   /api/v1/ai,                           ADMIN",
        "POST,   /console/api/anything,                ADMIN",
        "POST,   /console/assets/app.js,               ADMIN",
        "POST,   /console/login.html,                  ADMIN",
        "OPTIONS, /api/v1/snapshot,                    ADMIN",
        "PATCH,  /api/v1/controlx,                     ADMIN",
        "POST,   /api/v1/control-panel,                ADMIN",
        "DELETE, /console/api/auth/login,              ADMIN",
    })
    void table(String method, String path, Access expected) {
        assertEquals(expected, AccessPolicy.required(method, path));
    }

    @ParameterizedTest
    @CsvSource({
        "GET,  /console/assets/../index.html, VIEWER",
        "GET,  /console/assets/./x.js,        VIEWER",
        "GET,  /console//login.html,          VIEWER",
        "GET,  /console/assets\\..\\x,        VIEWER",
        "POST, /console/api/auth/../auth/login, ADMIN",
        "POST, /api/v1/control/../config,     ADMIN",
        "GET,  console/login.html,            VIEWER",
    })
    void aPathTheContainerShouldHaveNormalisedGetsNoPublicOrLoweredEntry(String method, String path, Access expected) {
        assertEquals(expected, AccessPolicy.required(method, path));
    }

    @Test
    void eachLevelPermitsItsRoleAndTheRolesAbove() {
        assertTrue(Access.PUBLIC.permits(null));
        assertFalse(Access.VIEWER.permits(null));
        assertTrue(Access.VIEWER.permits(Role.VIEWER));
        assertFalse(Access.TECHNICIAN.permits(Role.VIEWER));
        assertTrue(Access.TECHNICIAN.permits(Role.ADMIN));
        assertFalse(Access.ADMIN.permits(Role.TECHNICIAN));
        assertTrue(Access.ADMIN.permits(Role.ADMIN));
    }
}
