using System.Globalization;

namespace Tidemark.Versions;

/// <summary>
/// A SemVer 2.0 version (<c>1.2.0-rc.1+build.5</c>) with spec precedence: build metadata is ignored, pre-release
/// identifiers compare one by one, numeric ones numerically and below alphanumeric ones, which compare in ASCII
/// order (so <c>-rc.9</c> &lt; <c>-rc.10</c> but <c>-rc9</c> &gt; <c>-rc10</c>). See https://semver.org/#spec-item-11.
/// </summary>
internal readonly record struct SemanticVersion(ulong Major, ulong Minor, ulong Patch, string PreRelease, string Build)
    : IComparable<SemanticVersion>
{
    public bool IsPreRelease => PreRelease.Length > 0;

    /// <summary>
    /// Parses a tag the way Flux does for semver policies: one leading <c>v</c> is stripped, then the rest must be
    /// strict SemVer 2.0 (exactly three numeric parts, no leading zeros). <c>v1.2.3</c> parses, <c>v1.2</c>,
    /// <c>2022.04.1</c> and <c>latest</c> do not.
    /// </summary>
    public static bool TryParseTag(string tag, out SemanticVersion version)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var text = tag.AsSpan();
        if (text.StartsWith('v'))
        {
            text = text[1..];
        }

        return TryParseStrict(text, out version);
    }

    private static bool TryParseStrict(ReadOnlySpan<char> text, out SemanticVersion version)
    {
        version = default;
        var position = 0;
        if (!TryReadCoreNumber(text, ref position, out var major) || !TryConsume(text, ref position, '.')
            || !TryReadCoreNumber(text, ref position, out var minor) || !TryConsume(text, ref position, '.')
            || !TryReadCoreNumber(text, ref position, out var patch))
        {
            return false;
        }

        if (!TryReadSuffixes(text[position..], out var preRelease, out var build))
        {
            return false;
        }

        version = new SemanticVersion(major, minor, patch, preRelease, build);
        return true;
    }

    /// <summary>Reads <c>[-pre.release][+build]</c>, which must make up all of <paramref name="text"/>.</summary>
    private static bool TryReadSuffixes(ReadOnlySpan<char> text, out string preRelease, out string build)
    {
        preRelease = string.Empty;
        build = string.Empty;
        var plus = text.IndexOf('+');
        var pre = plus < 0 ? text : text[..plus];
        if (pre.Length > 0)
        {
            if (pre[0] != '-' || !IsValidIdentifierList(pre[1..], rejectLeadingZeros: true))
            {
                return false;
            }

            preRelease = pre[1..].ToString();
        }

        if (plus >= 0)
        {
            if (!IsValidIdentifierList(text[(plus + 1)..], rejectLeadingZeros: false))
            {
                return false;
            }

            build = text[(plus + 1)..].ToString();
        }

        return true;
    }

    private static bool TryReadCoreNumber(ReadOnlySpan<char> text, ref int position, out ulong value)
    {
        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        var digits = text[start..position];
        value = 0;
        var leadingZero = digits.Length > 1 && digits[0] == '0';
        return digits.Length > 0 && !leadingZero
            && ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryConsume(ReadOnlySpan<char> text, ref int position, char expected)
    {
        if (position < text.Length && text[position] == expected)
        {
            position++;
            return true;
        }

        return false;
    }

    /// <summary>Dot-separated, non-empty identifiers of <c>[0-9A-Za-z-]</c>; numeric pre-release ids without leading zeros.</summary>
    internal static bool IsValidIdentifierList(ReadOnlySpan<char> text, bool rejectLeadingZeros)
    {
        foreach (var range in text.Split('.'))
        {
            var identifier = text[range];
            if (identifier.Length == 0 || identifier.ContainsAnyExcept(IdentifierChars))
            {
                return false;
            }

            if (rejectLeadingZeros && identifier.Length > 1 && identifier[0] == '0' && IsNumeric(identifier))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly System.Buffers.SearchValues<char> IdentifierChars =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-");

    public int CompareTo(SemanticVersion other)
    {
        var result = Major.CompareTo(other.Major);
        if (result == 0)
        {
            result = Minor.CompareTo(other.Minor);
        }

        if (result == 0)
        {
            result = Patch.CompareTo(other.Patch);
        }

        return result != 0 ? result : ComparePreRelease(PreRelease, other.PreRelease);
    }

    /// <summary>Spec precedence of two pre-release strings; an empty one (a release) ranks above any pre-release.</summary>
    public static int ComparePreRelease(string left, string right)
    {
        if (left.Length == 0 || right.Length == 0)
        {
            // a release (no pre-release) ranks above every pre-release of the same major.minor.patch
            return (left.Length == 0 ? 1 : 0) - (right.Length == 0 ? 1 : 0);
        }

        var a = left.AsSpan();
        var b = right.AsSpan();
        while (true)
        {
            var endA = a.IndexOf('.');
            var endB = b.IndexOf('.');
            var result = CompareIdentifier(endA < 0 ? a : a[..endA], endB < 0 ? b : b[..endB]);
            if (result != 0)
            {
                return result;
            }

            if (endA < 0 || endB < 0)
            {
                return (endA < 0 ? 0 : 1) - (endB < 0 ? 0 : 1);
            }

            a = a[(endA + 1)..];
            b = b[(endB + 1)..];
        }
    }

    private static int CompareIdentifier(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var numericA = IsNumeric(a);
        var numericB = IsNumeric(b);
        if (numericA && numericB)
        {
            a = a.TrimStart('0');
            b = b.TrimStart('0');
            var byLength = a.Length.CompareTo(b.Length);
            return byLength != 0 ? byLength : Math.Sign(a.SequenceCompareTo(b));
        }

        if (numericA != numericB)
        {
            return numericA ? -1 : 1;
        }

        return Math.Sign(a.SequenceCompareTo(b));
    }

    private static bool IsNumeric(ReadOnlySpan<char> identifier) =>
        identifier.Length > 0 && !identifier.ContainsAnyExceptInRange('0', '9');

    public override string ToString()
    {
        var core = string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
        return core + (IsPreRelease ? "-" + PreRelease : string.Empty) + (Build.Length > 0 ? "+" + Build : string.Empty);
    }
}
