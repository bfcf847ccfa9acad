using Tidemark.State;

namespace Tidemark.Doctor.Checks;

/// <summary>The state store opens, its schema is migrated to the current version, and no other run holds the repository's lock.</summary>
internal sealed class StateStoreCheck : IDoctorCheck
{
    public string Name => CheckNames.StateStore;

    public IReadOnlyList<Capability> Capabilities { get; } = [];

    public IReadOnlyList<string> Requires { get; } = [];

    public bool InTokenCheck => false;

    public async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        StateStore state;
        try
        {
            state = await context.OpenState!(cancellationToken).ConfigureAwait(false);
        }
        catch (StateStoreException e)
        {
            return [Finding.Error(e.Message, $"`tidemark state check --state {context.StatePath}` shows what is wrong; `tidemark state repair --state {context.StatePath}` moves a broken file aside (kept) and starts a new one")];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [Finding.Error($"cannot open the state store {context.StatePath}: {e.Message}", "check the --state path and its folder's permissions")];
        }

        var findings = new List<Finding> { Finding.Ok($"state store {context.StatePath} opens; schema at version {SqliteMigrations.Latest} (current)") };
        var repository = context.Settings.FullName;
        var lease = await state.Locks.TryAcquireAsync(repository, "tidemark doctor", TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            findings.Add(Finding.Warning($"another run holds the lock of {repository}", "wait for it to finish; a crashed run's lock expires when its lease ends (15 minutes)"));
        }
        else
        {
            await state.Locks.ReleaseAsync(lease, cancellationToken).ConfigureAwait(false);
            findings.Add(Finding.Ok($"the lock of {repository} is free"));
        }

        return findings;
    }
}
