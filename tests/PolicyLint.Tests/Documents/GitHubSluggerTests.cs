using System;
using System.Globalization;
using System.Text;
using PolicyLint.Documents;
using Xunit;

namespace PolicyLint.Tests.Documents
{
    public sealed class GitHubSluggerTests
    {
        [Theory]
        [InlineData("Hello World", "hello-world")]
        [InlineData("Getting Started!", "getting-started")]
        [InlineData("What's new in v2.0?", "whats-new-in-v20")]
        [InlineData("foo  --  bar", "foo------bar")]
        [InlineData("a_b-c", "a_b-c")]
        [InlineData("C# & .NET (10)", "c--net-10")]
        [InlineData("tab\there", "tabhere")]
        [InlineData("", "")]
        public void Ascii(string input, string expected) =>
            Assert.Equal(expected, GitHubSlugger.BaseSlug(input));

        [Fact]
        public void AlreadySluggedAsciiIsReturnedWithoutCopy()
        {
            const string input = "already-a_slug-42";
            Assert.Same(input, GitHubSlugger.BaseSlug(input));
        }

        [Fact]
        public void DuplicatesUsePerBaseCounterAndMarkResultsTaken()
        {
            var s = new GitHubSlugger();
            Assert.Equal("intro", s.Slug("Intro"));
            Assert.Equal("intro-1", s.Slug("Intro"));
            Assert.Equal("intro-1-1", s.Slug("Intro 1"));
            Assert.Equal("intro-2", s.Slug("intro"));
            Assert.Equal("x-1", s.Slug("x-1"));
            Assert.Equal("x", s.Slug("x"));
            Assert.Equal("x-2", s.Slug("x"));   // x-1 is taken, counter moves on
        }

        [Fact]
        public void EmptySlugsAreDeduplicatedToo()
        {
            var s = new GitHubSlugger();
            Assert.Equal("", s.Slug("🚀"));
            Assert.Equal("-1", s.Slug("!!!"));
        }

        [Fact]
        public void ResetForgetsEverything()
        {
            var s = new GitHubSlugger();
            Assert.Equal("a", s.Slug("a"));
            Assert.Equal("a-1", s.Slug("a"));
            s.Reset();
            Assert.Equal("a", s.Slug("a"));
        }

        [Theory]
        [InlineData("😄 unicode emoji", "-unicode-emoji")]
        [InlineData("Launch 🚀🚀 day", "launch--day")]
        [InlineData("👍🏽 thumbs", "-thumbs")]                  // skin-tone modifier (Sk) removed
        [InlineData("🇫🇷 flag", "-flag")]                        // regional indicators (So) removed
        [InlineData("1\uFE0F\u20E3 keycap", "1\uFE0F\u20E3-keycap")] // VS16 (Mn) and U+20E3 (Me) are marks: kept
        [InlineData("I ♥ unicode", "i--unicode")]
        [InlineData("Ⓖood 🄸dea", "ⓖood-🄸dea")]               // Alphabetic symbols are kept (🄸 has no lower case)
        public void EmojiAndSymbols(string input, string expected) =>
            Assert.Equal(expected, GitHubSlugger.BaseSlug(input));

        [Theory]
        [InlineData("你好 世界", "你好-世界")]
        [InlineData("日本語の見出し（テスト）", "日本語の見出しテスト")]   // fullwidth parentheses removed
        [InlineData("한국어 제목", "한국어-제목")]
        [InlineData("\U000306F8", "\U000306F8")]                   // CJK Ext G (Unicode 13): kept
        [InlineData("a\U00031350b", "ab")]                          // CJK Ext H (Unicode 15): removed
        [InlineData("a\u0870b", "ab")]                              // Arabic letter (Unicode 14): removed
        public void Cjk(string input, string expected) =>
            Assert.Equal(expected, GitHubSlugger.BaseSlug(input));

        [Theory]
        [InlineData(" a", "-a")]
        [InlineData("a ", "a-")]
        [InlineData("  a  ", "--a--")]
        [InlineData("\u00A0a\u00A0", "a")]       // NBSP is removed, not turned into '-'
        [InlineData("a\u2028b\u3000c", "abc")]
        public void LeadingAndTrailingSpacesAreNotTrimmed(string input, string expected) =>
            Assert.Equal(expected, GitHubSlugger.BaseSlug(input));

        [Theory]
        [InlineData("İstanbul", "i\u0307stanbul")]
        [InlineData("ẞ STRASSE", "ß-strasse")]
        [InlineData("ǅungla", "ǆungla")]
        [InlineData("ΟΔΟΣ", "οδοσ")]                       // no Final_Sigma context mapping
        [InlineData("\U00010400\U00010401", "\U00010428\U00010429")] // Deseret, surrogate pairs
        [InlineData("\U0001E900", "\U0001E922")]                      // Adlam
        [InlineData("\U0001D400", "\U0001D400")]                      // math bold A: Lu without lower case
        public void LowerCasing(string input, string expected) =>
            Assert.Equal(expected, GitHubSlugger.BaseSlug(input));

        [Fact]
        public void SupplementaryLowerCaseTableMatchesRuntime()
        {
            for (int cp = 0x10000; cp <= 0x10FFFF; cp++)
            {
                var cat = CharUnicodeInfo.GetUnicodeCategory(cp);
                if (cat != UnicodeCategory.UppercaseLetter && cat != UnicodeCategory.TitlecaseLetter)
                {
                    continue;
                }

                string slug = GitHubSlugger.BaseSlug(char.ConvertFromUtf32(cp));
                if (slug.Length == 0)
                {
                    continue; // assigned after Unicode 13: removed
                }

                Assert.Equal(Rune.ToLowerInvariant(new Rune(cp)).ToString(), slug);
            }
        }

        [Fact]
        public void BmpLowerCaseMatchesFullMapping()
        {
            for (int c = 0x80; c <= 0xFFFF; c++)
            {
                if (c >= 0xD800 && c <= 0xDFFF)
                {
                    continue;
                }

                string input = ((char)c).ToString();
                string slug = GitHubSlugger.BaseSlug(input);
                if (slug.Length == 0)
                {
                    continue;
                }

                string expected = c == 0x130 ? "i\u0307" : input.ToLowerInvariant();
                Assert.True(expected == slug, $"U+{c:X4}: expected {GitHubSluggerOracleTests.Escape(expected)}, got {GitHubSluggerOracleTests.Escape(slug)}");
            }
        }

        [Fact]
        public void NullThrows() =>
            Assert.Throws<ArgumentNullException>(() => GitHubSlugger.BaseSlug(null!));
    }
}
