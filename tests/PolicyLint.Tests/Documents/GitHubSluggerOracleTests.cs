using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using PolicyLint.Documents;
using PolicyLint.Tests.TestSupport;
using Xunit;

namespace PolicyLint.Tests.Documents
{
    public sealed class GitHubSluggerOracleTests
    {
        private const string FixtureFileName = "github-slugger-fixtures.json";

        [Fact]
        public void AllOracleCasesInFileOrderThroughOneInstance()
        {
            string path = SharedData.Require("oracles/" + FixtureFileName);

            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path!));
            var slugger = new GitHubSlugger();
            var failures = new List<string>();
            int total = 0;
            foreach (JsonElement c in doc.RootElement.EnumerateArray())
            {
                total++;
                string name = c.GetProperty("name").GetString()!;
                string input = c.GetProperty("input").GetString()!;
                string expected = c.GetProperty("expected").GetString()!;
                string actual = slugger.Slug(input);
                if (!string.Equals(expected, actual, StringComparison.Ordinal))
                {
                    failures.Add($"#{total} '{name}'\n  input:    {Escape(input)}\n  expected: {Escape(expected)}\n  actual:   {Escape(actual)}");
                }
            }

            Assert.Equal(78, total);
            Assert.True(failures.Count == 0, $"{failures.Count}/{total} oracle cases failed:\n" + string.Join("\n", failures));
        }

        /// <summary>Escapes as code points: printable ASCII as is, everything else as U+XXXX.</summary>
        internal static string Escape(string s)
        {
            var sb = new StringBuilder("\"");
            for (int i = 0; i < s.Length; i++)
            {
                int cp = s[i];
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    cp = char.ConvertToUtf32(s[i], s[i + 1]);
                    i++;
                }

                if (cp >= 0x20 && cp < 0x7F && cp != '\\' && cp != '"')
                {
                    sb.Append((char)cp);
                }
                else
                {
                    sb.Append("\\u{").Append(cp.ToString("X4", CultureInfo.InvariantCulture)).Append('}');
                }
            }

            return sb.Append('"').ToString();
        }
    }
}
