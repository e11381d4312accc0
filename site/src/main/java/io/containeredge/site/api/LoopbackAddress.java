package io.containeredge.site.api;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Tells whether a bind address is a loopback address without asking DNS: the validator must give the
 * same answer on any machine, at any time. A host name other than {@code localhost} counts as
 * reachable from the network, since it could resolve to anything.
 */
final class LoopbackAddress {

    private LoopbackAddress() {
    }

    static boolean is(String bind) {
        String address = bind.startsWith("[") && bind.endsWith("]") ? bind.substring(1, bind.length() - 1) : bind;
        if (address.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (address.contains(":")) {
            return ipv6Loopback(address);
        }
        return ipv4Loopback(address);
    }

    /** A colon makes {@link InetAddress} parse the text as an IPv6 literal; it never resolves it. */
    private static boolean ipv6Loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    private static boolean ipv4Loopback(String address) {
        String[] octets = address.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return octets[0].equals("127");
    }
}
