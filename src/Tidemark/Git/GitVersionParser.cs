using System.Text.RegularExpressions;

namespace Tidemark.Git;

/// <summary>Reads "git version 2.39.5" (or "git version 2.39.5.windows.1") into a <see cref="Version"/>.</summary>
internal static partial class GitVersionParser
{
    public static Version Parse(string output)
    {
        var match = VersionPattern().Match(output);
        if (!match.Success)
        {
            throw new FormatException($"not git version output: {output.Trim()}");
        }

        return new Version(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
            match.Groups[3].Success ? int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
    }

    [GeneratedRegex(@"git version (\d+)\.(\d+)(?:\.(\d+))?")]
    private static partial Regex VersionPattern();
}
