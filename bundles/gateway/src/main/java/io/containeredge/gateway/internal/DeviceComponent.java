package io.containeredge.gateway.internal;

import io.containeredge.gateway.api.SiteService;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.site.api.LoadedSite;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** One polled device: joins its connection's poller while configured, leaves it when removed. */
@Component(service = DeviceComponent.class, configurationPid = DeviceComponent.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = DeviceConfiguration.class, factory = true)
public class DeviceComponent {

    public static final String FACTORY_PID = "io.containeredge.device";

    private final PollingHub hub;
    private final String deviceId;

    @Activate
    public DeviceComponent(DeviceConfiguration config, @Reference SiteService siteService, @Reference PollingHub hub) {
        this.hub = hub;
        this.deviceId = config.device_id();
        LoadedSite site = siteService.site();
        DeviceConfig device = site.config().device(deviceId)
                .orElseThrow(() -> new IllegalArgumentException("device " + deviceId + " is not in the site"));
        hub.add(device, site.profileOf(deviceId), site.config().connection(device.connection()).orElseThrow());
    }

    @Deactivate
    void deactivate() {
        hub.remove(deviceId);
    }
}
