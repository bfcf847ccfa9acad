using Tidemark.Credentials;

namespace Tidemark.Git;

/// <summary>A git command failed. The message is the classified explanation plus git's redacted output.</summary>
internal sealed class GitException : Exception
{
    public GitException(GitFailure failure, string gitOutput, ISecretRedactor redactor)
        : base(redactor.Redact(Compose(failure.Message, gitOutput)))
    {
        Failure = failure with { Message = redactor.Redact(failure.Message) };
        GitOutput = redactor.Redact(gitOutput);
    }

    public GitFailure Failure { get; }

    public GitFailureKind Kind => Failure.Kind;

    /// <summary>git's standard error, redacted.</summary>
    public string GitOutput { get; }

    private static string Compose(string message, string gitOutput) =>
        string.IsNullOrWhiteSpace(gitOutput)
            ? message
            : message + Environment.NewLine + "git said:" + Environment.NewLine + gitOutput.TrimEnd();
}
