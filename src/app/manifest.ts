import type { MetadataRoute } from "next";

/** Installable on a tablet's home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Uppdragskollen",
    short_name: "Uppdrag",
    description: "Politiskt givna uppdrag från beslut till verkställighet.",
    lang: "sv",
    start_url: "/uppdrag",
    scope: "/",
    display: "standalone",
    orientation: "any",
    background_color: "#f8fafc",
    theme_color: "#173d6e",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
