package io.containeredge.simulator.physics;

import java.time.LocalDate;

/**
 * The sun's elevation above the horizon for a place and a UTC instant, by the usual low-precision formulas
 * (good to about a degree, plenty for a PV plant's shape): the solar declination from the day of the year
 * (Cooper: 23.45 deg * sin(360/365 * (284 + n))), the hour angle from the UTC time of day shifted by the
 * longitude (15 deg per hour; the equation of time, at most ~16 minutes, is left out), then
 * sin(elevation) = sin(lat) sin(decl) + cos(lat) cos(decl) cos(hour angle). Pure.
 */
public final class SolarPosition {

    private static final long DAY_MILLIS = 86_400_000L;

    private SolarPosition() {
    }

    /** Sine of the sun's elevation; negative while the sun is below the horizon. */
    public static double sinElevation(double latitudeDeg, double longitudeDeg, long epochMillis) {
        long days = Math.floorDiv(epochMillis, DAY_MILLIS);
        int dayOfYear = LocalDate.ofEpochDay(days).getDayOfYear();
        double utcHours = Math.floorMod(epochMillis, DAY_MILLIS) / 3_600_000.0;
        double declination = Math.toRadians(23.45 * Math.sin(Math.toRadians(360.0 / 365 * (284 + dayOfYear))));
        double solarHours = utcHours + longitudeDeg / 15.0;
        double hourAngle = Math.toRadians(15.0 * (solarHours - 12));
        double lat = Math.toRadians(latitudeDeg);
        return Math.sin(lat) * Math.sin(declination) + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle);
    }
}
