import { expect, type Page, test } from "@playwright/test";
import en from "../messages/en.json";
import { LOCALE_NAMES, LOCALES } from "../i18n/locales";
import { storageStateOf } from "./accounts";
import { screenshot } from "./helpers";

/** Every message's path ("nav.timeline"): what next-intl renders in place of a missing message. */
function messagePaths(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? messagePaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}
const MESSAGE_PATHS = messagePaths(en);

/** The page's visible text has no message path where a message belongs, and the console logged no missing message. */
async function expectNoMissingMessages(page: Page, consoleErrors: string[]) {
  const text = await page.locator("body").innerText();
  const leftovers = MESSAGE_PATHS.filter((path) => text.includes(path));
  expect(leftovers, `message keys shown instead of text on ${page.url()}`).toEqual([]);
  expect(consoleErrors.filter((line) => /MISSING_MESSAGE|INVALID_MESSAGE|FORMATTING_ERROR/.test(line))).toEqual([]);
}

function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

const READER_PAGES = ["/", "/timeline?year=2021", "/workstreams/ai-working-group", "/reports/2021", "/account"];

test.describe("every language", () => {
  for (const locale of LOCALES) {
    test(`${locale}: the main pages render in ${LOCALE_NAMES[locale]} with no missing message`, async ({ page }) => {
      const consoleErrors = collectConsoleErrors(page);
      for (const path of READER_PAGES) {
        const response = await page.goto(`/${locale}${path === "/" ? "" : path}`);
        expect(response?.status(), path).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
        await expect(page.locator("h1").first()).toBeVisible();
        await expectNoMissingMessages(page, consoleErrors);
      }
      await page.goto(`/${locale}?pageSize=100`);
      await expect(page.getByTestId("workstream-card").first()).toBeVisible();
      await screenshot(page, `overview-${locale}`);
    });
  }

  test.describe("as an admin", () => {
    test.use({ storageState: storageStateOf("admin") });
    for (const locale of LOCALES) {
      test(`${locale}: the admin pages render with no missing message`, async ({ page }) => {
        const consoleErrors = collectConsoleErrors(page);
        for (const path of ["/admin", "/admin/workstreams", "/admin/workstreams/data-cube"]) {
          expect((await page.goto(`/${locale}${path}`))?.status(), path).toBe(200);
          await expect(page.locator("h1").first()).toBeVisible();
          await expectNoMissingMessages(page, consoleErrors);
        }
      });
    }
  });

  test.describe("signed out", () => {
    test.use({ storageState: { cookies: [], origins: [] } });
    for (const locale of LOCALES) {
      test(`${locale}: sign-in renders with no missing message`, async ({ page }) => {
        const consoleErrors = collectConsoleErrors(page);
        await page.goto(`/${locale}/timeline`);
        await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in\\?next=%2Ftimeline$`));
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expectNoMissingMessages(page, consoleErrors);
      });
    }
  });
});

test.describe("Arabic reads right to left", () => {
  test("the page is mirrored and the timeline's latest milestone is left of its earliest", async ({ page }) => {
    await page.goto("/ar/timeline?from=2021-01-01");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    const items = page.getByTestId("timeline-item");
    await expect(items.first()).toBeVisible();
    const placed = await items.evaluateAll((elements) =>
      elements.map((element) => ({ start: element.getAttribute("data-period-start") ?? "", x: element.getBoundingClientRect().x })),
    );
    placed.sort((a, b) => a.start.localeCompare(b.start));
    const earliest = placed[0]!;
    const latest = placed[placed.length - 1]!;
    expect(latest.start > earliest.start).toBe(true);
    expect(latest.x).toBeLessThan(earliest.x);
    // The navigation starts at the right edge: the brand sits right of the main navigation.
    const brand = await page.locator(".brand").boundingBox();
    const nav = await page.getByRole("navigation", { name: "التنقل الرئيسي" }).boundingBox();
    expect(brand!.x).toBeGreaterThan(nav!.x);
    await screenshot(page, "timeline-ar");
  });

  test("in English the same timeline reads left to right", async ({ page }) => {
    await page.goto("/en/timeline?from=2021-01-01");
    await expect(page.getByTestId("timeline-item").first()).toBeVisible();
    const placed = await page
      .getByTestId("timeline-item")
      .evaluateAll((elements) => elements.map((element) => ({ start: element.getAttribute("data-period-start") ?? "", x: element.getBoundingClientRect().x })));
    placed.sort((a, b) => a.start.localeCompare(b.start));
    expect(placed[placed.length - 1]!.x).toBeGreaterThan(placed[0]!.x);
  });
});

test.describe("choosing a language", () => {
  test("the switcher keeps the page and its filters", async ({ page }) => {
    await page.goto("/en/timeline?year=2021&body=HLCP");
    await page.locator(".language-switcher > summary").click();
    await page.getByTestId("language-fr").click();
    await expect(page).toHaveURL(/\/fr\/timeline\?year=2021&body=HLCP$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("combobox", { name: /Année/ })).toHaveValue("2021");
    // The parent body is named officially in French.
    await expect(page.getByRole("combobox", { name: "Organe de rattachement" }).locator("option:checked")).toHaveText(
      /Comité de haut niveau sur les programmes/,
    );

    // By keyboard: the switcher opens with Enter and each language is a link.
    await page.locator(".language-switcher > summary").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("language-ar").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/ar\/timeline\?year=2021&body=HLCP$/);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  });

  test.describe("a first visit", () => {
    test.use({ locale: "es-ES" });
    test("opens in the browser's language", async ({ page }) => {
      await page.goto("/timeline");
      await expect(page).toHaveURL(/\/es\/timeline$/);
      await expect(page.locator("html")).toHaveAttribute("lang", "es");
    });
  });

  test.describe("a browser in a language the tracker does not speak", () => {
    test.use({ locale: "de-DE" });
    test("gets English", async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/en$/);
    });
  });

  test("the report speaks the page's language unless another is chosen, and keeps that choice", async ({ page }) => {
    await page.goto("/fr/reports/2021");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Avancement des axes de travail interinstitutions");
    await expect(page.getByTestId("report")).toHaveAttribute("lang", "fr-FR");
    await expect(page.getByTestId("download-pdf")).toHaveAttribute("href", /lang=fr/);
    await page.getByLabel("Langue du rapport").selectOption("en");
    await page.getByRole("button", { name: "Mettre à jour le rapport" }).click();
    await expect(page).toHaveURL(/\/fr\/reports\/2021\?lang=en$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Progress of the inter-agency workstreams of the CEB in 2021");
    // Another year keeps the English report on the French page.
    await page.getByRole("navigation", { name: "Année du rapport" }).getByRole("link", { name: "2021", exact: true }).click();
    await expect(page).toHaveURL(/\/fr\/reports\/2021\?lang=en$/);
    await page.goto("/ar/reports/2021");
    await expect(page.getByTestId("report")).toHaveAttribute("dir", "rtl");
    await screenshot(page, "report-ar");
  });

  test("a bad filter value is explained next to the field in the page's language", async ({ page }) => {
    await page.goto("/fr?year=20x1");
    const error = page.locator("#filter-year-error");
    await expect(error).toContainText("Ce filtre n’a pas été appliqué");
    await expect(error).not.toContainText("must be");
  });

  test("an unknown page under a language is that language's not-found page", async ({ page }) => {
    const response = await page.goto("/en/no-such-page");
    expect(response?.status()).toBe(404);
  });
});
