// Draws the add-in icons (a 3 x 3 heatmap grid) as PNGs into assets/.
// Run once with `node scripts/make-icons.js`; the PNGs are committed.
const fs = require('fs');
const zlib = require('zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
// Red, amber, green: a gap heatmap.
const COLOURS = [
  [
    [99, 190, 123],
    [255, 235, 132],
    [248, 105, 107],
  ],
  [
    [255, 235, 132],
    [99, 190, 123],
    [255, 235, 132],
  ],
  [
    [99, 190, 123],
    [99, 190, 123],
    [255, 235, 132],
  ],
];
for (const size of [16, 32, 64, 80, 128]) {
  const pad = Math.max(1, Math.round(size / 16));
  const cell = (size - pad * 4) / 3;
  const data = png(size, (x, y) => {
    const cx = Math.floor((x - pad) / (cell + pad));
    const cy = Math.floor((y - pad) / (cell + pad));
    const inX = x - pad - cx * (cell + pad);
    const inY = y - pad - cy * (cell + pad);
    if (cx < 0 || cy < 0 || cx > 2 || cy > 2 || inX >= cell || inY >= cell) return [33, 115, 70, 255];
    return [...COLOURS[cy][cx], 255];
  });
  fs.writeFileSync(`assets/icon-${size}.png`, data);
}
console.log('icons written to assets/');
