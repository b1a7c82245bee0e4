/**
 * Every page lives under its language (app/[locale]/layout.tsx renders <html lang dir>); this
 * root only passes through, as Next requires one.
 */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children;
}
