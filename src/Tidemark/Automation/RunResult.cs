namespace Tidemark.Automation;

/// <summary>One scope's publish: its settings (base and update branch), its plan and what was done (pushed, pull request opened/updated/closed).</summary>
/// <param name="ScopeLine">The Flux automation the plan belongs to, e.g. <c>ImageUpdateAutomation flux-system/apps (path ./apps)</c>; null without Flux automations.</param>
internal sealed record ScopeResult(PublishSettings Settings, Plan Plan, Outcome Outcome, string? ScopeLine);

/// <summary>
/// What one <see cref="AutomationRun"/> did for one repository: its run id (<see cref="RunIds"/>, on every audit event,
/// run record and pushed commit it wrote: <c>tidemark audit --run</c>), each published scope's outcome (a suspended
/// automation has none), and the warnings and errors it reported on the way (the same lines its <see cref="IRunReport"/> was given).
/// </summary>
internal sealed record RunResult(string Repository, string RunId, bool DryRun, UpdateMode Mode, IReadOnlyList<ScopeResult> Scopes, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors)
{
    /// <summary>Whether any scope's plan had errors (an image that could not be checked or edited): the run failed (exit 1).</summary>
    public bool HasErrors => Scopes.Any(s => s.Plan.HasErrors);
}
