using System.Globalization;

namespace Tidemark.Versions;

/// <summary>
/// Recursive-descent reader of the Masterminds semver v3 range grammar (the one Flux's <c>semver.range</c> uses):
/// <code>
/// range   = group *( "||" group )
/// group   = term *( ( spaces / [spaces] "," [spaces] ) term )
/// term    = [op] [spaces] version / version spaces "-" spaces version
/// op      = "=" / "!=" / "&gt;" / "&lt;" / "&gt;=" / "=&gt;" / "&lt;=" / "=&lt;" / "~" / "~&gt;" / "^"
/// version = ["v"] part ["." part ["." part]] ["-" prerelease] ["+" build] ; part = digits / "x" / "X" / "*"
/// </code>
/// Errors name what was expected and the zero-based position in the text.
/// </summary>
internal sealed class RangeParser
{
    private static readonly (string Text, ComparatorOperator Operator)[] Operators =
    [
        ("!=", ComparatorOperator.NotEqual), (">=", ComparatorOperator.GreaterOrEqual),
        ("=>", ComparatorOperator.GreaterOrEqual), ("<=", ComparatorOperator.LessOrEqual),
        ("=<", ComparatorOperator.LessOrEqual), ("~>", ComparatorOperator.Tilde),
        (">", ComparatorOperator.Greater), ("<", ComparatorOperator.Less), ("=", ComparatorOperator.Equal),
        ("~", ComparatorOperator.Tilde), ("^", ComparatorOperator.Caret),
    ];

    private readonly string text;
    private int position;
    private string? error;

    private RangeParser(string text) => this.text = text;

