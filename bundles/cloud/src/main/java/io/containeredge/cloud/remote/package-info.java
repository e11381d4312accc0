/**
 * Signed remote commands and configuration requests over MQTT. Entry point: {@link
 * io.containeredge.cloud.remote.RemoteRequests}.
 *
 * <h2>Topics</h2>
 * With group = site id and edge node = container id:
 * <ul>
 * <li>{@code containeredge/<site>/<container>/command} — commands to the controller and the devices;</li>
 * <li>{@code containeredge/<site>/<container>/config} — configuration requests;</li>
 * <li>{@code spBv1.0/<site>/DCMD/<container>/<device>} — Sparkplug writes to a device's metrics,
 *     signed inside the payload (below);</li>
 * <li>{@code containeredge/<site>/<container>/reply} — one reply to every request, whatever became of it.</li>
 * </ul>
 *
 * <h2>Envelope (command and config topics)</h2>
 * UTF-8 JSON, at most 1 MiB (a larger payload is rejected without being read):
 * <pre>
 * {"keyId":"ops","body":"&lt;the request as a JSON text&gt;","signature":"&lt;hex HMAC-SHA256&gt;"}
 * </pre>
 * {@code signature} is the lower-case hex HMAC-SHA256 of the UTF-8 bytes of the {@code body} string
 * exactly as sent, with the secret of {@code keyId}. Signing the body as a string means nobody has to
 * canonicalise JSON. The body:
 * <pre>
 * {"id":"dr-2026-11-24-001","expires":1795000000000,"site":"demo-site","container":"c-01","action":"curtail","params":{"kw":1500,"minutes":30}}
 * </pre>
 * <ul>
 * <li>{@code id}: 1..64 characters of {@code [A-Za-z0-9._:-]}, unique per request: the idempotency key.</li>
 * <li>{@code expires}: epoch milliseconds; rejected when in the past or more than 24 h ahead
 *     (a command valid for ever is refused).</li>
 * <li>{@code site}, {@code container}: the target, part of the signed text; a request signed for another
 *     container (or site) is rejected, "signed for container c-02 of site demo-site, this is c-01 of
 *     demo-site: not executed", and audited under its key, however good its signature.</li>
 * <li>{@code action}, {@code params} (an object; may be left out when the action takes none).</li>
 * </ul>
 * Duplicate keys in the envelope or the body are refused.
 *
 * <h2>Keys</h2>
 * Configuration {@code command.keys}: strings {@code keyId=base64secret:scopes}, e.g.
 * {@code ops=Y29ycmVjdC1ob3JzZS1iYXR0ZXJ5LXN0YXBsZS00LWNvbnRhaW5lcmVkZ2U=:curtail,ack-alarm,reset-trip,rebirth}
 * or {@code admin=<secret>:*}. A scope is an action name (a DCMD is {@code write}), {@code config.*}
 * (every config action) or {@code *} (everything); a request outside its key's scopes is rejected
 * ("key ops may not config.apply (its scopes: …)") and audited. An unknown scope stops the gateway with
 * the entry named. A key without a scope list may do everything, as before scopes existed, and the
 * gateway logs a warning naming it at start: write {@code :*} to say so. In a properties file the
 * commas of a scope list are fine: a piece without {@code =} continues the key before it. A secret
 * shorter than 32 bytes is refused at startup; make one with {@code openssl rand -base64 32}.
 * Signatures are compared in constant time.
 *
 * <h3>Worked example with openssl</h3>
 * The secret above is the 44 bytes of the text {@code correct-horse-battery-staple-4-containeredge},
 * so {@code -hmac} can take it as text:
 * <pre>
 * KEY='correct-horse-battery-staple-4-containeredge'
 * BODY='{"id":"dr-2026-11-24-001","expires":1795000000000,"site":"demo-site","container":"c-01","action":"curtail","params":{"kw":1500,"minutes":30}}'
 * printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$KEY" | awk '{print $NF}'
 * # 737a784f06b0fec4cbc07b071267b5d1dc8cb0bf6d40aa382ef727600fd8dffe
 * </pre>
 * A random secret is not text: give it as hex instead,
 * {@code openssl dgst -sha256 -mac HMAC -macopt hexkey:$(printf '%s' "$B64" | base64 -d | xxd -p -c 256)}.
 * Then publish (with {@code jq} building the envelope, {@code expires} e.g.
 * {@code $(( $(date +%s) * 1000 + 600000 ))}):
 * <pre>
 * jq -nc --arg body "$BODY" --arg sig "$SIG" '{keyId:"ops",body:$body,signature:$sig}' \
 *   | mosquitto_pub -q 1 -t containeredge/demo-site/c-01/command -s
 * </pre>
 *
 * <h2>Reply</h2>
 * <pre>
 * {"id":"dr-2026-11-24-001","status":"accepted","reason":null,"result":{"capKw":1500.0,"until":1795000000000},
 *  "replay":false,"timestamp":1794999000123}
 * </pre>
 * {@code status}: {@code accepted} (done; a write: acknowledged by the device), {@code rejected}
 * (refused, nothing changed: wrong signature, unknown key id, signed for another container, outside the
 * key's scopes, expired, malformed JSON, missing fields, unknown action, action on the wrong topic, bad
 * params, refused by the controller) or
 * {@code failed} (tried and did not succeed, or the outcome is unknown). A request whose id cannot
 * be read is answered with {@code "id":null}.
 *
 * <h2>Idempotency</h2>
 * Every authenticated id is recorded in {@code <data_dir>/requests.db} (SQLite, WAL,
 * {@code synchronous=FULL}) <em>before</em> its action runs. A repeated id is answered with the
 * stored reply and {@code "replay":true} (its {@code timestamp} is the first answer's) and is not
 * executed again — also when the first one was rejected, and across restarts and {@code kill -9}.
 * An id whose execution was cut off by a stop or crash is answered {@code failed}, "interrupted", and
 * never executed again. Entries are kept until 24 h after their expiry. Messages whose signature is
 * wrong are never recorded, so nobody without a key can burn an id.
 *
 * <p>{@code requests.db} is opened by {@link io.containeredge.cloud.sqlite.SqliteStore} with the schema
 * history {@code RequestLedger.MIGRATIONS}: a ledger of the first release (which set no schema version)
 * is adopted as version 1 with every entry, later schema changes are appended as steps, and a ledger
 * of a newer release (after a rollback) is refused and left unchanged; cloud sync then does not start,
 * and the log names the file and both versions.
 *
 * <h2>Actions on the command topic</h2>
 * <table>
 * <caption>command actions</caption>
 * <tr><th>action</th><th>params</th><th>what it does</th></tr>
 * <tr><td>{@code curtail}</td><td>{@code kw}, and {@code minutes} or {@code until} (epoch ms)</td>
 *     <td>import cap override (0 &lt; kW &le; the site's cap, 1 min to 24 h); result {@code capKw}, {@code until}</td></tr>
 * <tr><td>{@code lift-curtailment}</td><td>—</td><td>ends the override; nothing else (a trip, an e-stop, a
 *     guard's reduction hold); result {@code lifted}: whether one was in force</td></tr>
 * <tr><td>{@code reset-trip}</td><td>—</td><td>asks for a latched trip to be reset: taken at the next
 *     control cycle and refused there while the cause persists (the controller's status shows it)</td></tr>
 * <tr><td>{@code ack-alarm}</td><td>{@code alarmId}</td><td>acknowledges an alarm as {@code mqtt:<keyId>}</td></tr>
 * <tr><td>{@code maintenance}</td><td>{@code device}, {@code minutes}</td><td>maintenance mode (1 min to 7 days):
 *     no setpoints written to the device, its readings still worst case for the guards; result {@code until}</td></tr>
 * <tr><td>{@code end-maintenance}</td><td>{@code device}</td><td>gives the device back to the controller</td></tr>
 * <tr><td>{@code rebirth}</td><td>—</td><td>NBIRTH and DBIRTHs again</td></tr>
 * <tr><td>{@code price.update}</td><td>{@code slots}: [{@code {start, minutes, usdPerMwh}}, …], {@code start} in
 *     epoch ms or ISO-8601 with an offset</td><td>live or forecast energy prices for the economic limit, replacing
 *     the ones received before; the controller refuses the whole list, naming the slot, unless the slots are of
 *     5 or 15 minutes, all of one length, sorted and contiguous (no hole, no overlap), priced -1000 to 20000
 *     USD/MWh, at most 600, not past 48 h ahead and not all ended; result {@code slots}, {@code from},
 *     {@code until}</td></tr>
 * <tr><td>{@code hashprice.update}</td><td>{@code usdPerThDay}, {@code poolFee}, {@code at} (optional: now; epoch
 *     ms or ISO-8601)</td><td>the hashprice for the economic limit, stale after the site's validity: above 0 and
 *     at most 10 USD/TH/day, a fee of 0 to 0.5, not published in the future; result the hashprice taken</td></tr>
 * <tr><td>{@code forecast.update}</td><td>{@code slots}: [{@code {start, minutes, pvKw, ambientC}}, …],
 *     {@code ambientC} optional</td><td>the on-site generation forecast (and the ambient for the transformer's
 *     derating) for the planner, replacing the one received before; the controller refuses the whole list with its
 *     reason (15-minute slots, sorted and contiguous, generation within 0 and the plant's rating; a site without a
 *     {@code planner} section refuses every forecast); result {@code slots}, {@code from}, {@code until}</td></tr>
 * <tr><td>{@code event.schedule}</td><td>{@code id}, {@code name} (optional), {@code start} (epoch ms or ISO-8601),
 *     {@code rampMinutes} (optional: 0), {@code durationMinutes}, and {@code importLimitKw} or {@code reductionKw}
 *     (kW, one of them)</td><td>a demand-response event of one interval, id {@code mqtt:<id>}, source
 *     {@code mqtt:<key>/<request id>}; replaces the event of the same id. The controller refuses it with its reason
 *     (1 minute to 24 hours, starting within 7 days and not ended, ramp up to 30 minutes, kW within 0 and the
 *     site's import cap); result {@code id}, {@code state}, {@code start}, {@code end}, {@code optOut} (why the
 *     container cannot meet it, empty when it can)</td></tr>
 * <tr><td>{@code event.cancel}</td><td>{@code id}</td><td>cancels the signed requests' event {@code mqtt:<id>}:
 *     an upcoming one is dropped, an active one ends now; rejected when there is none</td></tr>
 * <tr><td>{@code peak.alert}</td><td>{@code on} (true or false), {@code minutes} (when on)</td><td>the
 *     coincident-peak alert: while on, a configured peak window holds the import to the site's peak cap; refused on
 *     a site without peak windows or beyond 24 hours; result {@code alert}, {@code until}</td></tr>
 * <tr><td>{@code write}</td><td>{@code device}, {@code point}, {@code value} (number, boolean or enum
 *     label), or {@code device}, {@code writes}: [{@code {point, value}}, …]</td>
 *     <td>through the gateway's validated write path; {@code accepted} once the device acknowledged,
 *     {@code failed} with the device's or the validator's reason otherwise (no acknowledgement within
 *     30 s: {@code failed}, outcome unknown)</td></tr>
 * </table>
 * Without a running controller (or device writer) the request is rejected: "controller not running". The params
 * of {@code price.update}, {@code hashprice.update}, {@code forecast.update} and the event actions are read
 * strictly (a feed is a program): an unknown field or a wrong type is rejected, naming it; on a site without an
 * {@code economics} section the first two are rejected, on one without a {@code planner} section the third. Their
 * scopes are their action names, so a price feed's key is given {@code :price.update,hashprice.update}, a forecast
 * feed's {@code :forecast.update}, an aggregator's {@code :event.schedule,event.cancel,peak.alert}, and can do
 * nothing else.
 *
 * <h2>Actions on the config topic</h2>
 * <table>
 * <caption>config actions</caption>
 * <tr><th>action</th><th>params</th><th>result</th></tr>
 * <tr><td>{@code config.apply}</td><td>{@code site}: a JSON object or a YAML string; {@code profiles}
 *     (optional): {@code {id: object or YAML string}}</td><td>{@code version}; or {@code rejected} with
 *     {@code errors}: [{@code {file, path, reason}}, …], every error, nothing changed</td></tr>
 * <tr><td>{@code config.get}</td><td>{@code version} (optional: the running one)</td>
 *     <td>{@code version}, {@code documents}: {@code {site, profiles}} as text</td></tr>
 * <tr><td>{@code config.history}</td><td>—</td><td>{@code versions}, newest first</td></tr>
 * <tr><td>{@code config.rollback}</td><td>{@code version}</td><td>the new {@code version} copying it</td></tr>
 * </table>
 *
 * <h2>Signed Sparkplug DCMD</h2>
 * A DCMD to a device's writable metrics takes the same path as {@code write}, authenticated by four
 * extra metrics in the same payload: {@code Command/Id} (String), {@code Command/Expires} (Int64,
 * epoch ms), {@code Command/KeyId} (String) and {@code Command/Signature} (String, hex HMAC-SHA256 of
 * the canonical text). Metrics may be named or, after the births, given by alias. The canonical text is
 * <pre>
 * id \n expires \n site \n container \n device \n
 * </pre>
 * (without the spaces) followed, for each other metric sorted by name, by {@code name=value\n}: numbers
 * in plain decimal without exponent or trailing zeros (Java
 * {@code BigDecimal.stripTrailingZeros().toPlainString()} of the value: {@code -50000}, {@code 0.25},
 * {@code 12}); a Double as its shortest round-trip decimal first (Java {@code Double.toString},
 * JavaScript {@code String(x)}), a Float as a float's; booleans {@code true}/{@code false}; strings as
 * they are. A metric name with {@code =} or a line break, or a string value with a line break, is
 * refused. Site, container and device are those of the DCMD's topic, so a DCMD signed for another
 * container does not verify ("wrong signature (…signed for another target…)"). Example, writing two
 * metrics of {@code battery} of container {@code c-01} of {@code demo-site}:
 * <pre>
 * printf 'dcmd-7\n1795000000000\ndemo-site\nc-01\nbattery\nm704.WSet=-50000\nm704.WSetEna=1\n' \
 *   | openssl dgst -sha256 -hmac "$KEY" | awk '{print $NF}'
 * # 51cd406f697738f978a426f6f5e0a40da144ea45d26ef77c89c1b9527267601b
 * </pre>
 * An unsigned DCMD is answered {@code rejected} on the reply topic (with {@code "id":null} unless it
 * carried a readable {@code Command/Id}) and nothing is written.
 *
 * <h2>Audit</h2>
 * Every request — accepted, rejected, failed or a replay — is recorded in the gateway's audit trail:
 * actor = the key id ({@code unknown} when not authenticated), origin {@code mqtt}, action
 * {@code command.<action>} or {@code config.<…>}, the target (device, alarm, version …), the outcome and
 * the reason or result. Hostile input is logged at WARN with a short reason, never the payload.
 *
 * <h2>Site leases</h2>
 * On a site with {@code siteLease}, the site coordinator's budget leases arrive on {@code
 * containeredge/<site>/<container>/lease} in the same envelope, the body a {@code SiteLease} naming the site and
 * container it is for. {@link io.containeredge.cloud.remote.LeaseReader} checks them as above (size, form, key and
 * signature), the key's scope {@code site.lease} and the target; the controller then checks epoch, seq, expiry and
 * clock skew. Leases are not answered and not put in {@code requests.db} (one comes every few seconds; epoch and seq
 * refuse replays); a refused one is audited (action {@code command.site.lease}, target {@code site-lease}) and logged
 * at most once a minute.
 */
package io.containeredge.cloud.remote;
