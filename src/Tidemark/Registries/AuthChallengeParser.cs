using System.Text;

namespace Tidemark.Registries;

/// <summary>
/// A small tokenizer for the RFC 7235 challenge grammar: <c>scheme [token68 | name=value *(, name=value)]</c>,
/// several challenges separated by commas, values as tokens or quoted strings with backslash escapes.
/// </summary>
internal static class AuthChallengeParser
{
    public static IReadOnlyList<AuthChallenge> Parse(string value)
    {
        var challenges = new List<AuthChallenge>();
        var position = 0;
        string? scheme = null;
        var parameters = NewParameters();
        while (SkipSeparators(value, ref position))
        {
            var token = ReadToken(value, ref position);
            if (token.Length == 0)
            {
                position++; // an unexpected character: skip it
                continue;
            }

            SkipSpaces(value, ref position);
            if (position < value.Length && value[position] == '=' && scheme is not null)
            {
                position++;
                SkipSpaces(value, ref position);
                parameters[token] = ReadValue(value, ref position);
                continue;
            }

            if (scheme is not null)
            {
                challenges.Add(new AuthChallenge(scheme, parameters));
                parameters = NewParameters();
            }

            scheme = token;
        }

        if (scheme is not null)
        {
            challenges.Add(new AuthChallenge(scheme, parameters));
        }

        return challenges;
    }

    private static Dictionary<string, string> NewParameters() => new(StringComparer.OrdinalIgnoreCase);

    private static bool SkipSeparators(string value, ref int position)
    {
        while (position < value.Length && (value[position] == ',' || char.IsWhiteSpace(value[position])))
        {
            position++;
        }

        return position < value.Length;
    }

    private static void SkipSpaces(string value, ref int position)
    {
        while (position < value.Length && char.IsWhiteSpace(value[position]))
        {
            position++;
        }
    }

    private static string ReadToken(string value, ref int position)
    {
        var start = position;
        while (position < value.Length && !char.IsWhiteSpace(value[position]) && value[position] is not (',' or '=' or '"'))
        {
            position++;
        }

        return value[start..position];
    }

    private static string ReadValue(string value, ref int position)
    {
        if (position >= value.Length || value[position] != '"')
        {
            return ReadToken(value, ref position);
        }

        var text = new StringBuilder();
        position++;
        while (position < value.Length && value[position] != '"')
        {
            if (value[position] == '\\' && position + 1 < value.Length)
            {
                position++;
            }

            text.Append(value[position]);
            position++;
        }

        position++; // the closing quote
        return text.ToString();
    }
}
