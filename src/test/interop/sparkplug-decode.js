// Independent Sparkplug B decoder for the interoperability test (SparkplugInteropTest):
// decodes each file given on the command line with npm sparkplug-payload and prints one JSON
// array, so the Java side can compare what an independent implementation reads.
'use strict';
const fs = require('fs');
const sparkplug = require('sparkplug-payload').get('spBv1.0');

// protobufjs hands out 64-bit fields (seq, timestamp, alias, Int64 values) as Long objects.
const plain = (key, value) =>
    value && typeof value === 'object' && typeof value.toNumber === 'function' ? value.toNumber() : value;

const decoded = process.argv.slice(2).map((file) => sparkplug.decodePayload(fs.readFileSync(file)));
process.stdout.write(JSON.stringify(decoded, plain));
