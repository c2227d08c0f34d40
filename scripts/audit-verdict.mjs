// Reads the output of `npm audit --omit=dev --json` (a file path as the first
// argument) and decides what scripts/audit.sh exits with:
//   0  the audit ran and found nothing at or above "high"
//   1  the audit ran and found a high or critical vulnerability
//   0  with a warning: the audit service could not be reached, so nothing was
//      checked (a machine whose registry has no audit endpoint must not fail CI;
//      docs/security/dependency-review.md holds the manual review instead)
// An optional second argument is npm's stderr, shown when the JSON says nothing.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export const REVIEW = "docs/security/dependency-review.md";
const LEVELS = ["info", "low", "moderate", "high", "critical"];
const FAIL_AT = LEVELS.indexOf("high");

/** @param {string} text @returns {unknown} */
function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** @param {unknown} v @returns {v is Record<string, any>} */
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * @param {string} stdout what `npm audit --json` wrote to stdout
 * @param {string} [stderr] what it wrote to stderr
 * @returns {{ status: "unreachable" | "clean" | "found", exitCode: 0 | 1, lines: string[] }}
 */
export function auditVerdict(stdout, stderr = "") {
  const report = parse(stdout.trim());
  const counts = isObject(report) && isObject(report.metadata) ? report.metadata.vulnerabilities : undefined;
  if (!isObject(report) || !isObject(counts) || (!isObject(report.vulnerabilities) && !isObject(report.advisories))) {
    // npm writes an error object ({ message, statusCode, error: {...} }) instead
    // of a report when the audit endpoint refuses (405), fails or is unreachable.
    const why =
      (isObject(report) && (report.message || report.error?.summary || report.error?.code)) ||
      stderr.split("\n").map((l) => l.trim()).filter((l) => /error|ERR|ENOTFOUND|ECONN|ETIMEDOUT|405/.test(l)).pop() ||
      "npm audit printed no report";
    return {
      status: "unreachable",
      exitCode: 0,
      lines: [
        `audit:prod: WARNING: the npm audit service could not be reached, so no vulnerability data was checked (${String(why).trim()}).`,
        `audit:prod: The last manual review of the production dependencies is ${REVIEW}; run \`npm run audit:prod\` again where the audit endpoint is reachable.`,
      ],
    };
  }

  const summary = LEVELS.map((l) => `${Number(counts[l] ?? 0)} ${l}`).join(", ");
  const serious = [];
  if (isObject(report.vulnerabilities)) {
    // npm 7 and later: one entry per affected package, advisories under `via`.
    for (const [name, v] of Object.entries(report.vulnerabilities)) {
      if (!isObject(v) || LEVELS.indexOf(v.severity) < FAIL_AT) continue;
      const advisories = (Array.isArray(v.via) ? v.via : [])
        .filter((x) => isObject(x) && x.url)
        .map((x) => `${x.title ?? "advisory"} ${x.url} (${x.range ?? "?"})`);
      const through = (Array.isArray(v.via) ? v.via : []).filter((x) => typeof x === "string");
      serious.push(`  ${v.severity}: ${name} ${v.range ?? ""}`.trimEnd() + (advisories.length ? `\n    ${advisories.join("\n    ")}` : "") + (through.length ? `\n    through ${through.join(", ")}` : ""));
    }
  } else {
    // npm 6: one entry per advisory.
    for (const a of Object.values(report.advisories)) {
      if (!isObject(a) || LEVELS.indexOf(a.severity) < FAIL_AT) continue;
      serious.push(`  ${a.severity}: ${a.module_name} ${a.vulnerable_versions ?? ""} ${a.title ?? ""} ${a.url ?? ""}`.trimEnd());
    }
  }
  const total = LEVELS.slice(FAIL_AT).reduce((n, l) => n + Number(counts[l] ?? 0), 0);
  if (total > 0 || serious.length > 0) {
    return {
      status: "found",
      exitCode: 1,
      lines: [
        `audit:prod: FAILED: npm audit --omit=dev reports ${summary}.`,
        ...serious,
        `audit:prod: Update the package, or if it cannot apply to this product say why in ${REVIEW}.`,
      ],
    };
  }
  return { status: "clean", exitCode: 0, lines: [`audit:prod: OK: npm audit --omit=dev reports ${summary} (nothing high or critical).`] };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [jsonFile, stderrFile] = process.argv.slice(2);
  if (!jsonFile) {
    console.error("usage: node scripts/audit-verdict.mjs <npm-audit.json> [npm-audit.stderr]");
    process.exit(2);
  }
  const read = (f) => {
    try {
      return f ? readFileSync(f, "utf8") : "";
    } catch {
      return "";
    }
  };
  const v = auditVerdict(read(jsonFile), read(stderrFile));
  for (const line of v.lines) (v.status === "clean" ? console.log : console.error)(line);
  process.exit(v.exitCode);
}
