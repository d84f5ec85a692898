using System.Text;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Cli.Tests.Adoption;

/// <summary>A small repository with one finding of several families, linted by the built tool with built-in rules.</summary>
internal static class AdoptionTree
{
    /// <summary>PL4001 on line 7, PL3007/PL3001/PL3008/PL3001 on line 9, PL2001 on line 11.</summary>
    public const string Guide = "---\ntitle: Guide\n---\n\n# Guide\n\n### Skipped\n\nSee [here](missing.md) and ![](img.png).\n\nCafÃ© text.\n";

    public const string Pl4001 = "a.md(7,1): warning PL4001: Heading level jumps from H1 to H3; expected H2\n";
    public const string Pl3007 = "a.md(9,5): warning PL3007: Link text 'here' does not say where the link goes; use words that name the target, such as its title\n";
    public const string Pl3001Link = "a.md(9,12): error PL3001: Link target 'missing.md' does not exist\n";
    public const string Pl3008 = "a.md(9,28): warning PL3008: Image 'img.png' has no alt text; describe the image between the brackets: '![what it shows](...)'\n";
    public const string Pl3001Image = "a.md(9,32): error PL3001: Image 'img.png' does not exist\n";
    public const string Pl2001 = "a.md(11,4): error PL2001: 'Ã©' is UTF-8 read as Windows-1252; did you mean 'é'?\n";

    public static TempTree Create()
    {
        var t = new TempTree();
        t.Write(".policylint.yml", "root: true\n");
        t.Write("a.md", Guide);
        return t;
    }

    public static string Lines(params string[] lines) => new StringBuilder().AppendJoin("", lines).ToString();
}
