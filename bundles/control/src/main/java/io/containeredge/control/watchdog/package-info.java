/**
 * The systemd watchdog: {@link io.containeredge.control.watchdog.WatchdogPolicy} decides from the time
 * of the last healthy control cycle whether the process still deserves to live, and
 * {@link io.containeredge.control.watchdog.SystemdNotifier} tells systemd so. A control cycle that
 * stalls stops the notifications and systemd restarts the gateway.
 * {@link io.containeredge.control.watchdog.ServiceStatusLine} is the line {@code systemctl status} shows.
 * Private to the control bundle.
 */
package io.containeredge.control.watchdog;
