import { describe, expect, it } from "vitest";
import { articleUpdateSchema } from "@/lib/articles/editor";
import { imageProblems, imageSrcAllowed, renderArticleBody } from "@/lib/markdown/article";
import { contentSecurityPolicy, imageHostProblems, imageHosts } from "@/server/csp.cjs";

describe("article images", () => {
  it("renders same-origin and allowed-host images with alt text, lazily", () => {
    process.env.AGORA_IMAGE_HOSTS = "images.example-cdn.com";
    const { html } = renderArticleBody(
      "![A frigate at sea](/media/frigate.jpg)\n\n![Map](https://images.example-cdn.com/map.png)",
    );
    expect(html).toContain('<img src="/media/frigate.jpg" alt="A frigate at sea" loading="lazy"');
    expect(html).toContain('src="https://images.example-cdn.com/map.png"');
  });
  it("drops images without alt text or from other hosts, and the editor is told why", () => {
    process.env.AGORA_IMAGE_HOSTS = "";
    const { html } = renderArticleBody("![](/media/x.jpg) ![Tracker](https://evil.test/pixel.gif)");
    expect(html).not.toContain("<img");
    expect(imageProblems("![](/media/x.jpg)")).toMatch(/needs alt text/);
    expect(imageProblems("![Pixel](https://evil.test/p.gif)")).toMatch(
      /must be on this site .*no other hosts are allowed/,
    );
    expect(imageProblems("![Fine](/media/ok.jpg) and text")).toBeNull();
  });
  it("names the allowed hosts when it refuses one", () => {
    const hosts = ["images.example-cdn.com", "media.example.org"];
    expect(imageProblems("![Pixel](https://evil.test/p.gif)", hosts)).toBe(
      "the image https://evil.test/p.gif is not allowed: images must be on this site (a path such as /media/photo.jpg) or on an allowed host (images.example-cdn.com, media.example.org)",
    );
  });
  it("treats protocol-relative, backslash, http and look-alike hosts as other hosts", () => {
    const hosts = ["images.example-cdn.com"];
    for (const src of [
      "//evil.test/x.png",
      "/\\evil.test/x.png",
      "http://images.example-cdn.com/x.png",
      "https://images.example-cdn.com.evil.test/x.png",
      "https://evil.test/images.example-cdn.com/x.png",
      "javascript:alert(1)",
      "data:image/png;base64,AAAA",
    ])
      expect(imageSrcAllowed(src, hosts), src).toBe(false);
    expect(imageSrcAllowed("https://IMAGES.example-cdn.com/x.png", hosts)).toBe(true);
  });
  it("the editor's schema refuses the body with the message, and changes nothing else", () => {
    process.env.AGORA_IMAGE_HOSTS = "images.example-cdn.com";
    const r = articleUpdateSchema.safeParse({ body: "Text\n\n![Map](https://evil.test/map.png)" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["body"] });
    expect(r.error?.issues[0].message).toMatch(/allowed host \(images\.example-cdn\.com\)/);
    expect(
      articleUpdateSchema.safeParse({ body: "![Map](https://images.example-cdn.com/m.png)" }).success,
    ).toBe(true);
  });
});

describe("AGORA_IMAGE_HOSTS and the CSP img-src", () => {
  it("lists exactly 'self' and the allowed hosts (https only)", () => {
    const policy = contentSecurityPolicy({ imageHosts: ["images.example-cdn.com", "media.example.org"] });
    expect(policy).toContain("img-src 'self' https://images.example-cdn.com https://media.example.org;");
    expect(contentSecurityPolicy({ imageHosts: [] })).toContain("img-src 'self';");
    expect(contentSecurityPolicy({ imageHosts: [] })).not.toMatch(/img-src[^;]*(https:(?!\/\/)|data:|\*)/);
  });
  it("keeps only plain host names: a scheme, path, port, wildcard or policy syntax is left out", () => {
    const env = {
      AGORA_IMAGE_HOSTS:
        " Images.Example-CDN.com , https://x.test, *.wild.test, a.test/path, b.test:8443, c.test; script-src *, ,images.example-cdn.com",
    };
    expect(imageHosts(env)).toEqual(["images.example-cdn.com"]);
    expect(imageHostProblems(env)).toEqual([
      "https://x.test",
      "*.wild.test",
      "a.test/path",
      "b.test:8443",
      "c.test; script-src *",
    ]);
    expect(imageHosts({})).toEqual([]);
  });
});
