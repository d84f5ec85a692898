using System;
using System.Collections.Generic;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.FrontMatter;

/// <summary>A required field path; for paths named in PL1003's list, every parent is required too.</summary>
internal readonly struct RequiredField
{
    public RequiredField(FieldPath path, bool parentsRequired) { Path = path; ParentsRequired = parentsRequired; }
    public FieldPath Path { get; }
    public bool ParentsRequired { get; }
}

/// <summary>
/// The front matter policy that applies to a file, gathered from the family's options. PL1004's <c>fields</c> spec is the
/// one place to describe fields; PL1003 and PL1006 add plain lists of paths on top, so small configurations stay small.
/// Reading another rule's options does not depend on that rule's severity: each rule can be turned off on its own.
/// </summary>
internal static class FrontMatterPolicy
{
    public static IReadOnlyList<KeyValuePair<string, FieldSpec>> Specs(DocumentContextBase c) =>
        FieldSpecs.Get(c.GetOptions(PL1004FieldValue.Rule));

    /// <summary>PL1003's <c>fields</c> list, then every <c>required: true</c> in PL1004's spec.</summary>
    public static List<RequiredField> Required(DocumentContextBase c)
    {
        var result = new List<RequiredField>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(FieldPath p, bool parents)
        {
            if (index.TryGetValue(p.Text, out int i)) { if (parents) result[i] = new RequiredField(p, true); return; }
            index[p.Text] = result.Count;
            result.Add(new RequiredField(p, parents));
        }
        foreach (var p in Paths(c.GetOptions(PL1003RequiredField.Rule), "fields"))
        {
            foreach (var parent in p.Parents()) Add(parent, true);
            Add(p, true);
        }
        Walk(Specs(c), "", (path, spec) => { if (spec.Required) Add(FieldPath.TryParse(path)!, false); });
        return result;
    }

    /// <summary>PL1006's <c>fields</c> list, then every <c>path: true</c> in PL1004's spec.</summary>
    public static List<FieldPath> PathFields(DocumentContextBase c)
    {
        var result = new List<FieldPath>(Paths(c.GetOptions(PL1006ReferencedFileMissing.Rule), "fields"));
        Walk(Specs(c), "", (path, spec) =>
        {
            if (spec.IsPath && FieldPath.TryParse(path) is { } p && !result.Contains(p)) result.Add(p);
        });
        return result;
    }

    /// <summary>Top-level field names the configuration mentions anywhere in the family.</summary>
    public static HashSet<string> KnownNames(DocumentContextBase c)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in c.GetOptions(PL1009UnknownField.Rule).GetStringList("allowed")) names.Add(s);
        foreach (var kv in Specs(c)) names.Add(kv.Key);
        foreach (var r in Required(c)) names.Add(r.Path.Top);
        foreach (var p in PathFields(c)) names.Add(p.Top);
        names.Add(PL1007TitleMatchesH1.TitleField(c));
        foreach (var f in ReviewDates.Fields(c)) names.Add(f);
        return names;
    }

    /// <summary>A list option of field paths, each checked.</summary>
    public static IEnumerable<FieldPath> Paths(RuleOptions options, string key)
    {
        foreach (var s in options.GetStringList(key))
            yield return FieldPath.TryParse(s) ?? throw options.Error(key,
                $"'{s}' is not a field path; write names joined by '.', with '[]' after a list, e.g. 'authors[].user'");
    }

    /// <summary>Visits every spec with its path (<c>authors</c>, <c>authors[]</c>, <c>authors[].user</c>).</summary>
    public static void Walk(IReadOnlyList<KeyValuePair<string, FieldSpec>> specs, string prefix, Action<string, FieldSpec> visit)
    {
        foreach (var kv in specs)
        {
            string path = prefix + kv.Key;
            visit(path, kv.Value);
            if (kv.Value.Fields is { } fields) Walk(fields, path + ".", visit);
            if (kv.Value.Items is { } items)
            {
                visit(path + "[]", items);
                if (items.Fields is { } itemFields) Walk(itemFields, path + "[].", visit);
            }
        }
    }
}
