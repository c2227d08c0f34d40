// @ts-check
// Nothing leaves the machine at build or run time: Next.js's anonymous
// telemetry is on unless this is set, and next.config.js is read first by
// `next build`, `next start` and `next dev` (the npm scripts set it too).
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before it builds;
  // checking again inside `next build` doubles the time on a 2-core machine.
  typescript: { ignoreBuildErrors: true },
  // Database drivers load WebAssembly and native sockets: keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg", "playwright-core", "exceljs", "docx", "mammoth", "unpdf", "nodemailer", "smtp-server", "mailparser"],
  // Migrations are read from disk at start (embedded database).
  outputFileTracingIncludes: { "/*": ["./prisma/migrations/**/*"] },
  async headers() {
    return [
      {
        // The service worker must never be served stale.
        source: "/sw.js",
        headers: [{ key: "Cache-Control", value: "no-cache, no-store, must-revalidate" }],
      },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
