namespace Tidemark.State;

/// <summary>
/// One action of the audit vocabulary (<see cref="AuditActions"/>), rendering its dotted name: <c>git.push</c>. A typed
/// value, so a string does not compile where an action is expected; only <see cref="AuditActions"/> defines them, and
/// <see cref="FromStored"/> reads back what a store holds.
/// </summary>
internal readonly record struct AuditAction
{
    internal AuditAction(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _name = name;
    }

    private readonly string? _name;

    /// <summary>The dotted name, e.g. <c>pr.close</c> (what the store, the log and <c>tidemark audit</c> show).</summary>
    public string Name => _name ?? "";

    /// <summary>The action of the vocabulary named <paramref name="name"/>; null when there is none.</summary>
    public static AuditAction? Find(string name) => AuditActions.All.Cast<AuditAction?>().FirstOrDefault(a => a!.Value.Name == name);

    /// <summary>An action as a store holds it: the vocabulary's when known, else the stored name as it is (written by another version).</summary>
    public static AuditAction FromStored(string name) => Find(name) ?? new AuditAction(name);

    public override string ToString() => Name;
}
