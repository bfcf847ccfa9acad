using Tidemark.Testing.GitHub;

namespace Tidemark.GitHubSimulator;

/// <summary>
/// Reads one item of <c>tokens:</c>, e.g. <c>{name: good, kind: fine-grained, user: alice, writeTo: tokens/good.txt}</c>.
/// A relative <c>writeTo</c> must stay inside the <c>--data</c> folder.
/// </summary>
internal static class TokenReader
{
    public static TokenConfig Read(YamlFields fields, string? dataDirectory)
    {
        var user = fields.RequiredText("user");
        var token = new TokenConfig(
            fields.Text("name") ?? fields.Place,
            Kind(fields),
            user,
            fields.Text("owner") ?? user,
            fields.List("repositories"),
            fields.Map("permissions"),
            fields.List("scopes") ?? [],
            fields.Int("expiresInDays", 1, 3650),
            fields.Bool("ssoAuthorized", fallback: false),
            WriteTo(fields, dataDirectory),
            fields.Place);
        fields.ReportUnknown();
        return token;
    }

    private static TokenKind Kind(YamlFields fields)
    {
        switch (fields.RequiredText("kind"))
        {
            case "classic":
                return TokenKind.Classic;
            case "fine-grained":
                return TokenKind.FineGrained;
            case "":
                return TokenKind.Classic;
            case var other:
                fields.Error("kind", $"expected classic or fine-grained, not '{other}'");
                return TokenKind.Classic;
        }
    }

    private static string WriteTo(YamlFields fields, string? dataDirectory)
    {
        var writeTo = fields.RequiredText("writeTo");
        if (writeTo.Length == 0 || Path.IsPathRooted(writeTo))
        {
            return writeTo.Length == 0 ? "" : Path.GetFullPath(writeTo);
        }

        if (dataDirectory is null)
        {
            fields.Error("writeTo", $"'{writeTo}' is relative but no --data folder was given; pass --data DIR or write an absolute path");
            return "";
        }

        var full = Path.GetFullPath(Path.Combine(dataDirectory, writeTo));
        if (!full.StartsWith(Path.TrimEndingDirectorySeparator(dataDirectory) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            fields.Error("writeTo", $"'{writeTo}' leaves the --data folder; use a path inside it or an absolute path");
        }

        return full;
    }
}
