using System;
using System.Globalization;
using System.IO;
using System.Xml;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;

namespace PolicyLint.Output;

/// <summary>
/// Checkstyle XML, read by Jenkins (warnings-ng), reviewdog, SonarQube and many code-review bots: one <c>file</c> element per
/// linted file, one <c>error</c> element per finding with its line, column, severity, message and rule as <c>source</c>.
/// </summary>
public static class CheckstyleFormatter
{
    /// <summary>Formats the result as a Checkstyle XML report, ending with a newline.</summary>
    public static string Format(LintResult result, OutputOptions? options = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        return OutputSupport.ToText(w => Write(result, w, options));
    }

    /// <summary>Writes the result as a Checkstyle XML report, ending with a newline, to <paramref name="output"/> as it goes.</summary>
    public static void Write(LintResult result, TextWriter output, OutputOptions? options = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        if (output is null) throw new ArgumentNullException(nameof(output));
        var sw = new Utf8DeclaredWriter(output);
        using (var w = XmlWriter.Create(sw, XmlSupport.Settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("checkstyle");
            w.WriteAttributeString("version", "4.3");
            foreach (var file in result.Files)
            {
                w.WriteStartElement("file");
                w.WriteAttributeString("name", file.Path);
                foreach (var d in file.Diagnostics)
                {
                    w.WriteStartElement("error");
                    w.WriteAttributeString("line", d.Location.StartLine.ToString(CultureInfo.InvariantCulture));
                    w.WriteAttributeString("column", d.Location.StartColumn.ToString(CultureInfo.InvariantCulture));
                    w.WriteAttributeString("severity", d.Severity.ToDisplayString());
                    w.WriteAttributeString("message", d.Message);
                    w.WriteAttributeString("source", "PolicyLint." + d.Id);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        output.Write('\n');
    }
}
