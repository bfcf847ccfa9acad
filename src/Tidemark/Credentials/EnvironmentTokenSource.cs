namespace Tidemark.Credentials;

/// <summary>The token in an environment variable: <c>GITHUB_TOKEN</c> unless another name is given.</summary>
internal sealed class EnvironmentTokenSource(string variable, TokenSourceContext context) : ITokenSource
{
    public const string DefaultVariable = "GITHUB_TOKEN";

    public string Description => variable;

    public Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        var value = context.Variable(variable);
        if (value is null)
        {
            throw new TokenSourceException(variable, "is not set",
                $"set it (read -rs {variable} && export {variable}), or use --token-file or --token-command");
        }

        if (value.Trim().Length == 0)
        {
            throw new TokenSourceException(variable, "is empty", "set it, or use --token-file");
        }

        return Task.FromResult(value);
    }
}
