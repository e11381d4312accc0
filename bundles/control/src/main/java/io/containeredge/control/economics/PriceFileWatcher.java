package io.containeredge.control.economics;

import io.containeredge.control.api.EconomicsStatus;
import io.containeredge.control.api.PriceSlot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the local price file the site's own fetcher writes, by its modification time and size every few seconds
 * (cheap, and robust where file events are not: network and bind mounts, editors that replace the file). Each new
 * version goes the way a {@code price.update} goes ({@code ControlService.updatePrices}, the one check of every
 * price feed); a version that cannot be read or is refused is logged as an error, raises
 * {@code economics.price-file} and changes nothing. A version is tried once: an unchanged file is not taken again.
 */
public final class PriceFileWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(PriceFileWatcher.class);

    private final Path file;
    private final BiConsumer<List<PriceSlot>, String> updatePrices;
    private final EconomicInputs inputs;
    private final LongSupplier wallClock;
    private Version seen;
    private boolean missingLogged;

    /** A version of the file as its attributes tell it apart. */
    private record Version(long modifiedMillis, long size) {
    }

    /**
     * @param updatePrices the controller's {@code updatePrices}: it checks, and throws IllegalArgumentException with
     *     the reason when it refuses
     */
    public PriceFileWatcher(Path file, BiConsumer<List<PriceSlot>, String> updatePrices, EconomicInputs inputs,
            LongSupplier wallClock) {
        this.file = file;
        this.updatePrices = updatePrices;
        this.inputs = inputs;
        this.wallClock = wallClock;
        inputs.priceFileSeen(new EconomicsStatus.PriceFile(file.toString(), 0, 0, null));
    }

    /** Takes the file if it changed since last seen; never throws, so a scheduled check is never cancelled. */
    public void check() {
        Version version;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            version = new Version(a.lastModifiedTime().toMillis(), a.size());
        } catch (NoSuchFileException e) {
            if (!missingLogged) {
                LOG.info("economics: price file {} not written yet: the tariff applies until it is", file);
                missingLogged = true;
            }
            return;
        } catch (IOException e) {
            refuse("not readable: " + e.getMessage());
            return;
        }
        if (version.equals(seen)) {
            return;
        }
        seen = version;
        try {
            List<PriceSlot> slots = PriceFileReader.read(Files.readString(file));
            updatePrices.accept(slots, "file:" + file);
            inputs.priceFileSeen(new EconomicsStatus.PriceFile(file.toString(), wallClock.getAsLong(), slots.size(),
                    null));
        } catch (IOException | IllegalArgumentException e) {
            refuse(e.getMessage());
        } catch (RuntimeException e) { // NOPMD: whatever a file does, the watcher keeps running and says why
            refuse(e.toString());
        }
    }

    /** Logged once per problem: an unreadable file is retried every check. */
    private void refuse(String why) {
        EconomicsStatus.PriceFile before = inputs.priceFile().orElseThrow();
        if (!why.equals(before.problem())) {
            LOG.error("economics: price file {} refused, the prices taken before stay in force: {}", file, why);
        }
        inputs.priceFileSeen(new EconomicsStatus.PriceFile(file.toString(), before.appliedMillis(), before.slots(),
                why));
    }
}
