// An independent Modbus TCP server (npm modbus-serial) for interoperability tests: our poller must
// read what a third-party implementation puts on the wire, not only what our own simulator does.
// Usage: node modbus-serial-server.js <port> <seconds>; prints "ready <port>" once listening and
// stops by itself after <seconds>. Binds to 127.0.0.1 only.
const ModbusRTU = require("modbus-serial");

const port = parseInt(process.argv[2], 10);
const lifetimeSeconds = parseInt(process.argv[3] || "60", 10);

// Holding 0..11: the CDU layout (supply 38.57 degC, return 44.12 degC, flow 120.5 m3/h, ...).
const holding = {0: 3857, 1: 4412, 2: 1205, 3: 250, 4: 180, 5: 855, 6: 1, 7: 600, 8: 912, 9: 0b0001, 10: 0, 11: 2500};
// Input 3000..: float32 big-endian word order: 230.5 V, 231.25 V, 229.75 V.
const input = {};
function putFloat(address, value) {
  const b = Buffer.alloc(4);
  b.writeFloatBE(value);
  input[address] = b.readUInt16BE(0);
  input[address + 1] = b.readUInt16BE(2);
}
putFloat(3000, 230.5);
putFloat(3002, 231.25);
putFloat(3004, 229.75);
putFloat(3012, 812.5);
const coils = {0: true, 1: false, 2: true};

function lookup(table, address, name) {
  if (!(address in table)) {
    const err = new Error("illegal address " + address);
    err.modbusErrorCode = 0x02;
    throw err;
  }
  return table[address];
}

const vector = {
  getHoldingRegister: (addr) => lookup(holding, addr, "holding"),
  getInputRegister: (addr) => lookup(input, addr, "input"),
  getCoil: (addr) => lookup(coils, addr, "coil"),
  getDiscreteInput: (addr) => lookup(coils, addr, "discrete"),
  setRegister: (addr, value) => { holding[addr] = value; },
  setCoil: (addr, value) => { coils[addr] = value; },
};

const server = new ModbusRTU.ServerTCP(vector, {host: "127.0.0.1", port: port, unitID: 1, debug: false});
server.on("initialized", () => console.log("ready " + port));
server.on("socketError", (err) => console.error("socket error: " + err.message));
setTimeout(() => server.close(() => process.exit(0)), lifetimeSeconds * 1000);
