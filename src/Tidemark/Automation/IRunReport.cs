namespace Tidemark.Automation;

/// <summary>
/// Where a use case (<see cref="AutomationRun"/>, the planning and checkout services) says what it is doing as it goes,
/// for the host to render: the CLI writes <see cref="NoteAsync"/> as <c>tidemark: MESSAGE</c>, <see cref="WarnAsync"/> as
/// <c>tidemark: warning: MESSAGE</c> and <see cref="ErrorAsync"/> as <c>tidemark: error: MESSAGE</c> on standard error,
/// and each scope's outcome as it is published. Messages never hold a token (they name tokens by fingerprint).
/// </summary>
internal interface IRunReport
{
    /// <summary>A line for people, e.g. <c>token classic …1a2b from GITHUB_TOKEN</c> or a configuration warning with its place.</summary>
    Task NoteAsync(string message);

    Task WarnAsync(string message);

    Task ErrorAsync(string message);

    /// <summary>One scope was published (or dry-run); called before the scope's plan errors are reported.</summary>
    Task ScopePublishedAsync(ScopeResult scope);

    /// <summary>A suspended Flux automation: nothing published for it, e.g. <c>ImageUpdateAutomation flux-system/apps: suspended (…); nothing published</c>.</summary>
    Task ScopeSuspendedAsync(string line);
}

/// <summary>A report that says nothing (callers that only want the result).</summary>
internal sealed class SilentRunReport : IRunReport
{
    public static readonly SilentRunReport Instance = new();

    public Task NoteAsync(string message) => Task.CompletedTask;

    public Task WarnAsync(string message) => Task.CompletedTask;

    public Task ErrorAsync(string message) => Task.CompletedTask;

    public Task ScopePublishedAsync(ScopeResult scope) => Task.CompletedTask;

    public Task ScopeSuspendedAsync(string line) => Task.CompletedTask;
}

/// <summary>Passes everything on and keeps the warnings and errors, for the run's <see cref="RunResult"/>.</summary>
internal sealed class RecordingRunReport(IRunReport inner) : IRunReport
{
    private readonly List<string> warnings = [];
    private readonly List<string> errors = [];
    private readonly Lock gate = new();

    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (gate)
            {
                return [.. warnings];
            }
        }
    }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (gate)
            {
                return [.. errors];
            }
        }
    }

    public Task NoteAsync(string message) => inner.NoteAsync(message);

    public Task WarnAsync(string message)
    {
        lock (gate)
        {
            warnings.Add(message);
        }

        return inner.WarnAsync(message);
    }

    public Task ErrorAsync(string message)
    {
        lock (gate)
        {
            errors.Add(message);
        }

        return inner.ErrorAsync(message);
    }

    public Task ScopePublishedAsync(ScopeResult scope) => inner.ScopePublishedAsync(scope);

    public Task ScopeSuspendedAsync(string line)
    {
        lock (gate)
        {
            warnings.Add(line);
        }

        return inner.ScopeSuspendedAsync(line);
    }
}
