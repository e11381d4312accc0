/**
 * The console's local history: the last hour at 1 s and the last 24 hours at 1 min, in two ring files
 * of constant size in {@code <data>/history/}. Entry point: {@link io.containeredge.console.history.HistoryStore}.
 *
 * <h2>File formats and migration</h2>
 * A ring file starts with a header whose magic ({@code CEHIST} + a 16-bit format number) says how to
 * read the rest ({@code RingHeader}). Format 2, written now, records the slot count and the column
 * names (the {@link io.containeredge.console.history.HistorySeries} keys); format 1, written by the
 * first release, recorded only a hash of its names, whose list is kept in the code. When a file's
 * format, slots or columns differ from the release's, it is rewritten before use with every record
 * moved by column name (a new column reads NaN, a dropped one goes away), as a new file that is
 * forced and renamed over the old one: a power cut leaves one of the two, and the next start migrates
 * again. A file that is not a ring or is of a newer format (a rollback) is never overwritten: it is
 * renamed to {@code <name>.unreadable-<epoch ms>}, a warning is logged and the ring starts empty. A new
 * format number is needed only when the header or record layout itself changes; then the reader of
 * the old format stays.
 */
package io.containeredge.console.history;
