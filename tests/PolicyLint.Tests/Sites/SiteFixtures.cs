using System.Collections.Generic;
using PolicyLint.Testing;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Sites;

/// <summary>Small self-contained sites, one per generator, written into a temporary tree (configuration, pages, assets).</summary>
internal static class SiteFixtures
{
    public static TempTree Jekyll()
    {
        var t = new TempTree();
        t.Write("_config.yml", "permalink: \"/:path/\"\nexclude:\n  - README.md\ncollections:\n  articles:\n    output: true\n    permalink: \"/:path/\"\nplugins:\n  - jekyll-redirect-from\n");
        t.Write("_layouts/article.html", "<h1>{{ page.title }}</h1>\n{{ content }}\n");
        t.Write("_articles/legal.md", "---\ntitle: Legal\n---\n\n## The License\n\nText.\n");
        t.Write("_articles/de/legal.md", "---\ntitle: Recht\nredirect_from:\n  - /old-url/\n---\n\n## Rechte\n\nText.\n");
        t.Write("_articles/de/index.html", "---\npermalink: /de/\n---\n<p>Start</p>\n");
        t.Write("notices.md", "---\ntitle: Notices\n---\n\nText.\n");
        t.WriteBytes("assets/img/a.png", [1]);
        t.Write("README.md", "# Readme\n\n[guide](docs/guide.md)\n");
        return t;
    }

    public static TempTree Hugo()
    {
        var t = new TempTree();
        t.Write("hugo.toml", "baseURL = \"https://example.org/\"\ncontentDir = \"content\"\n\n[markup.goldmark.parser]\n  autoDefinitionTermID = true\n  [markup.goldmark.parser.attribute]\n    block = true\n");
        t.Write("layouts/_markup/render-link.html", "{{/* the site's own link hook */}}\n");
        t.Write("content/_index.md", "---\ntitle: Home\n---\n");
        t.Write("content/methods/site/Language.md", "---\ntitle: Language\naliases: [/old/path/]\n---\n\n## Options\n\nText.\n");
        t.Write("content/_common/_index.md", "---\ncascade:\n  build:\n    render: never\n---\n");
        t.Write("content/_common/snippet.md", "---\n---\n\n## Included heading\n\nSee [this](#anchor-of-the-includer).\n");
        t.WriteBytes("static/images/logo.png", [1]);
        return t;
    }

    public static TempTree Docusaurus()
    {
        var t = new TempTree();
        t.Write("website/docusaurus.config.js", "module.exports = {\n  baseUrl: '/',\n  presets: [['classic', { docs: { path: '../docs', routeBasePath: 'docs' }, blog: {} }]],\n" +
            "  plugins: [['@docusaurus/plugin-client-redirects', { fromExtensions: ['html'] }]],\n};\n");
        t.Write("website/versions.json", "[\"2.0\"]\n");
        t.Write("website/versioned_docs/version-2.0/Intro.md", "---\nid: intro\n---\n\n# Intro\n");
        t.Write("docs/Intro.md", "---\nid: intro\n---\n\n# Intro\n\n## Getting started {#start}\n");
        t.Write("docs/Config.md", "---\nid: configuration\n---\n\n# Configuration\n\n## `bail` \\[boolean]\n");
        t.Write("docs/_Partial.md", "Shared text with [a fragment](#of-the-importer).\n");
        t.WriteBytes("website/static/img/x.png", [1]);
        t.Write("website/static/_redirects", "/old/*  /docs/:splat  301\n/ja/*  /ja/404.html  404\n");
        return t;
    }

    public static TempTree MkDocs()
    {
        var t = new TempTree();
        t.Write("mkdocs.yml", "site_name: Test\ndocs_dir: docs\nhooks:\n  - hooks/shortcodes.py\nmarkdown_extensions:\n  - attr_list\n  - footnotes\n  - toc:\n      permalink: true\n" +
            "  - pymdownx.tabbed:\n      combine_header_slug: true\n  - pymdownx.emoji:\n      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n" +
            "plugins:\n  - search\n  - redirects:\n      redirect_maps:\n        old.md: setup/index.md\n");
        t.Write("docs/setup/index.md", "# Setup\n\n## Caret, Mark & Tilde\n\n### Options { #opts }\n\n#### <!-- md:option type:x -->\n\n### 9.7.0 <small>May</small> { id=\"9.7.0\" }\n");
        t.WriteBytes("docs/assets/a.png", [1]);
        return t;
    }

    public static TempTree Docfx()
    {
        var t = new TempTree();
        t.Write("docfx.json", "{ \"build\": { \"content\": [ { \"files\": [\"**/*.md\"] } ] } }\n");
        t.Write(".openpublishing.redirection.json", "{ \"redirections\": [ { \"source_path\": \"docs/old.md\", \"redirect_url\": \"/docs/a\" } ] }\n");
        t.Write("docs/includes/snip.md", "## Included\n\nText.\n");
        t.Write("docs/a.md", "# A\n\n## 🎉\n\n## 🎉\n");
        return t;
    }

    /// <summary>Writes the page (markup removed) so that the site's index lists it, and returns the markup for the verifier.</summary>
    public static string Page(TempTree tree, string rel, string markup)
    {
        var (text, _) = SpanMarkup.Parse(markup);
        tree.Write(rel, text);
        return markup;
    }

    public static readonly IReadOnlyList<string> LinkRules = ["PL3001", "PL3002"];
}
