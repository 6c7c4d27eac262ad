// Preloaded into the language server by the `version` benchmark (node -r): on SIGUSR2 the server writes its own
// process.memoryUsage() to $PODLENS_BENCH_HEAP_FILE, because the V8 heap of another process is not visible in /proc.
// SIGUSR1 is Node's inspector signal; SIGUSR2 is free.
const fs = require('node:fs');

const file = process.env.PODLENS_BENCH_HEAP_FILE;
if (file) {
  process.on('SIGUSR2', () => {
    const m = process.memoryUsage();
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ heapUsed: m.heapUsed, heapTotal: m.heapTotal, rss: m.rss }));
    fs.renameSync(`${file}.tmp`, file); // the reader never sees half a file
  });
}
