namespace Tidemark.Versions;

/// <summary>One tag's verdict and a short explanation, e.g. <c>(v2.0.0, OutsidePolicy, "another major than v1.16.2")</c>.</summary>
internal sealed record TagVerdict(string Tag, Verdict Verdict, string Text);
