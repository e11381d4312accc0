package io.containeredge.control.redfish;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** Why a request to a BMC failed, in words for a reading's problem and an alarm. */
final class RedfishProblems {

    private RedfishProblems() {
    }

    /** The failure under the futures' wrapping. */
    static Throwable cause(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String describe(Throwable e, Duration timeout) {
        Throwable t = cause(e);
        if (t instanceof HttpConnectTimeoutException) {
            return "no connection within " + timeout.toMillis() + " ms";
        }
        if (t instanceof HttpTimeoutException) {
            return "timeout: no answer within " + timeout.toMillis() + " ms";
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        if (t instanceof RedfishException) {
            return t.getMessage();
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CertificateException) {
                return "certificate refused: " + c.getMessage();
            }
        }
        if (t instanceof SSLException) {
            return "TLS failed: " + t.getMessage();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
