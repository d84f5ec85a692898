using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PolicyLint.Tests.Rules.Encoding.Generated;

/// <summary>How the outermost layer lost information (or was written over), if at all.</summary>
internal enum LossyKind
{
    /// <summary>Every byte decoded as the code page decodes it (Windows best fit for undefined bytes).</summary>
    None,

    /// <summary>A byte the code page cannot show (undefined, or a C1 control) was dropped.</summary>
    Dropped,

    /// <summary>... became '?'.</summary>
    Question,

    /// <summary>... became U+FFFD.</summary>
    Replacement,

    /// <summary>A no-break space of the broken text became a plain space.</summary>
    NbspToSpace,

    /// <summary>The original's astral characters were encoded as CESU-8 (each surrogate on its own) before the break.</summary>
    Cesu8,

    /// <summary>Every non-ASCII character of the broken text was then written as an HTML character reference.</summary>
    Entities,
}

/// <summary>One legacy code page of the issue, by its detector name and .NET code page number.</summary>
internal sealed record LegacyPage(string Name, int CodePage)
{
    public static readonly LegacyPage[] All =
    {
        new("Windows-1252", 1252), new("ISO-8859-1", 28591), new("MacRoman", 10000), new("CP437", 437),
        new("CP850", 850), new("Windows-1250", 1250), new("Windows-1251", 1251), new("Windows-1257", 1257),
        new("ISO-8859-2", 28592), new("ISO-8859-15", 28605), new("KOI8-R", 20866),
    };

    public static readonly LegacyPage Windows1252 = All[0];

    public System.Text.Encoding Encoding => CodePage == 28591 ? System.Text.Encoding.Latin1 : MojibakeHelpers.Cp(CodePage);

    /// <summary>Characters this page's decoding yields for bytes a legacy viewer cannot show.</summary>
    public bool IsUnshowable(char c) => CodePage switch
    {
        1252 or 1250 or 1251 or 1257 => (c >= '\u0080' && c <= '\u009F') || (c >= '\uF8F0' && c <= '\uF8FF'),
        28591 or 28592 or 28605 => c >= '\u0080' && c <= '\u009F',
        _ => false,
    };
}

/// <summary>
/// One generated case: the original text and its broken form, kept piece by piece (one piece per original code
/// point) so that every finding can be judged: a repair is right only if it covers whole pieces and gives back their
/// original text.
/// </summary>
internal sealed class MojibakeCase
{
    public MojibakeCase(string group, string page, int layers, LossyKind kind, string language, List<(string Original, string Broken)> pieces)
    {
        Group = group;
        Page = page;
        Layers = layers;
        Kind = kind;
        Language = language;
        Pieces = pieces;
        Original = string.Concat(pieces.Select(p => p.Original));
        Broken = string.Concat(pieces.Select(p => p.Broken));
    }

    public string Group { get; }
    public string Page { get; }
    public int Layers { get; }
    public LossyKind Kind { get; }
    public string Language { get; }
    public List<(string Original, string Broken)> Pieces { get; }
    public string Original { get; }
    public string Broken { get; }

    /// <summary>Whether no information was lost, so an exact repair is possible.</summary>
    public bool Repairable => Kind is LossyKind.None or LossyKind.Cesu8 or LossyKind.Entities;
}

