namespace Tidemark.Credentials;

/// <summary><c>command PROGRAM [ARG...]</c>: the token is the program's standard output (run without a shell).</summary>
internal sealed class CommandTokenSourceKind : ITokenSourceKind
{
    public string Name => "command";

    public string Usage => "command PROGRAM [ARG...] — what a program prints, such as op read op://automation/github/token";

    public ITokenSource Create(IReadOnlyList<string> arguments, TokenSourceContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count == 0 || string.IsNullOrWhiteSpace(arguments[0]))
        {
            throw new TokenSourceException("token source command", "needs a program to run", Usage);
        }

        return new CommandTokenSource([.. arguments], context);
    }
}
