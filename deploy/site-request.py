#!/usr/bin/python3
"""A sample sender of signed site requests to the site coordinator, written apart from it: Python's own hmac and json,
Debian's paho-mqtt (apt-get install python3-paho-mqtt). The coordinator's tests use it as an independent peer.

usage: deploy/site-request.py <host> <port> <site> <keyId> <base64 secret> <request id> <action> <params JSON> [copies]
  e.g. deploy/site-request.py 127.0.0.1 1883 demo-site aggregator "$(cat aggregator.key)" r-1 limit.set \
         '{"id": "event-2", "kw": 1000, "until": "+10m", "reason": "aggregator dispatch"}'

Signs the request as the README describes (HMAC-SHA256 of the body text, hex; expires one minute ahead), publishes it
at QoS 1 `copies` times (2: the very same bytes again, a replay) and prints each reply from
containeredge/<site>/site-request/reply as a line; exits non-zero when a reply does not come within 10 s (no active
coordinator: send again).
"""
import base64
import hashlib
import hmac
import json
import sys
import threading
import time

try:
    import paho.mqtt.client as mqtt
except ImportError:
    sys.exit("needs Debian's MQTT client for Python: apt-get install python3-paho-mqtt (run with /usr/bin/python3)")

host, port, site, key_id, secret_b64, request_id, action, params = sys.argv[1:9]
copies = int(sys.argv[9]) if len(sys.argv) > 9 else 1
body = json.dumps({"id": request_id, "expires": int(time.time() * 1000) + 60000, "site": site, "action": action,
                   "params": json.loads(params)})
signature = hmac.new(base64.b64decode(secret_b64), body.encode("utf-8"), hashlib.sha256).hexdigest()
envelope = json.dumps({"keyId": key_id, "body": body, "signature": signature})

replies = []
arrived = threading.Condition()
subscribed = threading.Event()


def on_message(client, userdata, message):
    with arrived:
        replies.append(message.payload.decode("utf-8"))
        arrived.notify_all()


client = mqtt.Client(client_id="site-request-peer-" + request_id, clean_session=True)
client.on_message = on_message
client.on_subscribe = lambda c, userdata, mid, granted: subscribed.set()
client.connect(host, int(port), keepalive=30)
client.loop_start()
client.subscribe("containeredge/%s/site-request/reply" % site, qos=1)
if not subscribed.wait(10):
    sys.exit("not subscribed within 10 s")
for i in range(copies):
    client.publish("containeredge/%s/site-request" % site, envelope, qos=1).wait_for_publish()
    with arrived:
        if not arrived.wait_for(lambda: len(replies) > i, timeout=10):
            sys.exit("no reply within 10 s")
for reply in replies:
    print(reply)
client.loop_stop()
client.disconnect()
