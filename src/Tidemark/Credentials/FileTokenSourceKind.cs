namespace Tidemark.Credentials;

/// <summary><c>file PATH</c>: a file holding the token, or a folder (a mounted Secret) holding <c>token</c> or <c>password</c>.</summary>
internal sealed class FileTokenSourceKind : ITokenSourceKind
{
    public string Name => "file";

    public string Usage => "file PATH — a file, or a folder (a mounted Secret) holding 'token' or 'password'";

    public ITokenSource Create(IReadOnlyList<string> arguments, TokenSourceContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count != 1 || string.IsNullOrWhiteSpace(arguments[0]))
        {
            throw new TokenSourceException("token source file", "needs exactly one path", Usage);
        }

        return new FileTokenSource(Path.GetFullPath(arguments[0]), context);
    }
}
