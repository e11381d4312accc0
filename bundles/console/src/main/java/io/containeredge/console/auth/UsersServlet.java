package io.containeredge.console.auth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.console.security.AccountException;
import io.containeredge.console.security.AccountSummary;
import io.containeredge.console.security.ConsoleSecurity;
import io.containeredge.console.security.Role;
import io.containeredge.http.api.Json;
import io.containeredge.http.api.JsonAnswers;
import io.containeredge.http.api.RequestRefused;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * User administration (administrators only, enforced by the filter's policy): {@code GET
 * /console/api/auth/users} (names and roles), {@code POST .../users {name, role, password}},
 * {@code POST .../users/<name>/password {password}}, {@code POST .../users/<name>/delete}. A password
 * change or a deletion ends that user's other sessions; the last administrator cannot be deleted.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/console/api/auth/users", "/console/api/auth/users/*"})
public class UsersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ConsoleSecurity security;

    @Activate
    public UsersServlet(@Reference ConsoleSecurity security) {
        this.security = security;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getPathInfo() != null && !"/".equals(req.getPathInfo())) {
            JsonAnswers.error(resp, 404, "GET is accepted on /console/api/auth/users");
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("users");
        for (AccountSummary user : security.users()) {
            list.addObject().put("name", user.name()).put("role", user.role().name().toLowerCase(Locale.ROOT));
        }
        JsonAnswers.send(resp, 200, body);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] parts = req.getPathInfo() == null ? new String[0] : req.getPathInfo().substring(1).split("/", -1);
        try {
            if (parts.length == 0 || (parts.length == 1 && parts[0].isEmpty())) {
                ObjectNode body = AccountRequests.BODY.read(req);
                String name = AccountRequests.text(body, "name");
                security.addUser(name, role(AccountRequests.text(body, "role")), AccountRequests.text(body, "password"));
                ObjectNode created = Json.MAPPER.createObjectNode().put("created", name);
                JsonAnswers.send(resp, 201, created);
            } else if (parts.length == 2 && "password".equals(parts[1])) {
                ObjectNode body = AccountRequests.BODY.read(req);
                security.changePassword(parts[0], AccountRequests.text(body, "password"), SessionCookie.read(req));
                JsonAnswers.send(resp, 200, Json.MAPPER.createObjectNode().put("passwordChanged", parts[0]));
            } else if (parts.length == 2 && "delete".equals(parts[1])) {
                security.deleteUser(parts[0]);
                JsonAnswers.send(resp, 200, Json.MAPPER.createObjectNode().put("deleted", parts[0]));
            } else {
                JsonAnswers.error(resp, 404, "POST is accepted on /console/api/auth/users,"
                        + " /users/<name>/password and /users/<name>/delete");
            }
        } catch (RequestRefused e) {
            JsonAnswers.error(resp, e.status(), e.getMessage());
        } catch (AccountException e) {
            JsonAnswers.error(resp, status(e.reason()), e.getMessage());
        }
    }

    /** The HTTP status for each refusal of a change to the users. */
    static int status(AccountException.Reason reason) {
        return switch (reason) {
            case INVALID -> 422;
            case NOT_FOUND -> 404;
            case EXISTS, LAST_ADMIN, SETUP_DONE -> 409;
        };
    }

    private static Role role(String text) throws AccountException {
        try {
            return Role.valueOf(text == null ? "" : text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AccountException(AccountException.Reason.INVALID, "a role is one of viewer, technician, admin");
        }
    }
}
