package io.containeredge.cloud.sparkplug;

/** The Sparkplug B message types an edge node publishes or receives (STATE belongs to hosts). */
public enum MessageType {
    NBIRTH, NDEATH, NDATA, NCMD, DBIRTH, DDEATH, DDATA, DCMD;

    /** Device-level types carry a device id as the last topic token. */
    public boolean isDeviceLevel() {
        return name().charAt(0) == 'D';
    }
}
