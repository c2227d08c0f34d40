// Text out of protocol files: the upload and the CLI read files through this.
import { describe, expect, it } from "vitest";
import { extractProtocolText, MAX_PROTOCOL_BYTES, protocolFileKind, ProtocolFileError } from "@/lib/protocol/extract";
import { parseProtocol } from "@/lib/protocol";
import { docxOf, pdfOf } from "../../support/protocol-files";

const PROTOCOL = [
  "Socialnämnden",
  "Sammanträdesdatum\t2023-05-17",
  "Plats och tid\tSocialkontoret, kl. 09:00–11:30",
  "§ 51\tDnr SN 2023/88",
  "Översyn av hemtjänstens scheman",
  "Socialnämndens beslut",
  "Socialnämnden ger socialförvaltningen i uppdrag att se över hemtjänstens scheman senast den 30 november 2023.",
  "Beslutet skickas till",
  "Socialförvaltningen",
];

const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ProtocolFileError);

describe("extractProtocolText", () => {
  it("knows the accepted types by their names", () => {
    expect(["a.txt", "B.DOCX", "c.pdf", "d.doc", "e.odt", "f"].map(protocolFileKind)).toEqual(["text", "docx", "pdf", null, null, null]);
  });

  it("reads the same paragraphs from text, Word and PDF", async () => {
    const expected = parseProtocol(PROTOCOL.join("\n"));
    expect(expected.paragraphs.map((p) => [p.number, p.dnr, p.title])).toEqual([[51, "SN 2023/88", "Översyn av hemtjänstens scheman"]]);
    for (const [bytes, name] of [
      [new TextEncoder().encode(PROTOCOL.join("\n")), "p.txt"],
      [await docxOf(PROTOCOL), "p.docx"],
      [pdfOf([PROTOCOL]), "p.pdf"],
    ] as const) {
      const result = parseProtocol(await extractProtocolText(bytes, name));
      expect(result.meeting, name).toMatchObject({ body: "Socialnämnden", date: "2023-05-17" });
      expect(result.paragraphs.map((p) => [p.number, p.dnr, p.title, p.sentTo]), name).toEqual([[51, "SN 2023/88", "Översyn av hemtjänstens scheman", ["Socialförvaltningen"]]]);
      expect(result.paragraphs[0].assignments[0].deadline, name).toBe("2023-11-30");
    }
  });

  it("keeps the columns of a PDF line apart with a tab", async () => {
    const text = await extractProtocolText(pdfOf([["Plats och tid\tStadshuset, Lilla salen"]]), "p.pdf");
    expect(text).toBe("Plats och tid\tStadshuset, Lilla salen");
  });

  it("refuses a wrong type, a file that is not what its name says, and a file over the limit, in Swedish", async () => {
    expect(await failure(extractProtocolText(new Uint8Array([1, 2, 3]), "protokoll.doc"))).toMatchObject({
      reason: "type",
      message: "Filtypen .doc kan inte läsas. Ladda upp protokollet som .txt, .docx (Word) eller .pdf, eller klistra in texten.",
    });
    expect(await failure(extractProtocolText(new TextEncoder().encode("text"), "protokoll.pdf"))).toMatchObject({ reason: "type", message: "Filen är inte en PDF-fil." });
    expect(await failure(extractProtocolText(new Uint8Array(MAX_PROTOCOL_BYTES + 1), "stor.txt"))).toMatchObject({
      reason: "size",
      message: "Filen är för stor. Största tillåtna storlek är 10 MB.",
    });
  });

  it("says so when a PDF has no text (a scanned protocol) or is damaged", async () => {
    expect(await failure(extractProtocolText(pdfOf([[]]), "skannad.pdf"))).toMatchObject({ reason: "unreadable", message: expect.stringContaining("ingen text") });
    const damaged = new TextEncoder().encode("%PDF-1.4\nnot really a pdf");
    expect(await failure(extractProtocolText(damaged, "trasig.pdf"))).toMatchObject({ reason: "unreadable" });
  });

  it("refuses text that is not UTF-8, unless Windows-1252 is accepted (files from older Windows programs)", async () => {
    const latin = new Uint8Array(Buffer.from("§ 12 Förskolan Ängen", "latin1"));
    expect(await failure(extractProtocolText(latin, "p.txt"))).toMatchObject({ reason: "encoding" });
    expect(await extractProtocolText(latin, "p.txt", { acceptWindows1252: true })).toBe("§ 12 Förskolan Ängen");
  });
});
