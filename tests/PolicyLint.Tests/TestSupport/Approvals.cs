using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace PolicyLint.Tests.TestSupport;

/// <summary>
/// Approved-file testing: compares text with <c>name.expected.txt</c> next to the test source. On a mismatch writes
/// <c>name.received.txt</c> and fails with a diff. <c>UPDATE_SNAPSHOTS=1</c> rewrites the expected file (never in CI).
/// </summary>
public static class Approvals
{
    public static void Verify(string actual, string name, [CallerFilePath] string sourceFile = "")
    {
        string dir = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Approved");
        VerifyAt(actual, Path.Combine(dir, name + ".expected.txt"));
    }

    public static void VerifyAt(string actual, string expectedPath)
    {
        actual = Normalize(actual);
        string receivedPath = expectedPath.Replace(".expected.txt", ".received.txt");
        bool update = Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" && Environment.GetEnvironmentVariable("CI") != "true";
        if (!File.Exists(expectedPath) || update)
        {
            if (update || Environment.GetEnvironmentVariable("CI") != "true")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
                File.WriteAllText(expectedPath, actual, new UTF8Encoding(false));
                if (update) return;
                Assert.Fail($"No approved file existed; wrote {expectedPath}. Review it and run again.");
            }
            Assert.Fail($"Approved file {expectedPath} is missing.");
        }
        string expected = Normalize(File.ReadAllText(expectedPath));
        if (expected == actual)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
        var diff = InlineDiffBuilder.Diff(expected, actual);
        var lines = diff.Lines.Select(l => l.Type switch
        {
            ChangeType.Inserted => "+ " + l.Text,
            ChangeType.Deleted => "- " + l.Text,
            _ => "  " + l.Text,
        });
        Assert.Fail($"Output differs from {Path.GetFileName(expectedPath)} (received file written):\n" + string.Join("\n", lines));
    }

    private static string Normalize(string s) => s.Replace("\r\n", "\n").TrimEnd('\n') + "\n";
}
