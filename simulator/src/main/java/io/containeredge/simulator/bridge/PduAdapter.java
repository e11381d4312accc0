package io.containeredge.simulator.bridge;

import io.containeredge.simulator.device.DeviceImage;
import io.containeredge.simulator.device.PointWrite;
import io.containeredge.simulator.physics.ContainerModel;
import io.containeredge.simulator.physics.MeteredFeed;

/**
 * A switchable PDU: socket relays (coils {@code socket_NN}) feed miners; miner i sits on the
 * {@code i / socketsPerPdu}-th PDU of the site (role pdu, in file order), socket
 * {@code i % socketsPerPdu + 1}. Socket currents and the PDU's total power follow the miners' power.
 */
final class PduAdapter implements DeviceAdapter {

    /** Miner PSUs run single-phase from 230 V with active PFC. */
    static final double MINER_PF = 0.98;

    private final ContainerModel model;
    private final DeviceImage image;
    private final int firstMiner;
    private final int sockets;

    PduAdapter(ContainerModel model, DeviceImage image, int pduIndex, int socketsPerPdu) {
        this.model = model;
        this.image = image;
        this.firstMiner = pduIndex * socketsPerPdu;
        this.sockets = socketsPerPdu;
    }

    static String socketPoint(int socket) {
        return String.format("socket_%02d", socket);
    }

    private int minerOf(int socket) {
        int miner = firstMiner + socket - 1;
        return miner < model.minerCount() ? miner : -1;
    }

    @Override
    public void init() {
        for (int s = 1; s <= sockets; s++) {
            int miner = minerOf(s);
            image.setIfPresent(socketPoint(s), miner < 0 || model.socketOn(miner));
        }
    }

    @Override
    public void publish() {
        double voltage = model.mainFeed().voltageLn();
        double total = 0;
        for (int s = 1; s <= sockets; s++) {
            int miner = minerOf(s);
            double w = miner < 0 ? 0 : model.miner(miner).powerW();
            total += w;
            image.setIfPresent(String.format("current_%02d", s), w / (voltage * MINER_PF));
        }
        image.setIfPresent("total_power", total);
        image.setIfPresent("voltage", voltage > 0 ? voltage : MeteredFeed.NOMINAL_LN_V);
    }

    @Override
    public void apply(PointWrite w) {
        if (!w.point().startsWith("socket_")) {
            return;
        }
        int socket;
        try {
            socket = Integer.parseInt(w.point().substring("socket_".length()));
        } catch (NumberFormatException e) {
            return;
        }
        int miner = socket >= 1 && socket <= sockets ? minerOf(socket) : -1;
        if (miner >= 0) {
            model.setSocket(miner, w.number() != 0);
        }
    }
}
