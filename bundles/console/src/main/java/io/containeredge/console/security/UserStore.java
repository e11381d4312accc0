package io.containeredge.console.security;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's users in {@code <data dir>/console-users.json}. Every change is written durably before
 * it takes effect, and a change that cannot be written takes no effect. Hashing happens outside the
 * lock so one slow login does not hold up the others.
 */
public final class UserStore {

    public static final String FILE_NAME = "console-users.json";

    private final Path file;
    private final PasswordHasher hasher;
    /** Compared against when the name is unknown, so an unknown name costs the same time as a wrong password. */
    private final PasswordHash decoy;
    private Map<String, StoredUser> users;

    /** Opens the store in {@code dataDir}, reading the users file if there is one. */
    public UserStore(Path dataDir, PasswordHasher hasher) throws IOException {
        this.file = dataDir.resolve(FILE_NAME);
        this.hasher = hasher;
        this.decoy = hasher.hash(SecretTokens.random(16).toCharArray());
        this.users = Collections.unmodifiableMap(UserFile.read(file));
    }

    public synchronized boolean isEmpty() {
        return users.isEmpty();
    }

    /** Names and roles, in the order they were created. */
    public synchronized List<AccountSummary> list() {
        return users.values().stream().map(u -> new AccountSummary(u.name(), u.role())).toList();
    }

    /** The user when the name exists and the password is its password; empty otherwise, after the same work. */
    public Optional<ConsoleUser> authenticate(String name, char[] password) {
        StoredUser user;
        synchronized (this) {
            user = name == null ? null : users.get(name);
        }
        boolean matches = hasher.matches(password, user == null ? decoy : user.password());
        return matches && user != null ? Optional.of(new ConsoleUser(user.name(), user.role(), false)) : Optional.empty();
    }

    /** Adds a user; refused when the name is taken or name or password break the rules. */
    public void add(String name, Role role, String password) throws AccountException, IOException {
        StoredUser user = newUser(name, role, password);
        synchronized (this) {
            if (users.containsKey(name)) {
                throw new AccountException(AccountException.Reason.EXISTS, "user '" + name + "' exists");
            }
            save(with(user));
        }
    }

    /** Adds the first administrator; refused once any user exists, so setup works exactly once. */
    public void addFirstAdministrator(String name, String password) throws AccountException, IOException {
        StoredUser user = newUser(name, Role.ADMIN, password);
        synchronized (this) {
            if (!users.isEmpty()) {
                throw new AccountException(AccountException.Reason.SETUP_DONE, "setup is done: log in instead");
            }
            save(with(user));
        }
    }

    public void changePassword(String name, String password) throws AccountException, IOException {
        AccountRules.checkPassword(password);
        PasswordHash hash = hasher.hash(password.toCharArray());
        synchronized (this) {
            StoredUser old = existing(name);
            save(with(new StoredUser(old.name(), old.role(), hash)));
        }
    }

    /** Deletes a user; never the last administrator, so the console can always be administered. */
    public synchronized void delete(String name) throws AccountException, IOException {
        StoredUser user = existing(name);
        if (user.role() == Role.ADMIN && users.values().stream().filter(u -> u.role() == Role.ADMIN).count() == 1) {
            throw new AccountException(AccountException.Reason.LAST_ADMIN, "'" + name + "' is the last administrator");
        }
        Map<String, StoredUser> next = new LinkedHashMap<>(users);
        next.remove(name);
        save(next);
    }

    private StoredUser newUser(String name, Role role, String password) throws AccountException {
        AccountRules.checkName(name);
        AccountRules.checkPassword(password);
        if (role == null) {
            throw new AccountException(AccountException.Reason.INVALID, "a role is one of viewer, technician, admin");
        }
        return new StoredUser(name, role, hasher.hash(password.toCharArray()));
    }

    private StoredUser existing(String name) throws AccountException {
        StoredUser user = name == null ? null : users.get(name);
        if (user == null) {
            throw new AccountException(AccountException.Reason.NOT_FOUND, "no user '" + name + "'");
        }
        return user;
    }

    private Map<String, StoredUser> with(StoredUser user) {
        Map<String, StoredUser> next = new LinkedHashMap<>(users);
        next.put(user.name(), user);
        return next;
    }

    /** Writes first: the new list replaces the old in memory only once it is on disk. */
    private void save(Map<String, StoredUser> next) throws IOException {
        UserFile.write(file, next.values());
        users = Collections.unmodifiableMap(next);
    }
}
