import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/reports/[year]/workstreams/route";
import { setupTestDatabase } from "../setup/test-database";
import { makeUser } from "../setup/users";

setupTestDatabase();

const call = async (url: string, year: string, headers: Record<string, string> = {}) => {
  const response = await GET(new Request(`http://localhost${url}`, { headers }), { params: Promise.resolve({ year }) } as never);
  return { response, body: await response.json() };
};

describe("GET /api/reports/{year}/workstreams (the report page's picker)", () => {
  it("lists the year's workstreams in the report's order, named in the asked language or marked English", async () => {
    process.env.PUBLIC_READ = "1";
    const english = await call("/api/reports/2021/workstreams?lang=en", "2021");
    expect(english.response.status).toBe(200);
    const slugs = english.body.workstreams.map(([slug]: string[]) => slug);
    expect(slugs).toContain("ai-working-group");
    expect(new Set(slugs).size).toBe(slugs.length);
    const chinese = await call("/api/reports/2021/workstreams?lang=zh", "2021");
    expect(chinese.body.workstreams.map(([slug]: string[]) => slug)).toEqual(slugs);
    const ai = chinese.body.workstreams.find(([slug]: string[]) => slug === "ai-working-group");
    expect(ai[2]).toBe("zh");
    expect(ai[1]).toMatch(/人工智能/);
    const arabic = await call("/api/reports/2021/workstreams?lang=ar", "2021");
    for (const [, name, lang] of arabic.body.workstreams) {
      expect(["ar", "en"]).toContain(lang);
      expect(name).not.toBe("");
    }
  });

  it("answers a bad year or language with problem+json naming the parameter, and refuses anonymous readers when reading is not public", async () => {
    process.env.PUBLIC_READ = "1";
    const badYear = await call("/api/reports/20x1/workstreams", "20x1");
    expect(badYear.response.status).toBe(400);
    expect(badYear.response.headers.get("content-type")).toContain("application/problem+json");
    expect(badYear.body["invalid-params"].map((param: { name: string }) => param.name)).toEqual(["year"]);
    const badLang = await call("/api/reports/2021/workstreams?lang=xx", "2021");
    expect(badLang.response.status).toBe(400);
    expect(badLang.body["invalid-params"].map((param: { name: string }) => param.name)).toEqual(["lang"]);
    // The same reason code as every other parameter that names a language.
    expect(badLang.body["invalid-params"][0].code).toBe("oneOf");
    process.env.PUBLIC_READ = "0";
    expect((await call("/api/reports/2021/workstreams", "2021")).response.status).toBe(401);
    const viewer = await makeUser("viewer");
    expect((await call("/api/reports/2021/workstreams", "2021", { authorization: `Bearer ${viewer.readToken}` })).response.status).toBe(200);
    process.env.PUBLIC_READ = "1";
  });
});
