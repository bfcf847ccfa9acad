using Tidemark.Git;

namespace Tidemark.Doctor.Checks;

/// <summary>The local git: present, and new enough for how Tidemark hands it the token (GIT_CONFIG_COUNT, git 2.31).</summary>
internal sealed class GitVersionCheck : IDoctorCheck
{
    public string Name => CheckNames.GitVersion;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.PushBranch];

    public IReadOnlyList<string> Requires { get; } = [];

    public bool InTokenCheck => false;

    public async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        Version version;
        try
        {
            version = await context.Git!.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is GitException or System.ComponentModel.Win32Exception or FormatException)
        {
            return [Finding.Error($"git is missing or does not run: {e.Message}", "install git 2.31 or newer and put it on PATH")];
        }

        return version < DoctorSettings.MinimumGitVersion
            ? [Finding.Error($"git {version} is too old: Tidemark needs {DoctorSettings.MinimumGitVersion} or newer (GIT_CONFIG_COUNT carries the token)", "install git 2.31 or newer")]
            : [Finding.Ok($"git {version}")];
    }
}
