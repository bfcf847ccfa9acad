namespace Tidemark.Credentials;

/// <summary>
/// A kind of <see cref="ITokenSource"/> (open family, STYLE §6: one registration line each in
/// <see cref="TokenSourceKinds"/>). Example: name <c>file</c>, arguments <c>["/var/run/secrets/github-token"]</c>.
/// </summary>
internal interface ITokenSourceKind
{
    /// <summary>The name people write: <c>env</c>, <c>file</c>, <c>command</c>.</summary>
    string Name { get; }

    /// <summary>One line on the arguments. Example: <c>file PATH — a file, or a folder holding 'token' or 'password'</c>.</summary>
    string Usage { get; }

    /// <summary>Builds the source; throws <see cref="TokenSourceException"/> when the arguments do not fit.</summary>
    ITokenSource Create(IReadOnlyList<string> arguments, TokenSourceContext context);
}
