namespace Tidemark.State;

/// <summary>How a run ended and what it counted. Example: ("pull-request-updated", References: 42, Changes: 3, Errors: 0).</summary>
internal sealed record RunEnd(string Outcome, int References, int Changes, int Errors);
