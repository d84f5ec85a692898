using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicyLint.Rules.Encoding;
using Xunit;

namespace PolicyLint.Tests.Rules.Encoding;

public class MojibakeCultureDataTests(ITestOutputHelper output)
{
    /// <summary>Real multilingual text from the ICU culture data: native names, months, days.</summary>
    [Fact]
    public void NativeCultureTextIsSilent()
    {
        var cultures = CultureInfo.GetCultures(CultureTypes.AllCultures);
        Assert.SkipWhen(cultures.Length < 50, "no ICU culture data (invariant globalization)");
        var hits = new List<string>();
        int strings = 0;
        foreach (var c in cultures)
        {
            var texts = new List<string> { c.NativeName, c.DisplayName };
            try
            {
                var f = c.DateTimeFormat;
                texts.AddRange(f.MonthNames);
                texts.AddRange(f.MonthGenitiveNames);
                texts.AddRange(f.DayNames);
                texts.AddRange(f.AbbreviatedDayNames);
                texts.AddRange(f.AbbreviatedMonthNames);
                texts.Add(c.NumberFormat.CurrencySymbol);
                texts.Add(c.NumberFormat.NaNSymbol);
                texts.Add(string.Join(" ", f.MonthNames) + " " + string.Join(", ", f.DayNames));
            }
            catch (System.NotSupportedException)
            {
            }

            foreach (var t in texts.Where(t => !string.IsNullOrEmpty(t)))
            {
                strings++;
                foreach (var finding in MojibakeDetector.Find(t))
                {
                    hits.Add($"{c.Name}: {t} => {finding}");
                }
            }
        }

        output.WriteLine($"{cultures.Length} cultures, {strings} strings, {hits.Count} findings");
        foreach (var h in hits.Take(40))
        {
            output.WriteLine(h);
        }

        Assert.True(hits.Count == 0, string.Join("\n", hits.Take(20)));

        // Informational: how well the same strings are repaired after one Windows-1252 layer
        // (short strings such as one-letter abbreviations carry little evidence).
        var all = cultures.SelectMany(c => new[] { c.NativeName, string.Join(" ", c.DateTimeFormat.MonthNames) })
            .Where(t => t.Any(ch => ch >= 0x80)).Distinct().ToList();
        int ok = 0;
        var misses = new List<string>();
        foreach (var t in all)
        {
            string broken = MojibakeHelpers.Break(t, 1252);
            if (MojibakeHelpers.Apply(broken, MojibakeDetector.Find(broken)) == t)
            {
                ok++;
            }
            else
            {
                misses.Add(t);
            }
        }

        output.WriteLine($"culture strings through Windows-1252: {all.Count}, repaired exactly {100.0 * ok / all.Count:F2}%");
        foreach (var m in misses.Take(15))
        {
            output.WriteLine("  missed: " + m);
        }
    }
}
