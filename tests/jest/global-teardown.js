// Stops containers the global setup started (none when the machine's own services were used).
module.exports = async function globalTeardown() {
  const containers = globalThis.__RAMPART_CONTAINERS__ ?? [];
  await Promise.all(containers.map((container) => container.stop()));
};
