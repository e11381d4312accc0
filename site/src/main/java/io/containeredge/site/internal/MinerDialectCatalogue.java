package io.containeredge.site.internal;

import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.site.api.MinerDialect;
import io.containeredge.site.api.MinerDialects;

/** Loads firmware dialects: the shipped {@code dialects/}, then a configuration directory's over them. */
public final class MinerDialectCatalogue {

    private static final ShippedDocuments<MinerDialect> DOCUMENTS =
            new ShippedDocuments<>("dialects/", MinerDialectParser::parse);
    /** Shipped documents do not change while the bundle runs: parsed once. */
    private static volatile ShippedDocuments.Loaded<MinerDialect> shipped;
    private static volatile MinerDialects builtIn;

    private MinerDialectCatalogue() {
    }

    public static MinerDialects builtIn() {
        MinerDialects loaded = builtIn;
        if (loaded == null) {
            loaded = of(shipped());
            builtIn = loaded;
        }
        return loaded;
    }

    /** The shipped dialects, with those of the source's directory (if any) over them. */
    public static MinerDialects load(ConfigSource source) {
        ShippedDocuments.Loaded<MinerDialect> loaded = DOCUMENTS.load(source, shipped());
        return loaded == shipped ? builtIn() : of(loaded);
    }

    private static ShippedDocuments.Loaded<MinerDialect> shipped() {
        ShippedDocuments.Loaded<MinerDialect> loaded = shipped;
        if (loaded == null) {
            loaded = DOCUMENTS.builtIn();
            shipped = loaded;
        }
        return loaded;
    }

    private static MinerDialects of(ShippedDocuments.Loaded<MinerDialect> loaded) {
        return new MinerDialects(loaded.byId(), loaded.errors());
    }
}
