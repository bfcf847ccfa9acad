using System.Globalization;

namespace Tidemark.Versions;

/// <summary>
/// A tag read the way relative policies read it: an optional <c>v</c>, one to four dot-separated decimal numbers
/// (leading zeros allowed, so CalVer such as <c>2024.04.01</c> works) and a suffix. The suffix is everything after
/// the numbers and must be empty or start with <c>-</c>, <c>_</c> or <c>+</c>: <c>1.25.3-alpine</c> has the suffix
/// <c>-alpine</c>, <c>v1.26.0-rc.1</c> has <c>-rc.1</c>, <c>1.2.3a</c> is not a version. Two tags have the same shape
/// when prefix, number of numbers and suffix are all identical (the suffix compared ordinally).
/// </summary>
internal readonly struct ShapedVersion
{
    public const int MaxParts = 4;

    private readonly ulong part0;
    private readonly ulong part1;
    private readonly ulong part2;
    private readonly ulong part3;
    private readonly int suffixStart;

    private ShapedVersion(string text, bool hasV, int count, ReadOnlySpan<ulong> parts, int suffixStart)
    {
        Text = text;
        HasV = hasV;
        Count = count;
        part0 = parts[0];
        part1 = parts[1];
        part2 = parts[2];
        part3 = parts[3];
        this.suffixStart = suffixStart;
    }

    public string Text { get; }

    public bool HasV { get; }

    public int Count { get; }

    public ReadOnlySpan<char> Suffix => Text.AsSpan(suffixStart);

    public ulong this[int index] => index switch
    {
        0 => part0,
        1 => part1,
        2 => part2,
        3 => part3,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public static bool TryParse(string text, out ShapedVersion version)
    {
        ArgumentNullException.ThrowIfNull(text);
        version = default;
        var hasV = text.StartsWith('v');
        var position = hasV ? 1 : 0;
        Span<ulong> parts = stackalloc ulong[MaxParts];
        var count = 0;
        while (true)
        {
            if (count == MaxParts || !TryReadNumber(text, ref position, out parts[count]))
            {
                return false;
            }

            count++;
            var next = position + 1;
            if (position < text.Length && text[position] == '.' && next < text.Length && char.IsAsciiDigit(text[next]))
            {
                position = next;
                continue;
            }

            break;
        }

        if (position < text.Length && text[position] is not ('-' or '_' or '+'))
        {
            return false;
        }

        version = new ShapedVersion(text, hasV, count, parts, position);
        return true;
    }

    private static bool TryReadNumber(string text, ref int position, out ulong value)
    {
        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        value = 0;
        return position > start
            && ulong.TryParse(text.AsSpan(start, position - start), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    public bool HasSameShape(in ShapedVersion other) =>
        HasV == other.HasV && Count == other.Count && Suffix.SequenceEqual(other.Suffix);

    /// <summary>Compares the numbers of two versions of the same shape, left to right.</summary>
    public int CompareNumbers(in ShapedVersion other)
    {
        var count = Math.Min(Count, other.Count);
        for (var i = 0; i < count; i++)
        {
            var result = this[i].CompareTo(other[i]);
            if (result != 0)
            {
                return result;
            }
        }

        return Count.CompareTo(other.Count);
    }

    /// <summary>True when the first <paramref name="count"/> numbers (at most all of them) are equal.</summary>
    public bool SharesLeading(in ShapedVersion other, int count)
    {
        var limit = Math.Min(count, Math.Min(Count, other.Count));
        for (var i = 0; i < limit; i++)
        {
            if (this[i] != other[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The range a relative policy may move in, e.g. <c>v1.x.y</c>, <c>1.25.x-alpine</c>, <c>x.y.z</c>.</summary>
    public string DescribeScope(int fixedParts)
    {
        var parts = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            parts[i] = i < fixedParts
                ? this[i].ToString(CultureInfo.InvariantCulture)
                : "xyzw"[i - Math.Min(fixedParts, Count)].ToString();
        }

        return (HasV ? "v" : string.Empty) + string.Join('.', parts) + Suffix.ToString();
    }
}
