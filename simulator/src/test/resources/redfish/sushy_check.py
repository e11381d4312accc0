"""Reads a simulated BMC's chassis and power with sushy, an independent Redfish client, and sets a power limit.

Arguments: base URL, user, password, CA file, chassis path, power limit in watts. Prints one line per finding.
"""
import sys

import sushy
from sushy import connector as sushy_connector

url, user, password, ca, chassis_path, limit = sys.argv[1:7]
conn = sushy_connector.Connector(url, verify=ca)
root = sushy.Sushy(url, username=user, password=password, verify=ca, connector=conn)
print("redfish", root.redfish_version)
chassis = root.get_chassis(chassis_path)
print("chassis", chassis.identity, chassis.chassis_type, chassis.power_state)
power = chassis.power
control = power.json["PowerControl"][0]
print("consumed", control["PowerConsumedWatts"])
# sushy models no PowerControl: the limit goes through its connector, with its session
conn.patch(power.path, data={"PowerControl": [{"PowerLimit": {"LimitInWatts": float(limit),
                                                             "LimitException": "LogEventOnly"}}]})
power.refresh()
print("limit", power.json["PowerControl"][0]["PowerLimit"]["LimitInWatts"])
