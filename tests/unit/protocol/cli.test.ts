// scripts/import-protocol.ts: its behaviour through the function it wraps
// (scripts/lib/import-protocol-cli.ts), in-process; then the command itself, run
// as a user would through tsx in a child process, passes stdout, stderr and the
// exit code through unchanged.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseProtocol } from "@/lib/protocol";
import { runImportProtocol } from "../../../scripts/lib/import-protocol-cli";
import { docxOf, pdfOf } from "../../support/protocol-files";

const REPO = path.resolve(import.meta.dirname, "../../..");
const SEEDS_DIR = path.resolve(import.meta.dirname, "../../fixtures/seeds");
const SEED_001 = path.join(SEEDS_DIR, readdirSync(SEEDS_DIR).find((f) => f.startsWith("001_"))!);
const FIXTURE = path.resolve(import.meta.dirname, "fixtures/ks-storsjo-2022-03-14.txt");

/** The command's result for these arguments, in-process (relative paths from the repository's root, Vitest's working directory). */
async function run(...args: string[]) {
  const r = await runImportProtocol(args);
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

/** The command itself, through tsx in a child process (a second or more each on a busy machine). */
function command(...args: string[]) {
  const tsx = path.join(REPO, "node_modules", ".bin", "tsx");
  const r = spawnSync(tsx, ["scripts/import-protocol.ts", ...args], { cwd: REPO, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const CHILD_PROCESSES = { timeout: 120_000 };

describe("the command, run through tsx", () => {
  it("prints what the function returns, on the same streams, with its exit code", CHILD_PROCESSES, async () => {
    for (const args of [[SEED_001, "--json"], [SEED_001], ["protokoll.odt", "--json"], ["finns-inte.txt"]]) {
      expect(command(...args), args.join(" ")).toEqual(await run(...args));
    }
  });
});

describe("import-protocol CLI", () => {
  it("prints exactly JSON.stringify of the parse result with --json", async () => {
    const r = await run(SEED_001, "--json");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(JSON.stringify(parseProtocol(readFileSync(SEED_001, "utf8"))));
    const parsed = JSON.parse(r.stdout);
    expect(parsed.meeting).toMatchObject({ body: "Kommunstyrelsens arbetsutskott", date: "2020-02-25", place: "Tunasalen" });
    expect(parsed.paragraphs.map((p: { number: number }) => p.number)).toEqual([14, 15, 34, 35]);
  });

  it("passes --unit on to the parser", async () => {
    const r = await run(FIXTURE, "--json", "--unit", "Samhällsbyggnadsförvaltningen");
    expect(r.status).toBe(0);
    const p44 = JSON.parse(r.stdout).paragraphs.find((p: { number: number }) => p.number === 44);
    expect(p44.assignments[0].responsible).toBe("Samhällsbyggnadsförvaltningen");
  });

  it("prints a Swedish summary without --json", async () => {
    const r = await run(SEED_001);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Kommunstyrelsens arbetsutskott, 25 februari 2020, Tunasalen kl. 13:00–17:00");
    expect(r.stdout).toContain("4 paragrafer, 0 förslag på uppdrag");
    expect(r.stdout).toContain("§ 34  Dnr 2020/000053 000  Uppföljning av uppdrag från KS och dess utskott");
    expect(r.stdout).toContain("Skickas till: Jacob Käll, Helen Nilsson, Liselott Frejd");
  });

  it("reads Word and PDF files through the same text extraction as the upload", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "protokoll-"));
    const lines = readFileSync(SEED_001, "utf8").split("\n");
    const docx = path.join(dir, "protokoll.docx");
    writeFileSync(docx, await docxOf(lines));
    const pdf = path.join(dir, "Protokoll.PDF");
    writeFileSync(pdf, pdfOf([lines.slice(0, 40), lines.slice(40, 80), lines.slice(80)]));
    const fromTxt = JSON.parse((await run(SEED_001, "--json")).stdout);
    for (const file of [docx, pdf]) {
      const r = await run(file, "--json");
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const parsed = JSON.parse(r.stdout);
      expect(parsed.meeting).toMatchObject({ body: "Kommunstyrelsens arbetsutskott", date: "2020-02-25", place: "Tunasalen" });
      expect(parsed.paragraphs.map((p: { number: number; dnr: string; title: string }) => [p.number, p.dnr, p.title])).toEqual(
        fromTxt.paragraphs.map((p: { number: number; dnr: string; title: string }) => [p.number, p.dnr, p.title]),
      );
    }
    // Word keeps the lines as they are: the result is the text file's, exactly.
    expect((await run(docx, "--json")).stdout).toBe((await run(SEED_001, "--json")).stdout);
  });

  it("refuses other file types with exit code 2, and a file that is not what its name says with exit code 2", async () => {
    for (const file of ["protokoll.doc", "protokoll.odt", "skanning.png"]) {
      const r = await run(file, "--json");
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^Filtypen \.(doc|odt|png) kan inte läsas/);
    }
    const fake = path.join(mkdtempSync(path.join(os.tmpdir(), "protokoll-")), "inte-word.docx");
    writeFileSync(fake, "bara text");
    const r = await run(fake, "--json");
    expect(r).toMatchObject({ status: 2, stdout: "" });
    expect(r.stderr).toContain("Filen är inte en Word-fil");
  });

  it("reports a missing file, a non-UTF-8 file and a missing argument on stderr with exit code 1", async () => {
    const missing = await run("finns-inte.txt", "--json");
    expect(missing).toMatchObject({ status: 1, stdout: "" });
    expect(missing.stderr).toContain("filen finns inte");

    const latin1 = path.join(mkdtempSync(path.join(os.tmpdir(), "protokoll-")), "latin1.txt");
    writeFileSync(latin1, Buffer.from("\u00a7 1 V\u00e4rmland", "latin1"));
    const notUtf8 = await run(latin1, "--json");
    expect(notUtf8).toMatchObject({ status: 1, stdout: "" });
    expect(notUtf8.stderr).toContain("inte text i UTF-8");

    const noFile = await run("--json");
    expect(noFile).toMatchObject({ status: 1, stdout: "" });
    expect(noFile.stderr).toContain("Ange en fil");
  });
});
