namespace Tidemark.Images;

/// <summary>The outcome of parsing a reference: a reference, an invalid one, or one that cannot be resolved.</summary>
internal abstract record ReferenceParseResult
{
    private ReferenceParseResult()
    {
    }

    /// <summary>A valid reference.</summary>
    public sealed record Parsed(ImageReference Reference) : ReferenceParseResult;

    /// <summary>An invalid reference: <paramref name="Part"/> names the part at fault (domain, path, tag, digest).</summary>
    public sealed record Invalid(string Text, string Part, string Message) : ReferenceParseResult
    {
        public override string ToString() => $"invalid image reference \"{Text}\": {Message}";
    }

    /// <summary>Template syntax such as <c>${IMAGE}</c> or <c>{{ .Values.image }}</c>: skipped, not an error.</summary>
    public sealed record Unresolvable(string Text, string Reason) : ReferenceParseResult;
}
