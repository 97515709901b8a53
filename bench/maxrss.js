// Preloaded with `node --require` into a measured process: records its peak resident set
// size when it exits, so the benchmark compares peak memory of whole processes.
'use strict';
const out = process.env.RDSLIC_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    require('node:fs').writeFileSync(out, String(process.resourceUsage().maxRSS * 1024));
  });
}
