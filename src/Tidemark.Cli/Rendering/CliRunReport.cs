using Tidemark.Automation;

namespace Tidemark.Cli.Rendering;

/// <summary>
/// Renders a use case's progress as it goes: notes, warnings and errors as <c>tidemark: …</c>, <c>tidemark: warning: …</c>
/// and <c>tidemark: error: …</c> lines on standard error; each published scope on standard output (<see cref="RunRenderer"/>)
/// unless the output is JSON (then the whole result is one object at the end, and a suspended automation is a warning).
/// </summary>
internal sealed class CliRunReport(CliEnvironment env, bool json = false) : IRunReport
{
    public Task NoteAsync(string message) => env.Error.WriteLineAsync($"tidemark: {message}");

    public Task WarnAsync(string message) => env.Error.WriteLineAsync($"tidemark: warning: {message}");

    public Task ErrorAsync(string message) => env.Error.WriteLineAsync($"tidemark: error: {message}");

    public Task ScopePublishedAsync(ScopeResult scope) => json ? Task.CompletedTask : RunRenderer.WriteAsync(env.Out, scope);

    public Task ScopeSuspendedAsync(string line) => json ? WarnAsync(line) : env.Out.WriteLineAsync(line);
}