/// <summary>Breaks text through legacy code pages, one or more layers, with each lossy variant.</summary>
internal static class MojibakeGenerator
{
    /// <summary>Code points of <paramref name="s"/> (surrogate pairs kept together).</summary>
    public static List<string> CodePoints(string s)
    {
        var list = new List<string>();
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { list.Add(s.Substring(i, 2)); i++; }
            else list.Add(s[i].ToString());
        }
        return list;
    }

    /// <summary>UTF-8 (or CESU-8 for astral code points) bytes of one code point, decoded through the page.</summary>
    private static string Layer(string cp, LegacyPage page, bool cesu8)
    {
        byte[] bytes;
        if (cesu8 && cp.Length == 2)
        {
            // CESU-8: each UTF-16 surrogate encoded as its own three-byte sequence.
            var b = new List<byte>();
            foreach (char c in cp) b.AddRange(new[] { (byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F)) });
            bytes = b.ToArray();
        }
        else
        {
            bytes = System.Text.Encoding.UTF8.GetBytes(cp);
        }
        return page.Encoding.GetString(bytes);
    }

    /// <summary>Breaks one code point through the chain of pages (innermost first), the lossy kind applied last.</summary>
    public static string BreakCodePoint(string cp, IReadOnlyList<LegacyPage> chain, LossyKind kind)
    {
        string s = cp;
        for (int k = 0; k < chain.Count; k++)
        {
            // Each layer re-encodes the previous layer's text; a piece stays a concatenation of whole code points.
            var sb = new StringBuilder();
            foreach (var c in CodePoints(s)) sb.Append(Layer(c, chain[k], cesu8: kind == LossyKind.Cesu8 && k == 0));
            s = sb.ToString();
        }
        var outer = chain[chain.Count - 1];
        switch (kind)
        {
            case LossyKind.Dropped: return new string(s.Where(c => !outer.IsUnshowable(c)).ToArray());
            case LossyKind.Question: return new string(s.Select(c => outer.IsUnshowable(c) ? '?' : c).ToArray());
            case LossyKind.Replacement: return new string(s.Select(c => outer.IsUnshowable(c) ? '\uFFFD' : c).ToArray());
            case LossyKind.NbspToSpace: return s.Replace('\u00A0', ' ');
            case LossyKind.Entities:
                var e = new StringBuilder();
                foreach (var c in CodePoints(s))
                {
                    if (c[0] < 0x80) e.Append(c);
                    else e.Append("&#").Append(char.ConvertToUtf32(c, 0).ToString(CultureInfo.InvariantCulture)).Append(';');
                }
                return e.ToString();
            default: return s;
        }
    }

    public static List<(string, string)> Pieces(string text, IReadOnlyList<LegacyPage> chain, LossyKind kind) =>
        CodePoints(text).Select(cp => (cp, chain.Count == 0 ? cp : BreakCodePoint(cp, chain, kind))).ToList();

    /// <summary>Every case: each sentence through each page, 1 to 3 layers, each lossy kind; mixed pages; mixed lines.</summary>
    public static List<MojibakeCase> Cases()
    {
        var cases = new List<MojibakeCase>();
        var kinds = new[] { LossyKind.None, LossyKind.Dropped, LossyKind.Question, LossyKind.Replacement, LossyKind.NbspToSpace, LossyKind.Cesu8, LossyKind.Entities };
        foreach (var (lang, text) in MojibakeSamples.Sentences)
        {
            foreach (var page in LegacyPage.All)
            {
                for (int layers = 1; layers <= 3; layers++)
                {
                    var chain = Enumerable.Repeat(page, layers).ToArray();
                    string exact = string.Concat(Pieces(text, chain, LossyKind.None).Select(p => p.Item2));
                    foreach (var kind in kinds)
                    {
                        if (kind == LossyKind.Entities && layers > 1) continue; // entities are written over one layer
                        var pieces = Pieces(text, chain, kind);
                        var c = new MojibakeCase("layers", page.Name, layers, kind, lang, pieces);
                        // A lossy kind that changed nothing is the exact case again; a text the page leaves as it is is no case.
                        if (c.Broken == c.Original || (kind != LossyKind.None && c.Broken == exact)) continue;
                        cases.Add(c);
                    }
                }

                if (page != LegacyPage.Windows1252)
                {
                    // Mixed chain: read through this page, then through Windows-1252.
                    var mixed = new MojibakeCase("then Windows-1252", page.Name, 2, LossyKind.None, lang, Pieces(text, new[] { page, LegacyPage.Windows1252 }, LossyKind.None));
                    if (mixed.Broken != mixed.Original) cases.Add(mixed);
                }

                // Mixed lines: half broken; two pages in one line; a broken half re-encoded once more with the rest.
                var cps = CodePoints(text);
                int half = cps.Count / 2;
                while (half < cps.Count && cps[half] != " ") half++;
                string a = string.Concat(cps.Take(half)), b = string.Concat(cps.Skip(half));
                var one = new[] { page };
                var partly = Pieces(a, System.Array.Empty<LegacyPage>(), LossyKind.None).Concat(Pieces(b, one, LossyKind.None)).ToList();
                AddIfBroken(cases, new MojibakeCase("part of the line", page.Name, 1, LossyKind.None, lang, partly));
                if (page != LegacyPage.Windows1252)
                {
                    var two = Pieces(a, one, LossyKind.None).Concat(Pieces(b, new[] { LegacyPage.Windows1252 }, LossyKind.None)).ToList();
                    AddIfBroken(cases, new MojibakeCase("two pages in a line", page.Name, 1, LossyKind.None, lang, two));
                }
                var again = Pieces(a, new[] { page, page }, LossyKind.None).Concat(Pieces(b, one, LossyKind.None)).ToList();
                AddIfBroken(cases, new MojibakeCase("re-encoded once more", page.Name, 2, LossyKind.None, lang, again));
            }
        }
        return cases;
    }

    private static void AddIfBroken(List<MojibakeCase> cases, MojibakeCase c)
    {
        if (c.Broken != c.Original) cases.Add(c);
    }
}
