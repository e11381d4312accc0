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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Modbus server on a TCP port serving several unit ids, like the Modbus gateway of a container
 * (CDU on unit 1, meters on 4-7, PDUs on 9-20 behind one IP address). The {@link Framing} is MBAP
 * for Modbus TCP, or RTU for an RTU-over-TCP converter (a serial bus tunnelled through TCP).
 *
 * <p>One thread per client connection: a gateway has a handful of clients, and a blocking loop makes
 * per-unit delays ({@link UnitFaults#delayMillis()}) trivial and faithful (a slow RS485 device behind
 * a gateway delays everything queued behind it on that connection).
 *
 * <p>Protocol errors: a frame the framing refuses (garbage, a bad RTU CRC) gets no response and that
 * connection is closed, because a TCP stream cannot be resynchronised; the server and the other
 * connections carry on. A well-framed but bad PDU gets an exception response. What an unknown unit
 * id gets is the framing's choice ({@link Framing#unknownUnit}). Faults per unit: see
 * {@link UnitTable#respond}.
 */
public final class ModbusTcpServer implements ModbusServer {

    private static final Logger LOG = Logger.getLogger(ModbusTcpServer.class.getName());
    /** A frame that has started must complete within this time, or the connection is dropped. */
    private static final int FRAME_TIMEOUT_MS = 5000;
    private static final int MAX_CONNECTIONS = 64;

    private final ServerSocket serverSocket;
    private final Framing framing;
    private final UnitTable units = new UnitTable();
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final Thread acceptor;
    private volatile boolean closed;

    /** A Modbus TCP (MBAP) server; see {@link #ModbusTcpServer(InetAddress, int, Framing)}. */
    public ModbusTcpServer(InetAddress address, int port) throws IOException {
        this(address, port, new MbapFraming());
    }

    /**
     * Binds at once; requests are served after {@link #start()}.
     *
     * @param address a loopback address: the simulator must never be reachable from the network
     * @param port the port, or 0 for an ephemeral one (see {@link #port()})
     * @param framing MBAP for Modbus TCP, RTU for RTU over TCP
     */
    public ModbusTcpServer(InetAddress address, int port, Framing framing) throws IOException {
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("refusing to bind the simulator to non-loopback address "
                    + address.getHostAddress() + ": use 127.0.0.1");
        }
        this.framing = framing;
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

    @Override
    public UnitFaults addUnit(int unitId, RegisterSpace space) {
        return units.add(unitId, space);
    }

    @Override
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

    /** {@code host:port}, with the framing named unless it is plain Modbus TCP. */
    @Override
    public String endpoint() {
        String at = address().getHostAddress() + ":" + port();
        return framing instanceof MbapFraming ? at : at + " (rtu-over-tcp)";
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
            while (!closed) {
                socket.setSoTimeout(0);
                int first = in.read();
                if (first < 0) {
                    return;
                }
                socket.setSoTimeout(FRAME_TIMEOUT_MS);
                Framing.Request request = framing.read(first, in);
                byte[] response = units.respond(request.unitId(), request.pdu(), framing);
                if (response != null) {
                    out.write(framing.frame(request, response));
                    out.flush();
                }
            }
        } catch (Framing.BadFrameException e) {
            LOG.fine(() -> e.getMessage() + " on port " + port() + ", closing connection");
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
