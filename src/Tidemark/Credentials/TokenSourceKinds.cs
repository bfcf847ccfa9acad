using Tidemark.Credentials.GitHubApp;

namespace Tidemark.Credentials;

/// <summary>Every kind of token source, registered here and nowhere else (STYLE §6).</summary>
internal static class TokenSourceKinds
{
    public static IReadOnlyList<ITokenSourceKind> All { get; } =
    [
        new EnvironmentTokenSourceKind(),
        new FileTokenSourceKind(),
        new CommandTokenSourceKind(),
        new AppTokenSourceKind(),
    ];

    /// <summary>The source named <paramref name="name"/> with its arguments. Example: <c>Create("env", [], context)</c>.</summary>
    public static ITokenSource Create(string name, IReadOnlyList<string> arguments, TokenSourceContext context)
    {
        var kind = All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new TokenSourceException($"token source '{name}'", "is not a kind of token source",
                "use one of: " + string.Join("; ", All.Select(k => k.Usage)));
        return kind.Create(arguments, context);
    }
}
