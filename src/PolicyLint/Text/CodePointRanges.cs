namespace PolicyLint.Text;

/// <summary>Lookup in a sorted table of inclusive code point ranges stored as [first, last] pairs.</summary>
internal static class CodePointRanges
{
    /// <summary>Whether <paramref name="codePoint"/> lies in one of the ranges (binary search over the pairs).</summary>
    public static bool Contains(int[] ranges, int codePoint)
    {
        int lo = 0, hi = ranges.Length / 2 - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (codePoint < ranges[2 * mid]) hi = mid - 1;
            else if (codePoint > ranges[2 * mid + 1]) lo = mid + 1;
            else return true;
        }
        return false;
    }
}
