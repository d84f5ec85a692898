using System;
using System.Collections.Generic;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Rules.FrontMatter;

/// <summary>The review-date fields shared by PL1008 (passed) and PL1010 (soon); both read PL1008's options.</summary>
internal static class ReviewDates
{
    public static readonly IReadOnlyList<string> DefaultFields = ["review_by", "expires"];
    public const int DefaultWarnDays = 30;

    public static IReadOnlyList<string> Fields(DocumentContextBase c) => c.GetOptions(PL1008ReviewDatePassed.Rule).GetStringList("fields", DefaultFields);

    public static int WarnDays(DocumentContextBase c)
    {
        var options = c.GetOptions(PL1008ReviewDatePassed.Rule);
        int days = options.GetInt("warnDays", DefaultWarnDays);
        if (days < 0) throw options.Error("warnDays", $"'warnDays' must be 0 or more, not {days}");
        return days;
    }

    /// <summary>
    /// Each configured field present with a value: its name, value span, text, and the whole days from today to it
    /// (negative when passed; null when the value is not an ISO 8601 date). Dates compare by calendar day in the clock's
    /// offset; date-times compare as instants.
    /// </summary>
    public static IEnumerable<(string Field, TextSpan Span, string Text, int? Days)> Read(DocumentContextBase c)
    {
        var fm = c.FrontMatter;
        if (fm.Kind != FrontMatterKind.Present || fm.Mapping is null) yield break;
        // PL1010 reports from warnDays on: beyond it, the findings do not change from one day to the next, and the result
        // cache keeps them (an invalid warnDays is PL1010's error to report: count every day then).
        int stableAbove;
        try { stableAbove = WarnDays(c); }
        catch (PolicyLint.Values.InvalidValueException) { stableAbove = int.MaxValue; }
        foreach (var field in Fields(c))
        {
            if (!fm.TryGetEntry(field, out _, out var value) || value is not YamlScalarNode s || YamlValues.IsEmpty(s)) continue;
            string text = s.Value!.Trim();
            int? days = null;
            if (YamlValues.TryParseDate(text, out var date, out bool hasTime))
                days = c.Workspace.DaysUntil(date, hasTime, stableAbove);
            yield return (field, YamlSpans.Locate(fm, null, s), text, days);
        }
    }

    public static string Ago(int days) => days == 1 ? "1 day" : days + " days";
}
