package io.containeredge.control.actuators;

import io.containeredge.modbus.image.Snapshot;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.util.List;
import java.util.Locale;

/**
 * Which PDU socket feeds which miner: miner i is on the (i / socketsPerPdu)-th PDU of the site, socket
 * {@code socket_NN} with NN = i % socketsPerPdu + 1, as the site's miners section documents.
 */
public final class PduMap {

    private final List<String> pdus;
    private final int socketsPerPdu;
    /** The point names by socket, made once: the loop asks for every miner's every cycle. */
    private final String[] socketPoints;
    private final String[] socketPowerPoints;

    public PduMap(SiteConfig site) {
        this.pdus = site.enabledDevicesWithRole("pdu");
        this.socketsPerPdu = site.miners().socketsPerPdu();
        this.socketPoints = new String[socketsPerPdu];
        this.socketPowerPoints = new String[socketsPerPdu];
        for (int i = 0; i < socketsPerPdu; i++) {
            socketPoints[i] = String.format(Locale.ROOT, "socket_%02d", i + 1);
            socketPowerPoints[i] = String.format(Locale.ROOT, "power_%02d", i + 1);
        }
    }

    /** The PDU device of a miner, or null when the site has no PDU for it. */
    public String device(int miner) {
        int pdu = miner / socketsPerPdu;
        return pdu < pdus.size() ? pdus.get(pdu) : null;
    }

    public String socketPoint(int miner) {
        return socketPoints[miner % socketsPerPdu];
    }

    /** The point of a PDU profile that meters the miner's socket's power, W, where the profile has one. */
    public String socketPowerPoint(int miner) {
        return socketPowerPoints[miner % socketsPerPdu];
    }

    /** What the miner's socket draws by its PDU's meter, W; NaN where the site or its PDU's profile has none. */
    public double socketPowerW(Snapshot s, int miner) {
        String device = device(miner);
        return device == null ? Double.NaN : s.get(device, socketPowerPoint(miner)).asDouble();
    }

    /** True only if the socket is known to be off; an unknown socket state is not taken as off. */
    public boolean isCut(Snapshot s, int miner) {
        String device = device(miner);
        if (device == null) {
            return false;
        }
        PointValue v = s.get(device, socketPoint(miner));
        return v.quality() == Quality.GOOD && Boolean.FALSE.equals(v.value());
    }
}
