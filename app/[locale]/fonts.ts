import localFont from "next/font/local";

/**
 * Noto Sans Arabic served with the app (from the npm font package the report's PDF also uses),
 * so Arabic pages look the same on every machine, whatever fonts it has. Latin, Cyrillic and
 * Chinese use the system's fonts (see locale-fonts.css).
 */
export const notoSansArabic = localFont({
  src: [
    { path: "../../node_modules/@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf", weight: "400", style: "normal" },
    { path: "../../node_modules/@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf", weight: "700", style: "normal" },
  ],
  variable: "--font-arabic",
  display: "swap",
  // Only Arabic pages and Arabic text use it: no reason to preload it everywhere.
  preload: false,
  fallback: ["Tahoma", "Segoe UI", "sans-serif"],
});
