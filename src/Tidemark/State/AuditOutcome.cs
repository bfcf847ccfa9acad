namespace Tidemark.State;

/// <summary>
/// How an audited action ended (<see cref="AuditOutcomes"/>), rendering its name: <c>ok</c>, <c>denied</c>, <c>failed</c>.
/// A typed value, so a string does not compile where an outcome is expected.
/// </summary>
internal readonly record struct AuditOutcome
{
    internal AuditOutcome(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _name = name;
    }

    private readonly string? _name;

    public string Name => _name ?? "";

    /// <summary>The outcome named <paramref name="name"/>; null when there is none.</summary>
    public static AuditOutcome? Find(string name) => AuditOutcomes.All.Cast<AuditOutcome?>().FirstOrDefault(o => o!.Value.Name == name);

    /// <summary>An outcome as a store holds it: the vocabulary's when known, else the stored name as it is.</summary>
    public static AuditOutcome FromStored(string name) => Find(name) ?? new AuditOutcome(name);

    public override string ToString() => Name;
}
