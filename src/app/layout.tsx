import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { Suspense } from "react";
import { NavigationFocus } from "@/components/ui/navigation-focus";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Uppdragskollen", template: "%s – Uppdragskollen" },
  description: "Uppföljning av politiska uppdrag från beslut till verkställighet.",
  icons: { icon: "/icon.svg", apple: "/apple-touch-icon.png" },
  appleWebApp: { capable: true, title: "Uppdragskollen", statusBarStyle: "default" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#173d6e" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, so each gets the
  // proxy's fresh CSP nonce on its scripts (a prerendered page would have none).
  await headers();
  return (
    <html lang="sv">
      <body className="min-h-screen font-sans">
        {children}
        <Suspense fallback={null}>
          <NavigationFocus />
        </Suspense>
      </body>
    </html>
  );
}
