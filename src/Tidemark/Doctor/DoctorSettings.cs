namespace Tidemark.Doctor;

/// <summary>
/// What the doctor was asked to look at. Example: ("acme", "gitops", https://api.github.com/, WriteProbe: false,
/// "GITHUB_TOKEN"). <see cref="ProbeSuffix"/> makes the names of write probes unique (injected: no ambient randomness).
/// </summary>
internal sealed record DoctorSettings(string Owner, string Repository, Uri ApiBase, bool WriteProbe, string TokenSource, Func<string> ProbeSuffix)
{
    public string FullName => $"{Owner}/{Repository}";

    /// <summary>git 2.31 added GIT_CONFIG_COUNT, through which Tidemark hands git the token.</summary>
    public static Version MinimumGitVersion { get; } = new(2, 31);
}
