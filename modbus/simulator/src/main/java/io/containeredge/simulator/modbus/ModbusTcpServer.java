package io.containeredge.simulator.modbus;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Modbus TCP server serving several unit ids on one port, like the Modbus gateway of a container
 * (CDU on unit 1, meters on 4-7, PDUs on 9-20 behind one IP address).
 *
 * <p>One thread per client connection: a gateway has a handful of clients, and a blocking loop makes
 * per-unit delays ({@link UnitFaults#delayMillis()}) trivial and faithful (a slow RS485 device behind
 * a gateway delays everything queued behind it on that connection).
 *
 * <p>Protocol errors: an MBAP header with a protocol id other than 0 or a length outside 2..254 is
 * garbage, and that connection is closed (we cannot resynchronise a TCP stream); the server and the
 * other connections carry on. A well-framed but bad PDU gets an exception response. An unknown unit
 * id gets exception 0x0B (gateway target device failed to respond), as real gateways answer.
 *
 * <p>Faults per unit: offline (request swallowed, the client times out), slow (response delayed),
 * exception (every request answered with a fixed code), malformed (the response PDU is cut in half
 * while the MBAP length matches the bytes sent, so a client sees a short, unparsable response).
 */
public final class ModbusTcpServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ModbusTcpServer.class.getName());
    /** A frame that has started must complete within this time, or the connection is dropped. */
    private static final int FRAME_TIMEOUT_MS = 5000;
    private static final int MAX_CONNECTIONS = 64;

    private final ServerSocket serverSocket;
    private final Map<Integer, Unit> units = new ConcurrentHashMap<>();
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final Thread acceptor;
    private volatile boolean closed;

    private record Unit(RegisterSpace space, UnitFaults faults) {
    }

    /**
     * Binds at once; requests are served after {@link #start()}.
     *
     * @param address a loopback address: the simulator must never be reachable from the network
     * @param port the port, or 0 for an ephemeral one (see {@link #port()})
     */
    public ModbusTcpServer(InetAddress address, int port) throws IOException {
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("refusing to bind the simulator to non-loopback address "
                    + address.getHostAddress() + ": use 127.0.0.1");
        }
        serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(address, port), 50);
        String name = "modbus-sim-" + serverSocket.getLocalPort();
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-conn");
            t.setDaemon(true);
            return t;
        });
        acceptor = new Thread(this::acceptLoop, name + "-accept");
        acceptor.setDaemon(true);
    }

    /** Adds (or replaces) a unit id; the returned faults object controls its fault behaviour. */
    public UnitFaults addUnit(int unitId, RegisterSpace space) {
        if (unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException("unit id must be 0..255");
        }
        UnitFaults faults = new UnitFaults();
        units.put(unitId, new Unit(space, faults));
        return faults;
    }

    public ModbusTcpServer start() {
        acceptor.start();
        return this;
    }

    /** The bound port, useful when 0 was asked for. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    public InetAddress address() {
        return serverSocket.getInetAddress();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = serverSocket.accept();
                if (clients.size() >= MAX_CONNECTIONS) {
                    s.close();
                    continue;
                }
                s.setTcpNoDelay(true);
                clients.add(s);
                workers.execute(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "accept failed on port " + port(), e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; DataInputStream in = new DataInputStream(socket.getInputStream())) {
            OutputStream out = socket.getOutputStream();
            byte[] header = new byte[7];
            while (!closed) {
                socket.setSoTimeout(0);
                int first = in.read();
                if (first < 0) {
                    return;
                }
                socket.setSoTimeout(FRAME_TIMEOUT_MS);
                header[0] = (byte) first;
                in.readFully(header, 1, 6);
                int protocol = PduHandler.u16(header, 2);
                int length = PduHandler.u16(header, 4);
                if (protocol != 0 || length < 2 || length > 254) {
                    LOG.fine(() -> "garbage MBAP header on port " + port() + ", closing connection");
                    return;
                }
                byte[] pdu = new byte[length - 1];
                in.readFully(pdu);
                byte[] response = respond(header[6] & 0xFF, pdu);
                if (response != null) {
                    out.write(frame(header, response));
                    out.flush();
                }
            }
        } catch (EOFException | SocketTimeoutException | SocketException e) {
            // client went away or sent half a frame: drop this connection only
        } catch (IOException e) {
            LOG.log(Level.FINE, "connection error on port " + port(), e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "bug while serving a request on port " + port() + "; connection closed", e);
        } finally {
            clients.remove(socket);
        }
    }

    /** The response PDU for a request, or null for no response at all (offline unit). */
    private byte[] respond(int unitId, byte[] pdu) {
        Unit unit = units.get(unitId);
        int fc = pdu[0] & 0xFF;
        if (unit == null) {
            return PduHandler.exception(fc, ModbusError.GATEWAY_TARGET_FAILED);
        }
        UnitFaults faults = unit.faults();
        if (faults.offline()) {
            return null;
        }
        byte[] response = faults.exceptionCode() != 0
                ? PduHandler.exception(fc, faults.exceptionCode())
                : PduHandler.handle(unit.space(), pdu);
        long delay = faults.delayMillis();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        if (faults.offline()) {
            return null;
        }
        if (faults.malformed()) {
            response = Arrays.copyOf(response, Math.max(1, response.length / 2));
        }
        return response;
    }

    private static byte[] frame(byte[] requestHeader, byte[] pdu) {
        byte[] out = new byte[7 + pdu.length];
        out[0] = requestHeader[0];
        out[1] = requestHeader[1];
        int length = pdu.length + 1;
        out[4] = (byte) (length >> 8);
        out[5] = (byte) length;
        out[6] = requestHeader[6];
        System.arraycopy(pdu, 0, out, 7, pdu.length);
        return out;
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : clients) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        workers.shutdownNow();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
