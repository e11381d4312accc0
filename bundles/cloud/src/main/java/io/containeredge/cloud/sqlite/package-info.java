/**
 * Opening the gateway's SQLite files ({@code outbound.db}, {@code requests.db}) with one set of
 * settings and one schema history each. Plain Java, no OSGi.
 *
 * <h2>Formats and migration</h2>
 * A file's schema version is its {@code PRAGMA user_version} (0: empty, or written before versions
 * were kept). Each store lists its {@link io.containeredge.cloud.sqlite.SchemaMigration}s in order:
 * step {@code n} turns version {@code n} into {@code n + 1}, and a released step is never edited, only
 * followed by new ones. At open, {@link io.containeredge.cloud.sqlite.SqliteStore} takes the exclusive
 * lock, sets WAL with {@code synchronous=FULL}, runs {@code quick_check}, then applies the missing steps,
 * each in one transaction with its version bump: a crash or a failing statement leaves the file at the
 * previous version with its data, and the next start tries again. A file whose version is newer than
 * the newest step (a rollback to an older release) is refused with its name and both versions, before
 * anything is written to it; the store does not start until that release runs again or the file is
 * moved aside.
 */
package io.containeredge.cloud.sqlite;