    public static ParseResult<SemverRange> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new RangeParser(text);
        var groups = parser.ReadRange();
        return groups is null
            ? ParseResult<SemverRange>.Failure($"invalid semver range \"{text}\": {parser.error}")
            : ParseResult<SemverRange>.Success(new SemverRange(text.Trim(), groups));
    }

    private bool AtEnd => position >= text.Length;

    private bool AtOr => string.CompareOrdinal(text, position, "||", 0, 2) == 0;

    private List<IReadOnlyList<Comparator>>? ReadRange()
    {
        var groups = new List<IReadOnlyList<Comparator>>();
        var orAt = -1;
        while (true)
        {
            var group = ReadGroup(orAt);
            if (group is null)
            {
                return null;
            }

            groups.Add(group);
            if (AtEnd)
            {
                return groups;
            }

            orAt = position;
            position += 2;
        }
    }

    private List<Comparator>? ReadGroup(int orAt)
    {
        var comparators = new List<Comparator>();
        SkipSpaces();
        if (AtEnd || AtOr)
        {
            return Fail(orAt < 0 ? $"expected a version at position {position}" : $"expected a version after \"||\" at position {orAt}");
        }

        while (true)
        {
            if (!ReadTerm(comparators))
            {
                return null;
            }

            var separatorStart = position;
            SkipSpaces();
            var commaAt = position;
            var comma = TryConsume(',');
            SkipSpaces();
            if (AtEnd || AtOr)
            {
                return comma ? Fail($"expected a version after \",\" at position {commaAt}") : comparators;
            }

            if (position == separatorStart)
            {
                return Fail($"unexpected \"{text[position]}\" at position {position}; separate constraints with a space or \",\"");
            }
        }
    }

    private bool ReadTerm(List<Comparator> comparators)
    {
        var start = position;
        var op = ReadOperator();
        SkipSpaces();
        if (!StartsVersion())
        {
            var found = AtEnd ? "the end" : $"\"{text[position]}\"";
            return FailTerm(op is null
                ? $"expected a version at position {position} but found {found}"
                : $"expected a version after \"{op.Value.Text}\" at position {start}");
        }

        if (!TryReadVersion(out var version, out var wildcard))
        {
            return false;
        }

        if (op is null)
        {
            if (TryReadHyphenUpperBound(out var upper, out var upperWildcard, out var failed))
            {
                comparators.Add(new Comparator(ComparatorOperator.GreaterOrEqual, version, wildcard));
                comparators.Add(new Comparator(ComparatorOperator.LessOrEqual, upper, upperWildcard));
                return true;
            }

            if (failed)
            {
                return false;
            }
        }

        comparators.Add(new Comparator(op?.Operator ?? ComparatorOperator.Equal, version, wildcard));
        return true;
    }

    // "1.2 - 1.4.5": the hyphen needs spaces on both sides, otherwise "1.2-1.4.5" is 1.2.0 with pre-release 1.4.5
    private bool TryReadHyphenUpperBound(out SemanticVersion upper, out Wildcard wildcard, out bool failed)
    {
        upper = default;
        wildcard = Wildcard.None;
        failed = false;
        var save = position;
        var spaces = SkipSpaces();
        var dash = position;
        if (spaces == 0 || !TryConsume('-') || SkipSpaces() == 0)
        {
            position = save;
            return false;
        }

        if (!StartsVersion())
        {
            failed = true;
            error = $"expected a version after \"-\" at position {dash}";
            return false;
        }

        failed = !TryReadVersion(out upper, out wildcard);
        return !failed;
    }

    private (string Text, ComparatorOperator Operator)? ReadOperator()
    {
        foreach (var candidate in Operators)
        {
            if (string.CompareOrdinal(text, position, candidate.Text, 0, candidate.Text.Length) == 0)
            {
                position += candidate.Text.Length;
                return candidate;
            }
        }

        return null;
    }

    private bool StartsVersion()
    {
        var at = position < text.Length && text[position] == 'v' ? position + 1 : position;
        return at < text.Length && IsPartStart(text[at]);
    }

    private static bool IsPartStart(char c) => char.IsAsciiDigit(c) || c is 'x' or 'X' or '*';

    private bool TryReadVersion(out SemanticVersion version, out Wildcard wildcard)
    {
        version = default;
        wildcard = Wildcard.None;
        var start = position;
        TryConsume('v');
        Span<ulong> parts = stackalloc ulong[3];
        if (!TryReadParts(parts, out var firstOpen))
        {
            return false;
        }

        if (position + 1 < text.Length && text[position] == '.' && IsPartStart(text[position + 1]))
        {
            return FailTerm($"version at position {start} has more than three numeric parts");
        }

        wildcard = firstOpen switch { 0 => Wildcard.Major, 1 => Wildcard.Minor, 2 => Wildcard.Patch, _ => Wildcard.None };
        var preRelease = ReadIdentifiers('-', rejectLeadingZeros: true);
        var build = ReadIdentifiers('+', rejectLeadingZeros: false);
        if (preRelease is null || build is null)
        {
            return false;
        }

        if (!AtEnd && !char.IsWhiteSpace(text[position]) && text[position] != ',' && !AtOr)
        {
            return FailTerm($"unexpected \"{text[position]}\" at position {position}");
        }

        // like Masterminds: wildcard and missing parts become 0 (1.x is 1.0.0), the build is dropped
        var major = firstOpen > 0 ? parts[0] : 0;
        var minor = firstOpen > 1 ? parts[1] : 0;
        var patch = firstOpen > 2 ? parts[2] : 0;
        version = new SemanticVersion(major, minor, patch, preRelease, string.Empty);
        return true;
    }

    /// <summary>Reads up to three parts; <paramref name="firstOpen"/> is the index of the first wildcard or missing part (3: none).</summary>
    private bool TryReadParts(Span<ulong> parts, out int firstOpen)
    {
        var count = 0;
        firstOpen = -1;
        do
        {
            if (!TryReadPart(out parts[count], out var isWildcard))
            {
                return false;
            }

            if (isWildcard && firstOpen < 0)
            {
                firstOpen = count;
            }

            count++;
        }
        while (count < 3 && position + 1 < text.Length && text[position] == '.' && IsPartStart(text[position + 1]) && TryConsume('.'));

        firstOpen = firstOpen >= 0 ? firstOpen : count;
        return true;
    }

    private bool TryReadPart(out ulong value, out bool isWildcard)
    {
        value = 0;
        isWildcard = position < text.Length && text[position] is 'x' or 'X' or '*';
        if (isWildcard)
        {
            position++;
            return true;
        }

        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        if (position == start)
        {
            return FailTerm($"expected a number or wildcard at position {start}");
        }

        return ulong.TryParse(text.AsSpan(start, position - start), NumberStyles.None, CultureInfo.InvariantCulture, out value)
            || FailTerm($"number at position {start} is too large");
    }

    private string? ReadIdentifiers(char marker, bool rejectLeadingZeros)
    {
        if (!TryConsume(marker))
        {
            return string.Empty;
        }

        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '-' or '.'))
        {
            position++;
        }

        var identifiers = text.AsSpan(start, position - start);
        if (!SemanticVersion.IsValidIdentifierList(identifiers, rejectLeadingZeros))
        {
            var what = marker == '-' ? "pre-release" : "build metadata";
            error = $"invalid {what} \"{identifiers}\" at position {start}";
            return null;
        }

        return identifiers.ToString();
    }

    private int SkipSpaces()
    {
        var start = position;
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position - start;
    }

    private bool TryConsume(char expected)
    {
        if (position < text.Length && text[position] == expected)
        {
            position++;
            return true;
        }

        return false;
    }

    private bool FailTerm(string message)
    {
        error ??= message;
        return false;
    }

    private List<Comparator>? Fail(string message)
    {
        error ??= message;
        return null;
    }
}
