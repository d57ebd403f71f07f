import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, parseArticleFile, readArticleFiles } from "@/db/seed/content";

describe("content files", () => {
  it("parses the seed article", () => {
    const { articles, errors } = readArticleFiles(path.join(__dirname, "..", "..", "content", "articles"));
    expect(errors).toEqual([]);
    const seed = articles.find((a) => a.slug === "will-russia-defend-maduro")!;
    expect(seed.question?.polls).toHaveLength(2);
    expect(seed.body).toContain("## Seeking Support");
  });

  it("names the file and the field when the title is missing", () => {
    const { articles, errors } = readArticleFiles(path.join(__dirname, "..", "fixtures", "content-bad"));
    expect(articles).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/missing-title\.md: field "title"/);
  });

  it("names the file when the front matter is not valid YAML", () => {
    const { errors } = readArticleFiles(path.join(__dirname, "..", "fixtures", "content-badyaml"));
    expect(errors[0]).toBeInstanceOf(ContentError);
    expect(errors[0].message).toMatch(/bad-front-matter\.md: field "front matter": is not valid YAML/);
  });

  it("rejects a poll with one option and a bad slug", () => {
    const src = (poll: string, slug = "ok-slug") =>
      `---\ntitle: T\nslug: ${slug}\nauthor: {slug: a, name: A}\nquestion:\n  heading: H\n  text: Q\n  call_to_action: C\n  polls:\n${poll}\n---\nBody`;
    expect(() => parseArticleFile("x.md", src("    - question: Q\n      options: [Only]"))).toThrow(
      /x\.md: field "question\.polls\.0\.options": a poll needs 2 to 10 options/,
    );
    expect(() =>
      parseArticleFile("y.md", src("    - question: Q\n      options: [A, B]", "Bad Slug")),
    ).toThrow(/y\.md: field "slug"/);
  });
});
