using System;

namespace PolicyLint.Text;

/// <summary>String tests on link targets shared by the engine's target resolution and the link rules.</summary>
internal static class UriText
{
    /// <summary>True when <paramref name="t"/> starts with a URI scheme such as <c>https:</c>.</summary>
    public static bool HasScheme(string t)
    {
        if (t.Length < 2 || !IsAsciiLetter(t[0])) return false;
        for (int i = 1; i < t.Length; i++)
        {
            char c = t[i];
            if (c == ':') return i >= 2; // one letter would be a Windows drive
            if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) return false;
        }
        return false;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    /// <summary>Percent-decodes; invalid escapes are kept as written.</summary>
    public static string Decode(string s)
    {
        if (s.IndexOf('%') < 0) return s;
        try { return Uri.UnescapeDataString(s); }
        catch (UriFormatException) { return s; }
    }
}
