using System.Collections;

namespace Tidemark.Automation;

/// <summary>The structured fields of an audit event's log line (Action, Target, Outcome, Token, Detail) and its message.</summary>
internal sealed record AuditLogState(string Action, string Target, string Outcome, string? Token, string Detail) : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>One id for every audit log line; the event name tells them apart.</summary>
    public const int EventId = 1001;

    private KeyValuePair<string, object?>[] Fields =>
    [
        new("Action", Action), new("Target", Target), new("Outcome", Outcome), new("Token", Token), new("Detail", Detail),
        new("{OriginalFormat}", "{Action} {Target} {Outcome} ({Token}): {Detail}"),
    ];

    public int Count => Fields.Length;

    public KeyValuePair<string, object?> this[int index] => Fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)Fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{Action} {Target} {Outcome} ({Token ?? "no token"}): {Detail}";
}
