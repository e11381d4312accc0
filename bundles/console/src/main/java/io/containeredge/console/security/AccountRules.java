package io.containeredge.console.security;

import java.util.regex.Pattern;

/** What a user name and a password must look like; every way in (setup, admin, file) checks the same. */
public final class AccountRules {

    public static final int MIN_PASSWORD_LENGTH = 12;
    /** PBKDF2 hashes any length; the cap only keeps a hostile request from making every hash slow. */
    public static final int MAX_PASSWORD_LENGTH = 256;
    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,32}");

    private AccountRules() {
    }

    /** Also refuses "." and "..": a name must stay usable as a path segment ({@code /users/<name>/delete}). */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
    }

    /** @throws AccountException (invalid) naming what is wrong with the name */
    public static void checkName(String name) throws AccountException {
        if (!validName(name)) {
            throw new AccountException(AccountException.Reason.INVALID,
                    "a user name is 1 to 32 of a-z, 0-9, '.', '_', '-' (not '.' or '..')");
        }
    }

    /** @throws AccountException (invalid) naming what is wrong with the password, never echoing it */
    public static void checkPassword(String password) throws AccountException {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccountException(AccountException.Reason.INVALID,
                    "a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new AccountException(AccountException.Reason.INVALID,
                    "a password has at most " + MAX_PASSWORD_LENGTH + " characters");
        }
    }
}
