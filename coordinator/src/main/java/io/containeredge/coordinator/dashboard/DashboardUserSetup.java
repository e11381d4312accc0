package io.containeredge.coordinator.dashboard;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code java -jar containeredge-site.jar --config <file> --add-user <name>}: adds a dashboard user, or sets an existing
 * one's password, in the configured users file. The password is asked twice without echo on a terminal; from a pipe
 * (provisioning scripts) it is read as two lines. The running coordinator reads the file at each login: no restart.
 */
public final class DashboardUserSetup {

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 256;

    private DashboardUserSetup() {
    }

    /** For the coordinator's main: the process's terminal or standard input; returns the exit code (0 done, 1 not). */
    public static int addUser(Path usersFile, String name) {
        Console console = System.console();
        PasswordSource source = console != null
                ? prompt -> console.readPassword("%s", prompt)
                : lines(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        return addUser(usersFile, name, source, System.out, PasswordDigest.ITERATIONS);
    }

    /** Where the password comes from: a prompt in, the password out (null when there is none). */
    interface PasswordSource {
        char[] read(String prompt) throws IOException;
    }

    static PasswordSource lines(BufferedReader in) {
        return prompt -> {
            String line = in.readLine();
            return line == null ? null : line.toCharArray();
        };
    }

    static int addUser(Path usersFile, String name, PasswordSource source, PrintStream out, int iterations) {
        if (!DashboardUsers.validName(name)) {
            out.println("a user name is 1 to 32 of a-z, 0-9, '.', '_', '-' (not '.' or '..'), got '" + name + "'");
            return 1;
        }
        char[] first = null;
        char[] second = null;
        try {
            first = source.read("password for " + name + ": ");
            second = source.read("again: ");
            if (first == null || second == null) {
                out.println("no password given: " + name + " was not added");
                return 1;
            }
            if (!Arrays.equals(first, second)) {
                out.println("the two passwords differ: " + name + " was not added");
                return 1;
            }
            if (first.length < MIN_PASSWORD || first.length > MAX_PASSWORD) {
                out.println("a password has " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters: " + name
                        + " was not added");
                return 1;
            }
            new DashboardUsers(usersFile).put(name, PasswordDigest.of(first, iterations));
            out.println("dashboard user " + name + " stored in " + usersFile);
            return 0;
        } catch (IOException e) {
            out.println("could not store " + name + ": " + e.getMessage());
            return 1;
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }
}
