const { loadEngagementFigures } = await import("@/lib/engagement/data");
for (const [start, end] of [["2026-07-01T00:00:00Z", "2026-10-01T00:00:00Z"], ["2026-10-01T00:00:00Z", "2027-01-01T00:00:00Z"]]) {
  const ms: number[] = [];
  for (let i = 0; i < 8; i++) { const t = performance.now(); await loadEngagementFigures({ start: new Date(start), end: new Date(end) }, "2026-11-24"); ms.push(performance.now() - t); }
  console.log(start, ms.map((x) => x.toFixed(0)).join(" "));
}
process.exit(0);
