using System;
using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace TestPlugin;

/// <summary>TST1001 todo-marker: flags the word TODO; safe fix: DONE. TST1002 fixme-marker: flags FIXME; unsafe fix: delete it.</summary>
[MarkdownAnalyzer]
public sealed class TodoAnalyzer : MarkdownAnalyzer
{
    public static readonly RuleDescriptor Todo = RuleDescriptor.Create(
        "TST1001", "todo-marker", "Documents must not contain TODO markers",
        "Replace 'TODO' with 'DONE'", RuleCategory.Custom, Severity.Warning, hasFix: true, helpLink: "https://example.invalid/rules/TST1001");

    public static readonly RuleDescriptor Fixme = RuleDescriptor.Create(
        "TST1002", "fixme-marker", "Documents must not contain FIXME markers",
        "Remove 'FIXME'", RuleCategory.Custom, Severity.Error, hasFix: true, helpLink: "https://example.invalid/rules/TST1002");

    public override ImmutableArray<RuleDescriptor> SupportedRules => ImmutableArray.Create(Todo, Fixme);

    public override void Initialize(AnalysisContext context)
    {
        context.RegisterDocumentAction(c =>
        {
            string text = c.File.Text;
            // A rule that never returns and never looks at its cancellation token: what stopping a run must cope with.
            if (text.Contains("TST-SPIN-FOREVER")) Spin();
            // One that does listen: it returns (with OperationCanceledException) as soon as the run is stopped.
            if (text.Contains("TST-SPIN-UNTIL-STOPPED"))
                while (true) { c.CancellationToken.ThrowIfCancellationRequested(); System.Threading.Thread.Sleep(10); }
#if PLUGIN_V2
            // The next version (tests/TestPluginV2): the marker in any case.
            Find(text.ToUpperInvariant(), "TODO", i => c.Report(Todo, new TextSpan(i, 4), Fix.Replace("Replace TODO with DONE", new TextSpan(i, 4), "DONE")));
#else
            Find(text, "TODO", i => c.Report(Todo, new TextSpan(i, 4), Fix.Replace("Replace TODO with DONE", new TextSpan(i, 4), "DONE")));
#endif
            Find(text, "FIXME", i =>
            {
                int end = i + 5 < text.Length && text[i + 5] == ' ' ? i + 6 : i + 5;
                c.Report(Fixme, new TextSpan(i, 5), Fix.Replace("Delete FIXME", TextSpan.FromBounds(i, end), "", isSafe: false));
            });
        });
    }

    private static void Spin()
    {
        long n = 0;
        while (n >= 0) n = (n + 1) & 0xFFFFFFF;
    }

    private static void Find(string text, string word, Action<int> report)
    {
        for (int i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal))
            report(i);
    }
}
