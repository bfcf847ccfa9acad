namespace Tidemark.Registries;

/// <summary>
/// Finds the <c>rel="next"</c> target of an RFC 8288 <c>Link</c> header, as the distribution spec uses it for
/// tag pagination: <c>&lt;/v2/app/tags/list?n=100&amp;last=v1.9&gt;; rel="next"</c>.
/// </summary>
internal static class LinkHeader
{
    public static string? FindNext(string? headerValue)
    {
        if (string.IsNullOrWhiteSpace(headerValue))
        {
            return null;
        }

        foreach (var link in SplitLinks(headerValue))
        {
            var close = link.IndexOf('>', StringComparison.Ordinal);
            if (!link.StartsWith('<') || close < 0)
            {
                continue;
            }

            var target = link[1..close];
            if (HasNextRelation(link[(close + 1)..]))
            {
                return target;
            }
        }

        return null;
    }

    private static IEnumerable<string> SplitLinks(string value)
    {
        // A comma separates links only outside <...> and quotes; URLs may contain commas.
        var start = 0;
        var inAngle = false;
        var inQuote = false;
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '<' when !inQuote: inAngle = true; break;
                case '>' when !inQuote: inAngle = false; break;
                case '"' when !inAngle: inQuote = !inQuote; break;
                case ',' when !inAngle && !inQuote:
                    yield return value[start..i].Trim();
                    start = i + 1;
                    break;
            }
        }

        yield return value[start..].Trim();
    }

    private static bool HasNextRelation(string parameters)
    {
        foreach (var parameter in parameters.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !parameter[..equals].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var relations = parameter[(equals + 1)..].Trim().Trim('"');
            if (relations.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("next", StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
