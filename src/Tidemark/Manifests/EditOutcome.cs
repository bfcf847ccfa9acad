namespace Tidemark.Manifests;

/// <summary>The result of <see cref="SpanEditor.Apply"/>: new text, nothing to change, or a refusal with why.</summary>
internal abstract record EditOutcome
{
    private EditOutcome()
    {
    }

    /// <summary>The file's new text and how many spans changed (one changed line per changed reference).</summary>
    public sealed record Edited(string Content, int ChangedSpans) : EditOutcome;

    /// <summary>Every requested value is already written.</summary>
    public sealed record Unchanged : EditOutcome;

    /// <summary>The edit was not made, e.g. <c>apps/web.yaml:12: the reference has no tag field to write 1.2 into</c>.</summary>
    public sealed record Refused(string File, int Line, string Reason) : EditOutcome
    {
        public override string ToString() => $"{File}:{Line}: {Reason}";
    }
}
