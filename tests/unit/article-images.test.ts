import { describe, expect, it } from "vitest";
import { imageProblems, renderArticleBody } from "@/lib/markdown/article";

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
    expect(imageProblems("![Pixel](https://evil.test/p.gif)")).toMatch(/must be on this site/);
    expect(imageProblems("![Fine](/media/ok.jpg) and text")).toBeNull();
  });
});
