import { readFileSync, writeFileSync } from "node:fs";

/**
 * Writes a benchmark's README section (starting with its `## heading` line) in place of the section's last
 * version, or at the end of the README, with a blank line before the next section.
 */
export function replaceReadmeSection(heading: string, section: string) {
  const readme = readFileSync("README.md", "utf8");
  const start = readme.indexOf(heading);
  const end = start < 0 ? -1 : readme.indexOf("\n## ", start);
  const before = start < 0 ? `${readme.trimEnd()}\n\n` : readme.slice(0, start);
  const after = end < 0 ? "" : `\n${readme.slice(end + 1)}`;
  writeFileSync("README.md", before + section + after);
}
