package io.containeredge.gateway.webserver;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names a browser may reach the web server by, for the self-signed certificate's subjectAltName in
 * keytool's syntax: the machine's host name, the bind address (or every interface's address when it
 * binds to all), and loopback for a technician coming through an SSH tunnel. A browser still warns
 * about the self-signed issuer; matching names spare it a second warning, which is also why a stored
 * certificate is checked against these names on every start.
 */
final class SubjectAltNames {

    /** Only names keytool and browsers accept; anything else (e.g. an underscore) is left out. */
    private static final Pattern DNS_NAME =
            Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("[0-9.]+");
    private static final List<String> LOOPBACK = List.of("dns:localhost", "ip:127.0.0.1", "ip:0:0:0:0:0:0:0:1");
    /** The GeneralName tags {@link X509Certificate#getSubjectAlternativeNames()} reports (RFC 5280). */
    private static final int DNS_NAME_TAG = 2;
    private static final int IP_ADDRESS_TAG = 7;
    private static final Logger LOG = LoggerFactory.getLogger(SubjectAltNames.class);

    private SubjectAltNames() {
    }

    static List<String> forBind(String bind) {
        Set<String> names = new LinkedHashSet<>();
        hostName().ifPresent(host -> names.add("dns:" + host));
        if (DNS_NAME.matcher(bind).matches() && !IPV4.matcher(bind).matches()) {
            names.add("dns:" + bind);
        }
        for (InetAddress address : addresses(bind)) {
            // an interface's IPv6 address carries its zone (%eth0), which is no part of a certificate name
            names.add("ip:" + address.getHostAddress().replaceFirst("%.*", ""));
        }
        names.addAll(LOOPBACK);
        return List.copyOf(names);
    }

    /**
     * The entries of {@code wanted} that the certificate's subjectAltName lacks. The JDK reports a
     * certificate's IP addresses as {@link InetAddress#getHostAddress()} writes them, which is how
     * {@link #forBind} writes them, so the two compare as text; DNS names compare regardless of case,
     * as browsers match them.
     */
    static List<String> missingFrom(X509Certificate certificate, List<String> wanted)
            throws CertificateParsingException {
        Set<String> carried = new LinkedHashSet<>();
        inCertificate(certificate).forEach(name -> carried.add(name.toLowerCase(Locale.ROOT)));
        return wanted.stream().filter(name -> !carried.contains(name.toLowerCase(Locale.ROOT))).toList();
    }

    /** The certificate's DNS names and IP addresses in keytool's syntax; other kinds of name are left out. */
    static List<String> inCertificate(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
        if (entries == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (List<?> entry : entries) {
            Object tag = entry.get(0);
            if (tag.equals(DNS_NAME_TAG)) {
                names.add("dns:" + entry.get(1));
            } else if (tag.equals(IP_ADDRESS_TAG)) {
                names.add("ip:" + entry.get(1));
            }
        }
        return names;
    }

    private static Optional<String> hostName() {
        try {
            return Optional.of(InetAddress.getLocalHost().getHostName()).filter(h -> DNS_NAME.matcher(h).matches());
        } catch (UnknownHostException e) {
            LOG.debug("no host name for the certificate: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static List<InetAddress> addresses(String bind) {
        try {
            InetAddress[] bound = InetAddress.getAllByName(bind);
            if (bound.length == 1 && bound[0].isAnyLocalAddress()) {
                return interfaceAddresses();
            }
            return List.of(bound);
        } catch (UnknownHostException | SocketException e) {
            LOG.debug("bind address {} left out of the certificate: {}", bind, e.getMessage());
            return List.of();
        }
    }

    /** Link-local addresses are left out: they need a zone, which no certificate can name. */
    private static List<InetAddress> interfaceAddresses() throws SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (!address.isLinkLocalAddress()) {
                    addresses.add(address);
                }
            }
        }
        return addresses;
    }
}
