namespace Tidemark.Testing.GitHub;

/// <summary>One ref update of a push, as receive-pack hands it to the hook.</summary>
internal sealed record RefUpdate(string OldSha, string NewSha, string RefName)
{
    public bool IsCreate => OldSha == GitRunner.ZeroSha;

    public bool IsDelete => NewSha == GitRunner.ZeroSha;

    public string Branch => RefName.StartsWith("refs/heads/", StringComparison.Ordinal) ? RefName[11..] : RefName;

    public static RefUpdate? Parse(string line)
    {
        var parts = line.Split(' ', 3);
        return parts.Length == 3 ? new RefUpdate(parts[0], parts[1], parts[2].Trim()) : null;
    }
}
