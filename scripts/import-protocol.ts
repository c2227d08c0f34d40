// npx tsx scripts/import-protocol.ts FILE [--json] [--unit NAME ...]
//
// Reads a protocol (.txt in UTF-8, .docx or .pdf) and prints what the parser
// finds: a short summary in Swedish, or with --json exactly
// JSON.stringify(result) and nothing else on stdout, for other tools. Errors go
// to stderr: exit 1 for unreadable input or wrong arguments, exit 2 for file
// types it cannot read (.doc, .odt, images).
import { runImportProtocol } from "./lib/import-protocol-cli";

const result = await runImportProtocol(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
