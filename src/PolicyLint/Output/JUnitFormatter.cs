using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;

namespace PolicyLint.Output;

/// <summary>
/// JUnit XML, which CI systems (GitLab, Jenkins, Azure Pipelines, CircleCI) show as test results: one test suite per file,
/// one failing test case per finding, and one passing test case for a file without findings.
/// </summary>
public static class JUnitFormatter
{
    /// <summary>Formats the result as a JUnit XML report, ending with a newline.</summary>
    public static string Format(LintResult result, OutputOptions? options = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        return OutputSupport.ToText(w => Write(result, w, options));
    }

    /// <summary>Writes the result as a JUnit XML report, ending with a newline, to <paramref name="output"/> as it goes.</summary>
    public static void Write(LintResult result, TextWriter output, OutputOptions? options = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        if (output is null) throw new ArgumentNullException(nameof(output));
        options ??= new OutputOptions();
        string time = result.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        var sw = new Utf8DeclaredWriter(output);
        using (var w = XmlWriter.Create(sw, XmlSupport.Settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", "PolicyLint");
            w.WriteAttributeString("tests", Tests(result).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("failures", result.Diagnostics.Length.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("errors", "0");
            if (options.ShowElapsed) w.WriteAttributeString("time", time);
            foreach (var file in result.Files)
            {
                w.WriteStartElement("testsuite");
                w.WriteAttributeString("name", file.Path);
                w.WriteAttributeString("tests", Math.Max(1, file.Diagnostics.Length).ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("failures", file.Diagnostics.Length.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("errors", "0");
                if (file.Diagnostics.IsEmpty)
                {
                    w.WriteStartElement("testcase");
                    w.WriteAttributeString("name", "no problems");
                    w.WriteAttributeString("classname", file.Path);
                    w.WriteAttributeString("file", file.Path);
                    w.WriteEndElement();
                }
                foreach (var d in file.Diagnostics)
                {
                    var l = d.Location;
                    w.WriteStartElement("testcase");
                    w.WriteAttributeString("name", $"{d.Id} ({l.StartLine},{l.StartColumn}): {d.Message}");
                    w.WriteAttributeString("classname", file.Path);
                    w.WriteAttributeString("file", file.Path);
                    w.WriteAttributeString("line", l.StartLine.ToString(CultureInfo.InvariantCulture));
                    w.WriteStartElement("failure");
                    w.WriteAttributeString("message", d.Message);
                    w.WriteAttributeString("type", d.Severity.ToDisplayString());
                    w.WriteString(d + "\n" + d.Descriptor.HelpLink);
                    w.WriteEndElement();
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        output.Write('\n');
    }

    private static int Tests(LintResult result) => result.Files.Sum(f => Math.Max(1, f.Diagnostics.Length));
}

/// <summary>XML writing shared by the JUnit and Checkstyle formats.</summary>
internal static class XmlSupport
{
    public static XmlWriterSettings Settings { get; } = new()
    {
        Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false), CheckCharacters = false,
    };
}
