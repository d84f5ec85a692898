using System.IO;
using System.Linq;
using PolicyLint.IO;

namespace PolicyLint.Tests.Engine;

/// <summary>
/// <see cref="SafeFile.ReadBounded"/> reads a file of its recorded size straight into an array of that size (issue 19); a
/// stream that holds more or less than was recorded still gives exactly its bytes, and more than the limit still throws.
/// </summary>
public sealed class SafeFileReadTests
{
    private static byte[] Bytes(int n) => Enumerable.Range(0, n).Select(i => (byte)(i * 7 + 1)).ToArray();

    [Theory]
    [InlineData(1000, 1000)]   // the recorded size
    [InlineData(1000, 999)]    // shrank after it was recorded
    [InlineData(1000, 1001)]   // one byte more than recorded
    [InlineData(1000, 200_000)] // grew by more than one copy buffer
    [InlineData(0, 5000)]      // no size recorded (a pipe)
    [InlineData(1000, 0)]      // emptied
    public void GivesExactlyTheBytesTheStreamHolds(long recorded, int actual)
    {
        var data = Bytes(actual);
        Assert.Equal(data, SafeFile.ReadBounded(new MemoryStream(data), limit: 1_000_000, expected: recorded));
    }

    [Theory]
    [InlineData(100, 100, 101)] // recorded at the limit, one byte more follows
    [InlineData(50, 100, 101)]  // recorded under the limit, grew past it
    [InlineData(0, 100, 101)]   // no size recorded
    public void MoreThanTheLimitThrows(long recorded, long limit, int actual)
    {
        Assert.Throws<SafeFile.TooLargeException>(() => SafeFile.ReadBounded(new MemoryStream(Bytes(actual)), limit, recorded));
    }

    [Fact]
    public void TheLimitItselfIsAllowed()
    {
        var data = Bytes(100);
        Assert.Equal(data, SafeFile.ReadBounded(new MemoryStream(data), limit: 100, expected: 100));
    }
}
