// Preloaded into a child process (node --require): reports its peak resident memory on exit.
process.on('exit', () => {
  process.stderr.write(`\nmax-rss-bytes=${process.resourceUsage().maxRSS * 1024}\n`);
});
