using System.Text.RegularExpressions;

namespace Tidemark.Credentials;

/// <summary><c>env [NAME]</c>: the token in an environment variable, <c>GITHUB_TOKEN</c> by default.</summary>
internal sealed partial class EnvironmentTokenSourceKind : ITokenSourceKind
{
    public string Name => "env";

    public string Usage => "env [NAME] — an environment variable (default GITHUB_TOKEN)";

    public ITokenSource Create(IReadOnlyList<string> arguments, TokenSourceContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count > 1)
        {
            throw new TokenSourceException("token source env", "takes one variable name", Usage);
        }

        var name = arguments.Count == 0 ? EnvironmentTokenSource.DefaultVariable : arguments[0];
        if (!VariableName().IsMatch(name))
        {
            throw new TokenSourceException($"token source env '{name}'", "is not a variable name", "use letters, digits and _ (for example GITHUB_TOKEN)");
        }

        return new EnvironmentTokenSource(name, context);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
