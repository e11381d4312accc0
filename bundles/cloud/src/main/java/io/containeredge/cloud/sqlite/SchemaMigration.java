package io.containeredge.cloud.sqlite;

import java.util.List;

/**
 * One step of a store's schema: the statements that turn schema version {@code n} into {@code n + 1},
 * where {@code n} is the step's index in the store's list. Run in one transaction together with the
 * version bump, so a step is either done completely or not at all.
 *
 * @param purpose what the step does, for log and error messages
 */
public record SchemaMigration(String purpose, List<String> statements) {

    public SchemaMigration {
        statements = List.copyOf(statements);
    }
}
