package io.containeredge.site.api;

/**
 * The simulated container's PV plant, behind its import meter (the simulator only).
 *
 * @param ratedKw AC rating of the plant, kW; 0 = no plant
 * @param latitudeDeg where the sun is computed from, degrees north (negative = south)
 * @param longitudeDeg degrees east (negative = west)
 * @param seed seed of the plant's small cloud noise: same seed, same output
 */
public record PvPlantSettings(double ratedKw, double latitudeDeg, double longitudeDeg, long seed) {

    /** West Texas (Midland), where many mining sites sit under a lot of sun. */
    public static final double DEFAULT_LATITUDE_DEG = 31.9;
    public static final double DEFAULT_LONGITUDE_DEG = -102.1;
    public static final long DEFAULT_SEED = 1;
    /** No plant, at the default place. */
    public static final PvPlantSettings NONE = new PvPlantSettings(0, DEFAULT_LATITUDE_DEG, DEFAULT_LONGITUDE_DEG,
            DEFAULT_SEED);

    public boolean present() {
        return ratedKw > 0;
    }
}
